"""What a notebook output looks like in the PDF, where the LaTeX builder cannot use HTML or widgets.

The book's LaTeX builder picks, in order: ``application/pdf``, ``image/png``, ``image/jpeg``,
``text/latex``, ``text/markdown``, ``text/plain``. A DataFrame offers only HTML and plain text, so
it would print as a block of monospaced text; a widget or an ``IPython.display.HTML`` object would
print as its repr (``VBox(children=...``, ``<IPython.core.display.HTML object>``).

:func:`register` (called by ``notebook.setup()``) adds a ``text/markdown`` form to those outputs:

- a DataFrame or Series becomes a Markdown pipe table, which the book renders as a real table
  (wrapped columns in the PDF);
- a widget or an HTML object becomes a one-line note that points to the online book.

The HTML book and JupyterLab still prefer the widget and HTML forms, so nothing changes there.
"""

from __future__ import annotations

import re

import pandas as pd

#: What the PDF shows in place of an interactive widget.
WIDGET_NOTE = "*Interactive view: open this chapter in the online book or in JupyterLab to use it.*"
#: What the PDF shows in place of HTML-only content.
HTML_NOTE = "*Interactive content: open this chapter in the online book or in JupyterLab.*"

# Backslash-escape the ASCII punctuation that Markdown or MyST could read as markup.
_MARKUP = re.compile(r"([\\`*_{}\[\]<>()#+!|$~^&:])")


def escape_markdown(value: object) -> str:
    """The text of one table cell, escaped so that MyST shows it literally, on one line."""
    if value is None or (not isinstance(value, list | tuple | dict) and pd.isna(value)):
        return ""
    text = " ".join(str(value).split())
    return _MARKUP.sub(r"\\\1", text)


def _header(name: object) -> str:
    if isinstance(name, tuple):
        name = " / ".join(str(part) for part in name if str(part))
    return escape_markdown("" if name is None else name)


def markdown_table(table: pd.DataFrame | pd.Series) -> str:
    """A DataFrame or Series as a Markdown pipe table: the index as first column when it says
    something (a name, or labels other than 0, 1, 2, ...), numbers aligned right."""
    if isinstance(table, pd.Series):
        table = table.to_frame(name="" if table.name is None else table.name)
    if not isinstance(table, pd.DataFrame):
        raise ValueError(
            f"markdown_table needs a DataFrame or a Series, not {type(table).__name__}"
        )
    default_index = isinstance(table.index, pd.RangeIndex) and not any(table.index.names)
    if not default_index:
        names = [name if name is not None else "" for name in table.index.names]
        table = table.copy()
        table.index = table.index.set_names([f"\0index{i}" for i in range(len(names))])
        table = table.reset_index()
        table.columns = [*names, *table.columns[len(names) :]]
    headers = [_header(column) for column in table.columns]
    if not headers:
        return "*(empty table)*"
    aligns = [
        "---:" if pd.api.types.is_numeric_dtype(table[column]) else "---"
        for column in table.columns
    ]
    rows = [
        "| " + " | ".join(escape_markdown(value) for value in row) + " |"
        for row in table.itertuples(index=False, name=None)
    ]
    return "\n".join(["| " + " | ".join(headers) + " |", "| " + " | ".join(aligns) + " |", *rows])


def register(shell=None) -> bool:
    """Give DataFrames, Series, widgets and HTML objects a ``text/markdown`` form in ``shell``
    (default: the running IPython). Returns False outside IPython, where there is nothing to do."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython is a dependency of the notebooks
            return False
        shell = get_ipython()
    if shell is None:
        return False
    markdown = shell.display_formatter.formatters["text/markdown"]
    markdown.for_type(pd.DataFrame, markdown_table)
    markdown.for_type(pd.Series, markdown_table)
    markdown.for_type_by_name("ipywidgets.widgets.widget", "Widget", lambda _: WIDGET_NOTE)
    markdown.for_type_by_name("IPython.core.display", "HTML", lambda _: HTML_NOTE)
    return True
