"""Measure where the time goes: builds, tests, execution, page weight and widget latency.

Run it through ``make bench``. It copies the repository's tracked files into a temporary folder
(so the working tree's ``_build`` is left alone), reuses this environment, and measures each
scenario several times, printing medians and writing every sample as JSON so that two runs can be
compared (``--compare OLD.json``). Timings are reported, never asserted: they depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
JUPYTER_BOOK = str(BIN / "jupyter-book")


def run(command: list[str], cwd: Path) -> float:
    """Run a command, fail loudly if it fails, return its wall time in seconds."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        tail = (result.stdout + result.stderr)[-3000:]
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{tail}")
    return elapsed


def copy_repository(target: Path) -> Path:
    """The tracked files (and untracked, not ignored ones) of the repository, with their mtimes."""
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listing.split("\0")):
        source = ROOT / name
        if source.is_file():
            destination = target / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def html_build(book: Path) -> float:
    return run([JUPYTER_BOOK, "build", ".", "--warningiserror", "--keep-going"], book)


def clean_html_build(book: Path) -> float:
    shutil.rmtree(book / "_build", ignore_errors=True)
    return html_build(book)


def sphinx_only_build(book: Path) -> float:
    """A full build whose notebook results all come from the execution cache: Sphinx's own time
    (reading, resolving, writing every page), the part of a clean build that is not execution."""
    for folder in ("html", ".doctrees", "jupyter_execute"):
        shutil.rmtree(book / "_build" / folder, ignore_errors=True)
    return html_build(book)


def chapter_notebooks(book: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT / "src"))
    from iran_russia.toc import toc_notebooks

    return toc_notebooks(book)


def touch_one_chapter(book: Path) -> None:
    """Change one chapter's code (a comment), so the build must re-execute it and re-render it."""
    path = chapter_notebooks(book)[0]
    notebook = nbformat.read(path, as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "code")
    cell.source += f"\n# bench edit {time.time_ns()}"
    nbformat.write(notebook, path)


def rebuild_after_one_chapter(book: Path) -> float:
    """Edit one chapter's code, rebuild, then put the chapter back as it was (so later scenarios,
    such as ``make test``, see the repository unchanged)."""
    path = chapter_notebooks(book)[0]
    original = path.read_bytes()
    touch_one_chapter(book)
    try:
        return html_build(book)
    finally:
        path.write_bytes(original)


def execute_all_notebooks(book: Path) -> float:
    """The floor the build cannot beat: each chapter executed once, no book around it."""
    started = time.perf_counter()
    for path in chapter_notebooks(book):
        notebook = nbformat.read(path, as_version=4)
        NotebookClient(
            notebook, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        ).execute()
    return time.perf_counter() - started


def nbval_run(book: Path) -> float:
    return run(
        [
            str(BIN / "python"),
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-n",
            "2",
            "--dist",
            "loadscope",
            "--nbval",
            "--nbval-current-env",
            "book",
        ],
        book,
    )


def make_test(book: Path) -> float:
    return run(["make", "test"], book)


def pdf_build(book: Path) -> float:
    return run(["make", "pdf"], book)


def page_weights(book: Path) -> dict[str, float]:
    html = book / "_build" / "html"
    pages = {p: p.stat().st_size for p in html.rglob("*.html")}
    largest = max(pages, key=pages.get)
    site = sum(p.stat().st_size for p in html.rglob("*") if p.is_file())
    return {
        "largest_page_bytes": pages[largest],
        "largest_page": str(largest.relative_to(html)),
        "site_bytes": site,
    }


def widget_latency(book: Path) -> dict[str, dict[str, dict]]:
    """Median and p90 milliseconds per widget and scenario, from scripts/bench_widgets.py."""
    out = book / "_build" / "bench-widgets.json"
    run([str(BIN / "python"), "scripts/bench_widgets.py", str(out)], book)
    results = json.loads(out.read_text())["results"]
    return {
        widget: {
            scenario: {key: value for key, value in stats.items() if key != "timings_s"}
            for scenario, stats in scenarios.items()
        }
        for widget, scenarios in results.items()
    }


def measure(name: str, action: Callable[[], float], runs: int, samples: dict) -> None:
    values = []
    for index in range(runs):
        value = action()
        values.append(value)
        print(f"  {name} run {index + 1}/{runs}: {value:.1f} s", flush=True)
    samples[name] = values


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions per timing (default 3)")
    parser.add_argument(
        "--heavy-runs",
        type=int,
        default=1,
        help="repetitions of the whole make test and of the PDF build (default 1: minutes each)",
    )
    parser.add_argument("--json", type=Path, default=ROOT / "_build" / "bench" / "latest.json")
    parser.add_argument("--compare", type=Path, help="an earlier JSON to compare against")
    parser.add_argument("--skip", nargs="*", default=[], help="scenarios to skip, e.g. pdf")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.heavy_runs < 1:
        parser.error("--runs and --heavy-runs must be at least 1")

    samples: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="iran-russia-bench-") as tmp:
        book = copy_repository(Path(tmp) / "book")
        scenarios = {
            "clean_html_build": lambda: clean_html_build(book),
            "rebuild_nothing_changed": lambda: html_build(book),
            "full_build_cached_execution": lambda: sphinx_only_build(book),
            "rebuild_one_chapter_changed": lambda: rebuild_after_one_chapter(book),
            "execute_notebooks_floor": lambda: execute_all_notebooks(book),
            "nbval_run": lambda: nbval_run(book),
            "make_test": lambda: make_test(book),
            "pdf_build": lambda: pdf_build(book),
        }
        for name, action in scenarios.items():
            if name in args.skip:
                print(f"skipping {name}")
                continue
            print(f"measuring {name}", flush=True)
            heavy = name in {"make_test", "pdf_build"}
            measure(name, action, args.heavy_runs if heavy else args.runs, samples)
        clean_html_build(book)
        weights = page_weights(book)
        latency = widget_latency(book)

    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "runs": args.runs,
        "heavy_runs": args.heavy_runs,
        "timings_s": {
            name: {"median": statistics.median(v), "samples": v} for name, v in samples.items()
        },
        "pages": weights,
        "widget_latency_ms": latency,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2))
    report(result, json.loads(args.compare.read_text()) if args.compare else None)
    print(f"\nwritten {args.json}")
    return 0


def report(result: dict, earlier: dict | None) -> None:
    print(f"\n{'measure':32} {'median':>10} {'earlier':>10}")  # seconds
    for name, timing in result["timings_s"].items():
        before = (earlier or {}).get("timings_s", {}).get(name, {}).get("median")
        shown = f"{before:9.1f}s" if before is not None else ""
        print(f"{name:32} {timing['median']:9.1f}s {shown:>10}")
    pages = result["pages"]
    largest = pages["largest_page_bytes"] / 1e6
    print(f"{'largest page':32} {largest:8.2f} MB  ({pages['largest_page']})")
    print(f"{'whole site':32} {pages['site_bytes'] / 1e6:8.2f} MB")
    for widget, scenarios in result["widget_latency_ms"].items():
        for scenario, stats in scenarios.items():
            label = f"widget {widget}: {scenario}"
            print(f"{label[:60]:60} {stats['median_ms']:8.1f} ms  (p90 {stats['p90_ms']:.1f} ms)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
