"""The course assignments (assignments/*.ipynb, otter-grader) and the grading script.

The assignments are generated once per test session, in parallel, into a temporary folder shared by
every test (and every xdist worker, under a file lock), like the book build in conftest.py. For
each assignment: the solution scores full marks on every auto-graded question, the blank student
version scores zero on every one, and the student version runs top to bottom without an error.
The grading script's table gets the right line for a good submission, a broken notebook, an empty
notebook and a file that is not a notebook.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import build_assignments  # noqa: E402
import grade_submissions  # noqa: E402

NAMES = build_assignments.assignment_names()


def _session_folder() -> Path:
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getppid()))
    return Path(tempfile.gettempdir()) / f"iran-russia-assignments-{run_id}"


@pytest.fixture(scope="session")
def dist() -> Path:
    """``make assignments`` into a temporary folder, once per test session (all workers)."""
    folder = _session_folder()
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / "done.json"
    with FileLock(str(folder / "build.lock")):
        if not marker.is_file():
            # otter assign checks the solutions against their tests; the grading tests below
            # check the same again, so the faster --no-run-tests is enough here
            build_assignments.build(NAMES, folder / "dist", run_tests=False)
            marker.write_text(json.dumps(NAMES))
    return folder / "dist"


@pytest.fixture(scope="session")
def graded(dist: Path) -> dict[str, list[dict]]:
    """Each assignment's solution and blank student notebook graded by the script, once."""
    folder = _session_folder()
    with FileLock(str(folder / "grade.lock")):
        results = {}
        for name in NAMES:
            table = folder / f"grades-{name}.csv"
            if not table.is_file():
                submissions = folder / f"submissions-{name}"
                submissions.mkdir(exist_ok=True)
                solution = dist / name / "autograder" / f"{name}.ipynb"
                (submissions / "solution.ipynb").write_bytes(solution.read_bytes())
                student = dist / name / "student" / f"{name}.ipynb"
                (submissions / "blank.ipynb").write_bytes(student.read_bytes())
                grade_submissions.grade_folder(submissions, name, table, dist=dist, jobs=2)
            with table.open(encoding="utf-8") as handle:
                results[name] = list(csv.DictReader(handle))
        return results


def _row(rows: list[dict], file: str) -> dict:
    return next(row for row in rows if row["file"] == file)


def test_there_are_assignments_with_written_and_automatic_questions():
    assert len(NAMES) >= 4
    for name in NAMES:
        master = nbformat.read(ROOT / "assignments" / f"{name}.ipynb", as_version=4)
        raw = [c.source for c in master.cells if c.cell_type == "raw"]
        assert raw[0].startswith("# ASSIGNMENT CONFIG") and "ok_format: false" in raw[0], name
        manual = [s for s in raw if s.startswith("# BEGIN QUESTION") and "manual: true" in s]
        auto = [s for s in raw if s.startswith("# BEGIN QUESTION") and "manual: true" not in s]
        assert manual and auto, name
        rubrics = [c.source for c in master.cells if "| Points | Criterion |" in c.source]
        assert len(rubrics) == len(manual), f"{name}: every written question needs a rubric"


@pytest.mark.parametrize("name", NAMES)
def test_generated_versions(dist: Path, name: str):
    student = nbformat.read(dist / name / "student" / f"{name}.ipynb", as_version=4)
    text = "\n".join(c.source for c in student.cells)
    assert "# BEGIN SOLUTION" not in text and "# SOLUTION" not in text
    assert "Notes for graders" not in text, "the graders' notes must be stripped"
    assert "| Points | Criterion |" in text, "the rubric stays visible to students"
    tests = student.metadata["otter"]["tests"]
    assert tests and all("hidden=True" not in code for code in tests.values())
    zips = list((dist / name / "autograder").glob(f"{name}-autograder_*.zip"))
    assert len(zips) == 1


@pytest.mark.parametrize("name", NAMES)
def test_solution_scores_full_marks(graded, name: str):
    row = _row(graded[name], "solution.ipynb")
    assert row["status"] == "graded", row
    questions = [k for k in row if k.startswith("q")]
    assert questions
    assert float(row["total"]) == float(row["possible"]) > 0, row


@pytest.mark.parametrize("name", NAMES)
def test_blank_student_version_scores_zero_and_runs_cleanly(graded, name: str):
    row = _row(graded[name], "blank.ipynb")
    # "graded", not "graded with errors": the student version runs top to bottom without an error
    assert row["status"] == "graded", row
    questions = [k for k in row if k.startswith("q")]
    assert all(float(row[q]) == 0 for q in questions), row
    assert float(row["total"]) == 0


def test_grading_table_for_good_broken_empty_and_other_files(dist: Path, tmp_path: Path):
    name = "a2_arms_flow" if "a2_arms_flow" in NAMES else NAMES[0]
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    solution = nbformat.read(dist / name / "autograder" / f"{name}.ipynb", as_version=4)
    nbformat.write(solution, submissions / "good.ipynb")
    broken = nbformat.read(dist / name / "student" / f"{name}.ipynb", as_version=4)
    first_code = next(c for c in broken.cells if c.cell_type == "code" and "import" in c.source)
    first_code.source = "raise RuntimeError('deliberately broken')\n" + first_code.source
    nbformat.write(broken, submissions / "broken.ipynb")
    nbformat.write(nbformat.v4.new_notebook(), submissions / "empty.ipynb")
    (submissions / "essay.docx").write_bytes(b"PK\x03\x04 not a notebook")
    (submissions / "truncated.ipynb").write_text('{"cells": [', encoding="utf-8")
    table = tmp_path / "grades.csv"
    grade_submissions.grade_folder(submissions, name, table, dist=dist, jobs=2)
    with table.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    header = list(rows[0])
    assert header[:2] == ["file", "assignment"]
    assert header[-5:] == ["total", "possible", "status", "message", "manual"]
    questions = header[2:-5]
    assert questions and all(q.startswith("q") for q in questions)
    assert sorted(r["file"] for r in rows) == sorted(
        ["good.ipynb", "broken.ipynb", "empty.ipynb", "essay.docx", "truncated.ipynb"]
    )
    assert all(r["assignment"] == name for r in rows)
    good = _row(rows, "good.ipynb")
    assert good["status"] == "graded" and good["total"] == good["possible"]
    broken_row = _row(rows, "broken.ipynb")
    assert broken_row["status"] == "graded with errors"
    assert "RuntimeError: deliberately broken" in broken_row["message"]
    assert float(broken_row["total"]) == 0
    empty = _row(rows, "empty.ipynb")
    assert (empty["status"], empty["total"]) == ("empty", "0")
    assert "no cells" in empty["message"]
    other = _row(rows, "essay.docx")
    assert (other["status"], other["total"]) == ("not a notebook", "0")
    assert ".docx" in other["message"]
    truncated = _row(rows, "truncated.ipynb")
    assert truncated["status"] == "not a notebook" and "JSON" in truncated["message"]
    assert all(r["manual"].startswith("q") for r in rows), (
        "written questions listed for hand grading"
    )


def test_missing_autograder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="make assignments"):
        grade_submissions.autograder_zip("a9_nothing", tmp_path)
    assert grade_submissions.main([str(tmp_path), "--assignment", "a9_nothing"]) == 2
