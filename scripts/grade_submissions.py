"""Grade a folder of submitted notebooks with an assignment's autograder, without Docker.

    python scripts/grade_submissions.py SUBMISSIONS --assignment NAME [--output grades.csv]

(or ``make grade SUBMISSIONS=folder ASSIGNMENT=name``; ``--jobs N`` grades N at once).
``make assignments`` must have written the autograder,
``assignments/dist/NAME/autograder/NAME-autograder_*.zip`` (the newest is used).

Every file directly in SUBMISSIONS gets one line of ONE CSV table: ``file``, ``assignment``, the
points of each auto-graded question, ``total``, ``possible``, ``status``, ``message`` and
``manual`` (the written questions, to grade by hand with the rubric in the master notebook).

Statuses:

- ``graded``: the notebook ran top to bottom and was graded;
- ``graded with errors``: it was graded, but a cell raised (the message names the first error;
  questions after it may have lost points because of it);
- ``empty``: a notebook with no code and no text in it (0 points);
- ``not a notebook``: not an ``.ipynb`` file, or not readable as one (0 points);
- ``error``: the autograder could not grade it, e.g. a notebook of another assignment (0 points);
- ``timeout``: grading took longer than ``--timeout`` seconds (0 points).

Each submission is graded by ``otter run`` (Otter-Grader's non-containerised grader) in a child
process of its own, in this environment: a submission that hangs or crashes stops only its line.
The submission is copied under the assignment's file name first, since the notebook's first cell
opens itself by that name.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "assignments" / "dist"
MASTERS = ROOT / "assignments"
STATUSES = ("graded", "graded with errors", "empty", "not a notebook", "error", "timeout")


def autograder_zip(assignment: str, dist: Path = DIST) -> Path:
    """The newest autograder zip of ``assignment`` (otter assign puts a timestamp in its name)."""
    folder = dist / assignment / "autograder"
    zips = sorted(folder.glob(f"{assignment}-autograder_*.zip"))
    if not zips:
        raise FileNotFoundError(
            f"no autograder for {assignment!r} in {folder}: run `make assignments` first"
        )
    return zips[-1]


def auto_questions(zip_path: Path) -> dict[str, float]:
    """The auto-graded questions in the autograder, with their points, in natural order."""
    from otter.test_files import ExceptionTestFile, OKTestFile

    questions = {}
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(zip_path) as archive:
        names = [n for n in archive.namelist() if re.fullmatch(r"tests/[^/]+\.py", n)]
        for name in names:
            path = Path(archive.extract(name, tmp))
            text = path.read_text(encoding="utf-8")
            kind = (
                OKTestFile if re.search(r"^OK_FORMAT\s*=\s*True", text, re.M) else ExceptionTestFile
            )
            test_file = kind.from_file(str(path))
            questions[test_file.name] = float(test_file.possible)
    return dict(sorted(questions.items(), key=lambda item: _natural(item[0])))


def manual_questions(assignment: str, masters: Path = MASTERS) -> str:
    """``"q5 (6 pts)"``: the written questions of the master notebook, graded by hand."""
    import nbformat
    import yaml

    path = masters / f"{assignment}.ipynb"
    if not path.is_file():
        return ""
    found = []
    for cell in nbformat.read(path, as_version=4).cells:
        source = cell.source.strip()
        if cell.cell_type == "raw" and source.startswith("# BEGIN QUESTION"):
            config = yaml.safe_load(source.split("\n", 1)[1]) or {}
            if config.get("manual"):
                found.append(f"{config['name']} ({config.get('points', 1):g} pts)")
    return "; ".join(found)


def _natural(text: str):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def precheck(path: Path) -> tuple[str, str] | None:
    """``(status, message)`` for a file that cannot be graded at all, else ``None``."""
    import nbformat

    if not path.is_file():
        return "not a notebook", "not a file"
    if path.suffix.lower() != ".ipynb":
        return (
            "not a notebook",
            f"a {path.suffix or 'file without extension'} file: submit the .ipynb notebook",
        )
    if path.stat().st_size == 0:
        return "empty", "the file is empty (0 bytes)"
    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception as error:  # nbformat raises several kinds for bad JSON and bad structure
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return "not a notebook", f"not readable as a Jupyter notebook: {first}"
    if not any(cell.source.strip() for cell in notebook.cells):
        return "empty", "the notebook has no cells with any content"
    return None


def _grade_one(submission: Path, zip_path: Path, out: Path) -> None:
    """Child process: grade one notebook with ``otter run`` and write what we need as JSON."""
    import otter.run

    results = otter.run.main(
        str(submission), autograder=str(zip_path), output_dir=None, no_logo=True
    )
    errors = []
    if results.notebook is not None:
        for cell in results.notebook.cells:
            for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
                if output.get("output_type") == "error":
                    first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
                    errors.append(f"{output['ename']}: {output['evalue']} (in a cell starting "
                                  f"{first_line[:60]!r})")  # fmt: skip
    scores = {name: float(result.score) for name, result in results.results.items()}
    out.write_text(json.dumps({"scores": scores, "errors": errors}), encoding="utf-8")


def grade_file(
    path: Path, assignment: str, zip_path: Path, questions: dict[str, float], timeout: float
) -> dict:
    """One line of the table for one submitted file."""
    row = {"file": path.name, "assignment": assignment, **{q: "" for q in questions}}
    row.update(total=0, possible=sum(questions.values()))
    problem = precheck(path)
    if problem:
        row["status"], row["message"] = problem
        return row
    with tempfile.TemporaryDirectory(prefix="grade-") as tmp:
        # the notebook's first cell opens itself by the assignment's file name
        copy = Path(tmp) / f"{assignment}.ipynb"
        shutil.copyfile(path, copy)
        out = Path(tmp) / "result.json"
        command = [sys.executable, __file__, "--one", str(copy), str(zip_path), str(out)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=tmp)
        except subprocess.TimeoutExpired:
            row["status"], row["message"] = "timeout", f"grading took longer than {timeout:g} s"
            return row
        if done.returncode != 0 or not out.is_file():
            lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
            reason = lines[-1] if lines else f"the grader exited with code {done.returncode}"
            row["status"], row["message"] = "error", f"could not be graded: {reason}"
            return row
        result = json.loads(out.read_text(encoding="utf-8"))
    for question in questions:
        row[question] = result["scores"].get(question, 0.0)
    row["total"] = sum(float(row[q]) for q in questions)
    if result["errors"]:
        row["status"] = "graded with errors"
        more = len(result["errors"]) - 1
        row["message"] = (
            "a cell raised "
            + result["errors"][0]
            + (f"; {more} more cell(s) raised after it" if more else "")
        )
    else:
        row["status"], row["message"] = "graded", ""
    return row


def grade_folder(
    folder: Path,
    assignment: str,
    output: Path,
    dist: Path = DIST,
    masters: Path = MASTERS,
    timeout: float = 600,
    jobs: int = 1,
) -> list[dict]:
    """Grade every file directly in ``folder``; write and return the table's rows."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder} is not a folder of submissions")
    zip_path = autograder_zip(assignment, dist)
    questions = auto_questions(zip_path)
    manual = manual_questions(assignment, masters)
    output = Path(output)
    files = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.resolve() != output.resolve()
    )
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        rows = list(
            pool.map(lambda p: grade_file(p, assignment, zip_path, questions, timeout), files)
        )
    for row in rows:
        row["manual"] = manual
        print(f"{row['file']}: {row['status']}, {row['total']:g}/{row['possible']:g}")
    columns = ["file", "assignment", *questions, "total", "possible", "status", "message", "manual"]
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: (f"{v:g}" if isinstance(v, float) else v) for k, v in row.items()})
    print(f"{len(rows)} submission(s) graded: {output}")
    return rows


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--one"]:
        _grade_one(Path(argv[1]), Path(argv[2]), Path(argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("submissions", type=Path, help="folder holding the submitted files")
    parser.add_argument("--assignment", required=True, help="e.g. a2_arms_flow")
    parser.add_argument(
        "--output", type=Path, help="CSV to write (default: SUBMISSIONS/grades.csv)"
    )
    parser.add_argument("--dist", type=Path, default=DIST, help="where `make assignments` wrote")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per submission")
    parser.add_argument("--jobs", type=int, default=2, help="submissions graded at once")
    args = parser.parse_args(argv)
    output = args.output or args.submissions / "grades.csv"
    try:
        grade_folder(
            args.submissions,
            args.assignment,
            output,
            args.dist,
            timeout=args.timeout,
            jobs=args.jobs,
        )
    except (FileNotFoundError, NotADirectoryError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
