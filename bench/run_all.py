"""Run every benchmark in turn and keep each one's output (``make bench``).

    .venv/bin/python bench/run_all.py [NAME ...]

Each benchmark is a script of this folder run in its own process, so that one
failing does not hide the others; its output goes to the terminal and to
``bench/results/NAME.txt``. ``bench/RESULTS.md`` is written by hand from those
files, with the date and the machine.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = {
    "timebank": ["timebank.py"],
    "recognizers": ["recognizers.py"],
    "clusters": ["clusters.py"],
    "entities": ["hipe.py"],
    "speed": ["speed.py"],
}


def main(names: list[str]) -> int:
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    failed = []
    for name in names or list(BENCHES):
        script, *args = BENCHES[name]
        if not (HERE / script).exists():
            print(f"== {name}: {script} missing, skipped")
            continue
        print(f"== {name}")
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, str(HERE / script), *args], capture_output=True, text=True)
        print(proc.stdout, end="")
        if proc.returncode:
            print(proc.stderr, end="", file=sys.stderr)
            failed.append(name)
        (out_dir / f"{name}.txt").write_text(proc.stdout, encoding="utf-8")
        print(f"== {name}: exit {proc.returncode}, {time.perf_counter() - t0:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
