"""The chapters' self-check quizzes: the question files, their answers against the data, and
the three forms of a quiz (interactive HTML that works offline, a list for the PDF, plain text)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import CHROMIUM_ARGS, CHROMIUM_HINT, require_tool

from iran_russia import data, self_check
from iran_russia.paths import data_dir

CHAPTERS = self_check.chapters()


def test_every_chapter_notebook_has_a_question_set(root: Path):
    notebooks = {str(p.relative_to(root)) for p in (root / "book").glob("0*/*.ipynb")}
    assert notebooks <= set(self_check.NOTEBOOKS.values()), (
        "a chapter notebook has no self-check set: "
        f"{sorted(notebooks - set(self_check.NOTEBOOKS.values()))}"
    )
    assert set(self_check.NOTEBOOKS) == set(CHAPTERS)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_question_set_is_valid(chapter):
    quiz = self_check.quiz(chapter)
    assert 3 <= len(quiz.questions) <= 5
    for item in quiz.questions:
        assert sum(a["correct"] for a in item["answers"]) == 1


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_answers_agree_with_the_data(chapter):
    claims = data.read_table("claims").set_index("id")
    events = data.load_events().set_index("id")
    arms = data.read_table("arms_transfers").set_index("id")
    futures = pd.read_csv(data_dir() / "scenarios" / "futures.csv", dtype=str).set_index("id")
    for item in self_check.quiz(chapter).questions:
        check, answer = item.get("check"), self_check.correct_answer(item)
        if not check:
            continue
        if "claim" in check:
            assert answer == claims.loc[check["claim"], "verdict"], item["question"]
        if "event" in check:
            assert check["event"] in events.index, check
            if check.get("field") == "year":
                assert answer == str(events.loc[check["event"], "year"]), item["question"]
        if "arms" in check:
            assert answer == arms.loc[check["arms"], check["field"]], item["question"]
        if "future" in check:
            assert answer == futures.loc[check["future"], "name"], item["question"]


def test_unknown_chapter_names_the_chapters():
    with pytest.raises(ValueError, match="the chapters are: .*history"):
        self_check.quiz("geography")
    with pytest.raises(ValueError, match="lowercase"):
        self_check.quiz("../history")


def _broken_copy(tmp_path: Path, change) -> Path:
    folder = tmp_path / "data"
    (folder / "self_check").mkdir(parents=True)
    source = data_dir() / "self_check" / "history.json"
    content = json.loads(source.read_text(encoding="utf-8"))
    change(content)
    (folder / "self_check" / "history.json").write_text(json.dumps(content), encoding="utf-8")
    return folder


def test_two_correct_answers_are_refused(tmp_path):
    folder = _broken_copy(tmp_path, lambda c: c["questions"][0]["answers"][0].update(correct=True))
    with pytest.raises(ValueError, match=r"question 1 must have exactly one correct answer, not 2"):
        self_check.quiz("history", folder)


def test_missing_explanation_and_bad_json_are_refused(tmp_path):
    folder = _broken_copy(tmp_path, lambda c: c["questions"][1].pop("explanation"))
    with pytest.raises(ValueError, match="question 2 has no 'explanation'"):
        self_check.quiz("history", folder)
    (folder / "self_check" / "history.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        self_check.quiz("history", folder)


def test_the_three_forms():
    quiz = self_check.quiz("history")
    bundle = quiz._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/markdown", "text/plain"}
    # plain text: one fixed line, no address
    assert bundle["text/plain"] == repr(quiz) and "0x" not in bundle["text/plain"]
    assert bundle["text/plain"].startswith("Self-check: Historical Context (4 questions")
    # the same output every run (nbval compares text/html too)
    assert self_check.quiz("history")._repr_mimebundle_() == bundle
    # HTML: the script and styles are in the page; nothing is loaded from another host
    page = bundle["text/html"]
    assert 'id="selfcheck_history"' in page and "<script>" in page and "show_questions" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert page.count("</script>") == 1
    # markdown: every question numbered, then the answers at the end
    text = bundle["text/markdown"]
    questions, answers = text.split("**Answers**")
    for number, item in enumerate(quiz.questions, start=1):
        assert f"{number}. {item['question']}" in questions
        assert f"{number}. (" in answers and self_check.correct_answer(item) in answers


def test_quiz_works_offline_from_file(tmp_path):
    """The quiz renders and answers in headless Chromium from file://, with the network cut."""
    chromium = require_tool("chromium", CHROMIUM_HINT)
    from playwright.sync_api import sync_playwright

    quiz = self_check.quiz("history")
    page_file = tmp_path / "quiz.html"
    page_file.write_text(
        "<!doctype html><html><head><meta charset='utf-8'></head>"
        f"<body>{quiz.html()}</body></html>",
        encoding="utf-8",
    )
    requests = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith("file:")
                    else (requests.append(route.request.url), route.abort())
                ),
            )
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(page_file.as_uri())
            page.wait_for_selector("#selfcheck_history .MCButton")
            assert page.locator("#selfcheck_history .MultipleChoiceQn").count() == 4
            first = quiz.questions[0]
            page.locator(
                "#selfcheck_history .MCButton", has_text=self_check.correct_answer(first)
            ).first.click()
            assert page.locator("#selfcheck_history .Feedback.correct").count() == 1
            wrong = next(a["answer"] for a in first["answers"] if not a["correct"])
            page.locator("#selfcheck_history .MCButton", has_text=wrong).first.click()
            assert page.locator("#selfcheck_history .Feedback.incorrect").count() == 1
            assert not errors, errors
        finally:
            browser.close()
    assert not requests, f"the quiz asked other hosts for {requests}"


def test_data_folder_copy_is_used(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(data_dir() / "self_check", target / "self_check")
    assert self_check.chapters(target) == CHAPTERS
