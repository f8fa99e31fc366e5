"""The ``chronique`` command: parses arguments, calls :mod:`chronique.service`, prints.

Exit codes: 0 all went well; 1 some inputs failed (the others were processed);
2 usage error (bad option, missing file argument); 3 nothing could be processed;
130 interrupted (Ctrl-C: the documents already stored are whole, a new run goes on from there).
Data goes to stdout, messages and progress bars to stderr; a bad input prints one
line naming its file.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from chronique import __version__, service
from chronique.errors import ChroniqueError, GoldFormatError, InputError, LangDataError, StoreError

OK, PARTIAL, USAGE, NOTHING, INTERRUPTED = 0, 1, 2, 3, 130

app = typer.Typer(
    name="chronique",
    help="French-first news intelligence: stories, entities, quotations, dates and sourced timelines.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
langdata_app = typer.Typer(help="Language data files (speech verbs, titles, temporal words).", no_args_is_help=True)
app.add_typer(langdata_app, name="langdata")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


# --- shared options ---------------------------------------------------------------------


def _check_published(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        (date if len(value) == 10 else datetime).fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None
    return value


Paths = Annotated[list[Path], typer.Argument(help="Article files or folders (txt, html, json, jsonl, feeds).")]
Metadata = Annotated[
    Optional[Path],
    typer.Option("--metadata", help="CSV with a 'file' column and optional published, title, source, url.",
                 exists=True, dir_okay=False, readable=True),
]  # fmt: skip
Published = Annotated[
    Optional[str],
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for articles the metadata does not date.",
                 callback=_check_published),
]  # fmt: skip
Model = Annotated[str, typer.Option("--model", help="spaCy model: fr_core_news_md (default) or fr_core_news_sm (faster).")]
Aliases = Annotated[
    Optional[Path],
    typer.Option("--aliases", help="TSV of 'alias<TAB>canonical name' lines (or a JRC-Names entities file) forcing names together.",
                 exists=True, dir_okay=False, readable=True),
]  # fmt: skip
Db = Annotated[Path, typer.Option("--db", help="The chronique database file.")]


def _version(value: bool) -> None:
    if value:
        out.print(f"chronique {__version__}")
        raise typer.Exit(OK)


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """French-first news intelligence: stories, entities, quotations, dates and sourced timelines."""


class ProgressBars:
    """service progress callbacks -> rich progress bars on stderr (silent when not a terminal)."""

    LABELS = {"read": "Reading", "analyse": "Analysing", "link": "Linking"}

    def __init__(self) -> None:
        self.progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=err, transient=True,
        )  # fmt: skip
        self.tasks: dict[str, int] = {}

    def __enter__(self) -> ProgressBars:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(self.LABELS.get(stage, stage), total=total)
        self.progress.update(self.tasks[stage], completed=done, total=total)


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"chronique: {message}", err=True)
    return typer.Exit(code)


def _report_inputs(result: service.AnalyzeResult) -> int:
    """One stderr line per bad input (and per non-French one); the exit code the run deserves."""
    for e in result.errors:
        typer.echo(f"error: {e.path}: {e.reason}", err=True)
    for d in result.not_french:
        typer.echo(f"note: {d.path}: language {d.language}, kept but not analysed as French", err=True)
    for d in result.duplicates:
        typer.echo(f"note: {d.path}: near-duplicate of {d.duplicate_of}", err=True)
    if not result.added and not result.skipped:
        return NOTHING
    return PARTIAL if result.errors else OK


def _load_aliases(path: Optional[Path]) -> dict[str, str] | None:
    if path is None:
        return None
    try:
        return service.load_aliases(path)
    except ChroniqueError as exc:
        raise _fail(str(exc), USAGE) from None


def _run_analysis(paths, metadata, published, model, aliases, store=None) -> service.AnalyzeResult:
    alias_map = _load_aliases(aliases)
    try:
        with ProgressBars() as bars:
            if store is None:
                return service.analyze_paths(paths, metadata, published, model, alias_map, progress=bars)
            return service.ingest_paths(store, paths, metadata, published, model, alias_map, progress=bars)
    except InputError as exc:  # a setting (metadata CSV, --published), not one article among others
        raise _fail(str(exc), USAGE) from None
    except OSError as exc:
        if "Can't find model" in str(exc) or "[E050]" in str(exc):
            raise _fail(f"spaCy model {model!r} is not installed", USAGE) from None
        raise


def _open_existing(db: Path):
    if not db.exists():
        raise _fail(f"no database at {db}: run 'chronique ingest PATH... --db {db}' first", NOTHING)
    try:
        return service.open_store(db)
    except StoreError as exc:
        raise _fail(str(exc), NOTHING) from None


def _summary(corpus, console: Console) -> None:
    console.print(
        f"{len(corpus.documents)} documents, {len(corpus.entities)} entities, "
        f"{sum(len(a.quotes) for a in corpus.documents)} quotes, {len(corpus.stories)} stories, "
        f"{len(corpus.timeline)} timeline items"
    )


# --- commands -----------------------------------------------------------------------------


@app.command()
def ingest(
    paths: Paths,
    metadata: Metadata = None,
    published: Published = None,
    db: Db = Path(service.DEFAULT_PATH),
    model: Model = service.DEFAULT_MODEL,
    aliases: Aliases = None,
) -> None:
    """Add articles to the database: only new ones are analysed, then the corpus is re-linked."""
    try:
        store = service.open_store(db)
    except StoreError as exc:
        raise _fail(str(exc), NOTHING) from None
    with store:
        try:
            result = _run_analysis(paths, metadata, published, model, aliases, store=store)
        except KeyboardInterrupt:
            raise _fail(
                f"interrupted: {len(store)} document(s) stored whole in {db}; run the same command to go on",
                INTERRUPTED,
            ) from None
    code = _report_inputs(result)
    err.print(
        f"added {len(result.added)} document(s), {len(result.skipped)} already stored, "
        f"{len(result.errors)} failed -> {escape(str(db))}"
    )
    _summary(result.analysis, err)
    raise typer.Exit(code)


@app.command()
def analyze(
    paths: Paths,
    json_out: Annotated[str, typer.Option("--json", help="Where to write the analysis JSON ('-' for stdout).")],
    metadata: Metadata = None,
    published: Published = None,
    model: Model = service.DEFAULT_MODEL,
    aliases: Aliases = None,
) -> None:
    """Analyse articles as one corpus and write the analysis JSON (nothing is stored)."""
    from chronique import contract

    result = _run_analysis(paths, metadata, published, model, aliases)
    code = _report_inputs(result)
    if code == NOTHING:
        raise _fail("no article could be read", NOTHING)
    contract.write(result.analysis, json_out)
    if json_out != "-":
        err.print(f"wrote {escape(json_out)}")
    _summary(result.analysis, err)
    raise typer.Exit(code)


_MARK = re.compile(r"\[([^\[\]]*)\]")


def _highlight(snippet: str) -> Text:
    text, at = Text(), 0
    for m in _MARK.finditer(snippet):
        text.append(snippet[at : m.start()])
        text.append(m.group(1), style="bold yellow")
        at = m.end()
    text.append(snippet[at:])
    return text


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find; accents and case do not matter. AND / OR / NOT, \"phrases\" and prefix* work.")],
    db: Db = Path(service.DEFAULT_PATH),
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many results.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the hits as JSON.")] = False,
) -> None:
    """Full-text search over the stored articles."""
    with _open_existing(db) as store:
        hits = service.search(store, query, limit=limit)
    if as_json:
        out.print_json(data=[asdict(h) for h in hits])
        raise typer.Exit(OK)
    if not hits:
        err.print("no match")
    for h in hits:
        out.print(Text.assemble((h.document, "cyan"), "  ", h.published or "----------", "  ", (h.title or h.path, "bold")))
        out.print(Text("    ") + _highlight(" ".join(h.snippet.split())))
    raise typer.Exit(OK)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id (or a unique prefix of it, or the file it came from).")],
    db: Db = Path(service.DEFAULT_PATH),
    as_json: Annotated[bool, typer.Option("--json", help="Print the document as in the analysis JSON.")] = False,
) -> None:
    """One stored document: its metadata, people and places, quotes, dates and events."""
    from chronique import contract

    with _open_existing(db) as store:
        a = service.find_document(store, doc_id)
        names = {e.id: e.name for e in store.entities()} if a is not None else {}
    if a is None:
        raise _fail(f"no document {doc_id} in {db}", NOTHING)
    if as_json:
        out.print_json(data=contract.document(a))
        raise typer.Exit(OK)
    d = a.document
    out.print(Text(d.title or d.path, style="bold"))
    out.print(f"{d.id}  {escape(d.path)}")
    pub = f"{d.published} ({d.published_source})" if d.published else "unknown"
    out.print(f"published {pub}, language {d.language or '?'}, {len(d.text)} characters")
    if d.duplicate_of:
        out.print(f"[yellow]near-copy of {d.duplicate_of}[/]")
    counts: dict[str, int] = {}
    for m in a.mentions:
        key = names.get(m.entity or "", m.text) + f" ({m.label})"
        counts[key] = counts.get(key, 0) + 1
    if counts:
        out.print("\n[bold]Mentions[/]: " + escape(", ".join(f"{k} ×{n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))))
    if a.quotes:
        out.print(f"\n[bold]Quotes[/] ({len(a.quotes)})")
        for q in a.quotes:
            who = q.speaker.name if q.speaker else "?"
            out.print(Text.assemble(f"  [{q.kind}] ", (who, "cyan"), ": « ", q.text, " »"))
    if a.timexes:
        out.print("\n[bold]Dates[/]: " + escape(", ".join(f"{t.text} = {t.value}" for t in a.timexes)))
    if a.events:
        out.print(f"\n[bold]Events[/] ({len(a.events)})")
        for e in a.events:
            who = ", ".join(names.get(p, p) for p in e.participants)
            out.print(escape(f"  {e.date or '????-??-??'}  {e.type}: {e.trigger}  {who}"))
    raise typer.Exit(OK)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="Output file (stdout when omitted; parquet needs one).")] = None,
    table: Annotated[str, typer.Option("--table", help="documents, mentions, quotes, timexes, entities, stories or timeline.")] = "documents",
    db: Db = Path(service.DEFAULT_PATH),
) -> None:
    """Export the stored analysis as JSONL, CSV or Parquet."""
    from chronique.contract import TABLES

    if fmt not in service.EXPORT_FORMATS:
        raise _fail(f"--format must be one of {', '.join(service.EXPORT_FORMATS)}", USAGE)
    if table not in TABLES:
        raise _fail(f"--table must be one of {', '.join(TABLES)}", USAGE)
    if fmt == "parquet" and output in (None, "-"):
        raise _fail("parquet export needs -o FILE", USAGE)
    with _open_existing(db) as store:
        corpus = store.load_corpus()
    n = service.export(corpus, fmt, output, table=table)
    if output not in (None, "-"):
        err.print(f"wrote {n} {table} rows to {escape(output)}")
    raise typer.Exit(OK)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold annotation JSON (see spec/gold-format.md).", exists=True, dir_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    model: Model = service.DEFAULT_MODEL,
) -> None:
    """Score chronique against hand annotations: quotes, speakers, dates, aliases, stories, timeline."""
    try:
        with err.status(f"Analysing the articles of {gold.name} and scoring…"):
            report, text = service.evaluate(gold, model=model)
    except GoldFormatError as exc:
        raise _fail(str(exc), NOTHING) from None
    if as_json:
        typer.echo(json.dumps(service.report_dict(report), ensure_ascii=False, indent=2, default=str))
    else:
        typer.echo(text)
    raise typer.Exit(OK)


@app.command()
def report(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Articles to analyse first (the database is used when omitted).")] = None,
    story: Annotated[Optional[str], typer.Option("--story", help="Story id (the largest story when omitted).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="html or md.")] = "html",
    output: Annotated[Path, typer.Option("-o", "--output", help="Report file to write.")] = Path("report.html"),
    db: Db = Path(service.DEFAULT_PATH),
    metadata: Metadata = None,
    published: Published = None,
    model: Model = service.DEFAULT_MODEL,
) -> None:
    """Write a story report (HTML or Markdown) with its timeline, people and sourced quotes."""
    if fmt not in ("html", "md"):
        raise _fail("--format must be html or md", USAGE)
    code = OK
    if paths:
        result = _run_analysis(paths, metadata, published, model, None)
        code = _report_inputs(result)
        if code == NOTHING:
            raise _fail("no article could be read", NOTHING)
        corpus = result.analysis
    else:
        with _open_existing(db) as store:
            corpus = store.load_corpus()
    try:
        written = service.write_report(corpus, story, fmt, output)
    except ChroniqueError as exc:
        raise _fail(str(exc), NOTHING) from None
    except ImportError:  # the report package is optional while it is being written
        raise _fail("story reports are not available in this installation (chronique.report)", NOTHING) from None
    err.print(f"wrote {escape(str(written))}")
    raise typer.Exit(code)


@langdata_app.command("check")
def langdata_check() -> None:
    """Validate every French language data file."""
    try:
        counts = service.check_langdata()
    except LangDataError as exc:
        raise _fail(str(exc), PARTIAL) from None
    table = Table("file", "entries")
    for name, n in counts.items():
        table.add_row(f"fr/{name}.yaml", str(n))
    out.print(table)
    out.print(f"{len(counts)} files valid")
    raise typer.Exit(OK)


if __name__ == "__main__":  # pragma: no cover
    app()
