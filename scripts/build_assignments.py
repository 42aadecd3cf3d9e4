"""Generate the student versions and autograders of the course assignments (``make assignments``).

    python scripts/build_assignments.py [--dest assignments/dist] [--no-run-tests] [NAME ...]

Each master notebook ``assignments/NAME.ipynb`` (Otter-Grader's ``otter assign`` format) becomes
``DEST/NAME/student/NAME.ipynb`` (questions without solutions or hidden tests, for students) and
``DEST/NAME/autograder/`` (the solution notebook and ``NAME-autograder_<timestamp>.zip``, which
``scripts/grade_submissions.py`` uses). ``otter assign`` runs every test against the solutions and
fails if one does not pass, unless ``--no-run-tests`` is given. The assignments are generated in
parallel; DEST is emptied first.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MASTERS = ROOT / "assignments"
DIST = MASTERS / "dist"


def assignment_names(masters: Path = MASTERS) -> list[str]:
    """The assignments: every master notebook directly in ``assignments/``."""
    return sorted(p.stem for p in masters.glob("*.ipynb"))


def build(names: list[str] | None = None, dest: Path = DIST, run_tests: bool = True) -> list[str]:
    """Run ``otter assign`` for each assignment into ``dest``; raise if any fails."""
    names = names or assignment_names()
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    otter = Path(sys.executable).with_name("otter")

    def one(name: str) -> tuple[str, subprocess.CompletedProcess]:
        command = [str(otter), "assign", str(MASTERS / f"{name}.ipynb"), str(dest / name)]
        if not run_tests:
            command.append("--no-run-tests")
        return name, subprocess.run(command, capture_output=True, text=True, cwd=ROOT)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(one, names))
    failed = [(name, done) for name, done in results if done.returncode != 0]
    for name, done in failed:
        print(f"--- otter assign {name} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    if failed:
        raise RuntimeError(f"otter assign failed for {', '.join(n for n, _ in failed)}")
    for name in names:
        folder = dest / name
        print(f"{name}: {folder / 'student' / (name + '.ipynb')} and {folder / 'autograder'}")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="assignments to build (default: all)")
    parser.add_argument("--dest", type=Path, default=DIST)
    parser.add_argument("--no-run-tests", action="store_true", help="skip checking the solutions")
    args = parser.parse_args(argv)
    try:
        build(args.names or None, args.dest, run_tests=not args.no_run_tests)
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
