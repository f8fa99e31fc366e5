"""``make demo``: ingest and analyse the bundled examples, then show what chronique found.

    python -m chronique.demo [--examples DIR] [--out DIR] [--model fr_core_news_sm]

Writes ``demo-output/chronique.db`` (search it with ``chronique search --db …``),
``demo-output/analysis.json`` (the JSON contract) and, when the report module is
there, ``demo-output/story.html``; prints stories, the most-quoted people, a few
quotes with their speakers and the timeline.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from chronique import contract, service
from chronique.cli import ProgressBars
from chronique.model import CorpusAnalysis
from chronique.store import SQLiteStore
from chronique.store.query import fold

ROOT = Path(__file__).resolve().parents[2]
console = Console()


def find_examples() -> Path | None:
    """The repository's examples/, else the shared seed articles beside a development clone."""
    for candidate in (ROOT / "examples", Path.cwd() / "examples", ROOT.parent / "shared" / "corpus" / "seeds"):
        if candidate.is_dir() and any(p.suffix in (".txt", ".html", ".json", ".jsonl", ".xml") for p in candidate.iterdir()):
            return candidate
    return None


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def summarise(corpus: CorpusAnalysis, errors: int, seconds: float) -> None:
    names = {e.id: e.name for e in corpus.entities}
    quotes = [(a, q) for a in corpus.documents for q in a.quotes]
    console.print(
        Panel.fit(
            f"[bold]{len(corpus.documents)}[/] articles · [bold]{len(corpus.entities)}[/] entities · "
            f"[bold]{len(quotes)}[/] quotes · [bold]{len(corpus.stories)}[/] stories · "
            f"[bold]{len(corpus.timeline)}[/] timeline items"
            + (f" · [red]{errors} unreadable[/]" if errors else "")
            + f"  ({seconds:.0f} s)",
            title="chronique demo",
        )
    )

    dates = {a.document.id: a.document.published for a in corpus.documents}
    table = Table("story", "articles", "dates", "title", title="Stories", title_justify="left")
    for s in sorted(corpus.stories, key=lambda s: -len(s.documents))[:8]:
        ds = sorted(d for d in (dates.get(i) for i in s.documents) if d)
        span = f"{ds[0][:10]} → {ds[-1][:10]}" if ds else "undated"
        table.add_row(s.id, str(len(s.documents)), span, escape(_short(s.title, 70)))
    console.print(table)

    by_speaker = Counter(q.speaker.entity or q.speaker.name for _, q in quotes if q.speaker)
    if by_speaker:
        table = Table("speaker", "quotes", title="Most-quoted people", title_justify="left")
        for key, n in by_speaker.most_common(8):
            table.add_row(escape(names.get(key, key)), str(n))
        console.print(table)

    shown, seen = 0, set()
    if quotes:
        console.print("[bold]A few quotes[/]")
    for a, q in sorted(quotes, key=lambda aq: (aq[1].kind != "direct", -len(aq[1].text))):
        who = q.speaker.name if q.speaker else None
        if not who or who in seen or len(q.text) < 40:
            continue
        seen.add(who)
        console.print(f"  « {escape(_short(q.text))} »\n    — [cyan]{escape(who)}[/] ({a.document.published or 'undated'}, {a.document.id})")
        shown += 1
        if shown == 5:
            break

    if corpus.timeline:
        table = Table("date", "what", "who", title="Timeline so far", title_justify="left")
        for t in corpus.timeline[:15]:
            table.add_row(t.date, escape(_short(t.summary, 90)), escape(", ".join(names.get(p, p) for p in t.participants[:3])))
        console.print(table)
    else:
        console.print("[dim]Timeline: no dated event found yet.[/]")


def demo_query(corpus: CorpusAnalysis) -> str | None:
    """A word from the largest story's title, written without its accents (to show folding)."""
    stories = sorted(corpus.stories, key=lambda s: -len(s.documents))
    titles = [s.title for s in stories] + [a.document.title or "" for a in corpus.documents]
    for title in titles:
        words = [w.strip(".,:;«»\"'’()") for w in title.split()]
        accented = [w for w in words if len(w) >= 5 and w.isalpha() and fold(w) != w.lower()]
        plain = [w for w in words if len(w) >= 6 and w.isalpha()]
        if accented or plain:
            return fold((accented or plain)[0])
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chronique.demo", description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=Path, help="folder of articles (default: the bundled examples/)")
    parser.add_argument("--out", type=Path, default=Path("demo-output"), help="where to write (default demo-output/)")
    parser.add_argument("--model", default=service.DEFAULT_MODEL, help="spaCy model (default fr_core_news_md)")
    args = parser.parse_args(argv)

    examples = args.examples or find_examples()
    if examples is None or not examples.is_dir():
        console.print("[red]No examples/ folder with articles found[/]: pass --examples DIR.")
        return 3
    metadata = examples / "metadata.csv"
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    db = out / "chronique.db"
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):  # a fresh corpus on every run
        stale.unlink(missing_ok=True)

    console.print(f"Reading and analysing [bold]{escape(str(examples))}[/] with {args.model}…")
    started = time.perf_counter()
    with SQLiteStore(db) as store, ProgressBars() as bars:
        result = service.ingest_paths(
            store, [examples], metadata=metadata if metadata.is_file() else None, model=args.model, progress=bars
        )
        for e in result.errors:
            console.print(f"[red]error[/] {escape(e.path)}: {escape(e.reason)}")
        corpus = result.analysis
        contract.write(corpus, out / "analysis.json")
        summarise(corpus, len(result.errors), time.perf_counter() - started)

        query = demo_query(corpus)
        if query:
            hits = service.search(store, query, limit=3)
            console.print(f"[bold]Search[/] « {escape(query)} » (accents and case do not matter): {len(hits)} hit(s)")
            for h in hits:
                console.print(f"  {h.document}  {escape(_short(h.snippet, 110))}")

    report_path = None
    if corpus.stories:
        try:
            report_path = service.write_report(corpus, None, "html", out / "story.html")
        except ImportError:
            console.print("[yellow]story report skipped: chronique.report is not available[/]")
        except Exception as exc:  # the summary above stands even if the report fails
            console.print(f"[yellow]story report failed[/]: {escape(type(exc).__name__)}: {escape(str(exc))}")
    console.print("\n[bold]Written[/]")
    for p in (db, out / "analysis.json", report_path):
        if p is not None and Path(p).exists():
            console.print(f"  {escape(str(p))}")
    if report_path is not None and Path(report_path).exists():
        console.print(f"[bold]Story report[/]: {escape(str(Path(report_path).resolve()))}")
    first = corpus.documents[0].document.id if corpus.documents else "DOC_ID"
    console.print(
        "\nTry: [cyan]chronique search {2} --db {0}[/] · [cyan]chronique show {1} --db {0}[/] · "
        "[cyan]chronique export --format csv --table quotes --db {0}[/]".format(
            escape(str(db)), first, escape(query or "grève")
        )
    )
    return 0 if corpus.documents else 3


if __name__ == "__main__":
    raise SystemExit(main())
