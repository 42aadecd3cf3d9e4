"""Self-check questions at the end of each chapter.

One call in a chapter's last code cell shows its quiz::

    from iran_russia import self_check
    self_check.quiz("history")

- **In the HTML book** the output is an interactive multiple-choice quiz (jupyterquiz): the reader
  picks an answer and is told at once whether it is right, and why. Its script and styles are
  written into the page itself (no other host is asked for anything), so it works offline and
  from ``file://``.
- **In the PDF** (and anywhere HTML is not shown) the output is a numbered list of the questions,
  then the answers with their explanations (a ``text/markdown`` form of the same object).
- Its ``text/plain`` form is one fixed line, so re-running the notebook gives the same outputs.

The questions are data: ``data/self_check/<chapter>.json``, one file per chapter::

    {"chapter": "history", "title": "Historical Context",
     "questions": [{"question": "...", "answers": [{"answer": "...", "correct": true,
                    "feedback": "..."}, ...],
                    "explanation": "...", "check": {"claim": "c-..."}}]}

Each question has two or more answers and exactly one correct one. ``explanation`` says where the
answer is in the chapter or the data; ``check`` (optional) ties the correct answer to a row, so a
test can verify it stays right when the data changes: ``{"claim": ID}`` (the answer is that
claim's verdict in ``claims.csv``), ``{"event": ID, "field": "year"}`` (the answer is that event's
year in ``events.csv``), or ``{"arms": ID, "field": "status"}`` (a column of
``arms_transfers.csv``) or ``{"future": ID, "field": "name"}`` (``scenarios/futures.csv``).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .paths import data_dir

#: The folder of the question files inside the data folder.
FOLDER = "self_check"

#: The chapter each notebook of the book belongs to (its question file's name). The keys follow the
#: article's sections, as in ``claims.csv``.
NOTEBOOKS: dict[str, str] = {
    "history": "book/01_history/01_historical_context.ipynb",
    "key_moments": "book/01_history/02_key_moments.ipynb",
    "collaboration": "book/02_collaboration/01_current_collaboration.ipynb",
    "energy_defense_regional": "book/02_collaboration/02_energy_defense_regional.ipynb",
    "motivations": "book/03_motivations/01_motivations.ipynb",
    "motives_detail": "book/03_motivations/02_anti_western_resilience_stability.ipynb",
    "challenges": "book/04_challenges/01_challenges.ipynb",
    "challenges_detail": "book/04_challenges/02_sanctions_rivalries_priorities.ipynb",
    "future": "book/05_future/01_future.ipynb",
    "future_scenarios": "book/05_future/02_scenarios.ipynb",
    "conclusion": "book/06_conclusion/01_conclusion.ipynb",
}

_CHAPTER = re.compile(r"^[a-z][a-z0-9_]*$")
_CHECK_KINDS = {"claim", "event", "arms", "future"}
#: jupyterquiz loads MathJax from a CDN when the page has an unfinished MathJax; the book never asks
#: another host for anything, so that line is replaced by a return (the questions have no maths).
_CDN_LOAD = re.compile(r"script\.src\s*=\s*'https://cdn\.jsdelivr\.net/[^']*';")


def questions_dir(folder: Path | None = None) -> Path:
    """``data/self_check`` (or the ``self_check`` folder of another data folder)."""
    return (folder or data_dir()) / FOLDER


def chapters(folder: Path | None = None) -> list[str]:
    """The chapters that have a question file, in name order."""
    return sorted(path.stem for path in questions_dir(folder).glob("*.json"))


def _problem(chapter: str, message: str) -> ValueError:
    return ValueError(f"self-check questions for {chapter!r} ({FOLDER}/{chapter}.json): {message}")


def validate(quiz_data: dict, chapter: str) -> dict:
    """Check one chapter's question set; return it, or raise a ValueError naming the problem."""
    if not isinstance(quiz_data, dict):
        raise _problem(chapter, "the file must hold a JSON object")
    if quiz_data.get("chapter") != chapter:
        raise _problem(chapter, f"'chapter' is {quiz_data.get('chapter')!r}, not {chapter!r}")
    if not str(quiz_data.get("title", "")).strip():
        raise _problem(chapter, "'title' is missing")
    questions = quiz_data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise _problem(chapter, "'questions' must be a non-empty list")
    for number, item in enumerate(questions, start=1):
        where = f"question {number}"
        if not isinstance(item, dict) or not str(item.get("question", "")).strip():
            raise _problem(chapter, f"{where} has no 'question' text")
        answers = item.get("answers")
        if not isinstance(answers, list) or len(answers) < 2:
            raise _problem(chapter, f"{where} needs at least two answers")
        if any(not str(a.get("answer", "")).strip() for a in answers):
            raise _problem(chapter, f"{where} has an empty answer")
        correct = [a for a in answers if a.get("correct") is True]
        if len(correct) != 1:
            raise _problem(
                chapter, f"{where} must have exactly one correct answer, not {len(correct)}"
            )
        if not str(item.get("explanation", "")).strip():
            raise _problem(chapter, f"{where} has no 'explanation' (where the answer is found)")
        check = item.get("check")
        if check is not None and (not isinstance(check, dict) or not _CHECK_KINDS & set(check)):
            raise _problem(
                chapter, f"{where}: 'check' must name a claim, an event or an arms record"
            )
    return quiz_data


def load_questions(chapter: str, folder: Path | None = None) -> dict:
    """One chapter's question set, checked (see :func:`validate`)."""
    if not isinstance(chapter, str) or not _CHAPTER.match(chapter):
        raise ValueError(f"a chapter is named by lowercase letters, digits and _, not {chapter!r}")
    path = questions_dir(folder) / f"{chapter}.json"
    if not path.is_file():
        known = ", ".join(chapters(folder)) or "none"
        raise ValueError(
            f"no self-check questions for chapter {chapter!r}; the chapters are: {known}"
        )
    try:
        quiz_data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise _problem(chapter, f"not valid JSON: {error}") from None
    return validate(quiz_data, chapter)


def correct_answer(question: dict) -> str:
    """The text of a question's correct answer."""
    return next(a["answer"] for a in question["answers"] if a.get("correct") is True)


def _letter(index: int) -> str:
    return "abcdefghij"[index]


class Quiz:
    """A chapter's self-check: an interactive quiz in HTML, a list with answers elsewhere."""

    def __init__(self, quiz_data: dict):
        self.chapter = quiz_data["chapter"]
        self.title = quiz_data["title"]
        self.questions = quiz_data["questions"]

    # -- what jupyterquiz reads ------------------------------------------------------------

    def jupyterquiz_questions(self) -> list[dict]:
        """The questions in jupyterquiz's format (one correct answer: ``multiple_choice``)."""
        converted = []
        for item in self.questions:
            answers = []
            for answer in item["answers"]:
                entry = {"answer": answer["answer"], "correct": bool(answer.get("correct"))}
                feedback = answer.get("feedback") or (
                    "Correct. " + item["explanation"]
                    if answer.get("correct")
                    else "Not quite: try again."
                )
                entry["feedback"] = feedback
                answers.append(entry)
            converted.append(
                {"question": item["question"], "type": "multiple_choice", "answers": answers}
            )
        return converted

    @property
    def div_id(self) -> str:
        """A fixed element id (jupyterquiz draws a random one: outputs would differ run to run)."""
        return f"selfcheck_{self.chapter}"

    def html(self) -> str:
        """The quiz, with jupyterquiz's script and styles written in: nothing is loaded from
        elsewhere."""
        from jupyterquiz.dynamic.loader import load_questions_script
        from jupyterquiz.dynamic.renderer import build_script, build_styles, render_div

        div_id = self.div_id
        prefix, static, url = load_questions_script(self.jupyterquiz_questions(), div_id)
        div = render_div(div_id, False, True, False, 1_000_000, 700, 10, "left")
        styles = build_styles(div_id, _COLORS)
        script = build_script(prefix, static, url, div_id, True).replace("</", "<\\/")
        script = _CDN_LOAD.sub("return;  // no script from another host", script)
        if re.search(r"https?://", script):
            raise RuntimeError("jupyterquiz's script refers to another host: update self_check.py")
        heading = (
            f'<p class="self-check-title"><strong>Self-check: {html.escape(self.title)}</strong> '
            f"({len(self.questions)} questions; choose an answer to see whether it is right)</p>"
        )
        return (
            f'<div class="self-check">{heading}{div}</div>{styles}\n'
            f"<script>\n{script}\n</script>\n</div>"
        )

    def markdown(self) -> str:
        """A numbered list of the questions, then the answers (for the PDF and plain readers)."""
        lines = [f"**Self-check: {self.title}**", ""]
        for number, item in enumerate(self.questions, start=1):
            lines.append(f"{number}. {item['question']}")
            for index, answer in enumerate(item["answers"]):
                lines.append(f"   - ({_letter(index)}) {answer['answer']}")
        lines += ["", "**Answers**", ""]
        for number, item in enumerate(self.questions, start=1):
            index = next(i for i, a in enumerate(item["answers"]) if a.get("correct") is True)
            lines.append(
                f"{number}. ({_letter(index)}) {item['answers'][index]['answer']}. "
                f"{item['explanation']}"
            )
        return "\n".join(lines) + "\n"

    def __repr__(self) -> str:
        return (
            f"Self-check: {self.title} ({len(self.questions)} questions; interactive in the HTML "
            "book, listed with answers in the PDF)"
        )

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {
            "text/html": self.html(),
            "text/markdown": self.markdown(),
            "text/plain": repr(self),
        }


#: The quiz's colours: the book's colour-blind-safe blue for questions, white text (contrast 5:1),
#: green and vermillion from the Okabe–Ito palette for right and wrong.
_COLORS = {
    "--jq-multiple-choice-bg": "#0060a0",
    "--jq-mc-button-bg": "#fafafa",
    "--jq-mc-button-border": "#e0e0e0e0",
    "--jq-mc-button-inset-shadow": "#555555",
    "--jq-many-choice-bg": "#0060a0",
    "--jq-numeric-bg": "#0060a0",
    "--jq-string-bg": "#0060a0",
    "--jq-incorrect-color": "#b34700",
    "--jq-correct-color": "#00734d",
    "--jq-text-color": "#ffffff",
    "--jq-link-color": "#ffffff",
}


def quiz(chapter: str, folder: Path | None = None) -> Quiz:
    """The self-check of one chapter (e.g. ``"history"``), ready to show as a cell's output."""
    return Quiz(load_questions(chapter, folder))
