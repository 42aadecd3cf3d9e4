"""The text/markdown forms that the PDF shows for tables, widgets and HTML objects."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import HTML

from iran_russia import data, pdf_outputs, tables, timeline_charts


@pytest.fixture(scope="module")
def shell():
    shell = InteractiveShell.instance()
    assert pdf_outputs.register(shell)
    return shell


def test_a_table_has_one_row_per_record_and_the_index_as_first_column():
    events = data.load_events()
    table = tables.key_events_table(events, None, 1991)
    lines = pdf_outputs.markdown_table(table).splitlines()
    assert lines[0] == "| Date | Event | Domain | Sources |"
    assert lines[1] == "| --- | --- | --- | --- |"
    assert len(lines) == 2 + len(table)
    assert all(line.startswith("| ") and line.endswith(" |") for line in lines)


def test_numbers_are_right_aligned_and_a_default_index_is_left_out():
    frame = pd.DataFrame({"Name": ["a", "b"], "Count": [1, 2]})
    lines = pdf_outputs.markdown_table(frame).splitlines()
    assert lines[:2] == ["| Name | Count |", "| --- | ---: |"]
    assert lines[2] == "| a | 1 |"


def test_a_series_keeps_its_index_and_name():
    counts = pd.Series([3, 1], index=pd.Index(["x", "y"], name="domain"), name="count")
    assert pdf_outputs.markdown_table(counts).splitlines()[0] == "| domain | count |"


def test_markup_in_cells_is_escaped_and_missing_values_are_blank():
    frame = pd.DataFrame({"Text": ["a|b *c* `d` $1 <x>\nnext", None]})
    rows = pdf_outputs.markdown_table(frame).splitlines()[2:]
    assert rows[0] == r"| a\|b \*c\* \`d\` \$1 \<x\> next |"
    assert rows[1] == "|  |"


def test_era_counts_table_lists_every_era():
    counts = timeline_charts.era_domain_counts(data.load_events(), data.load_eras())
    text = pdf_outputs.markdown_table(counts)
    assert len(text.splitlines()) == 2 + len(counts)
    assert text.splitlines()[0].startswith("| Era | ")


def test_something_else_than_a_table_is_refused():
    with pytest.raises(ValueError, match="DataFrame or a Series"):
        pdf_outputs.markdown_table([1, 2])


def test_registered_forms_in_ipython(shell):
    formats, _ = shell.display_formatter.format(pd.DataFrame({"a": [1]}))
    assert {"text/html", "text/markdown", "text/plain"} <= set(formats)
    view = widgets.VBox([widgets.Dropdown(options=["x"])])
    formats, _ = shell.display_formatter.format(view)
    assert formats["text/markdown"] == pdf_outputs.WIDGET_NOTE
    assert "application/vnd.jupyter.widget-view+json" in formats
    formats, _ = shell.display_formatter.format(HTML("<b>x</b>"))
    assert formats["text/markdown"] == pdf_outputs.HTML_NOTE


def test_register_outside_ipython_does_nothing(monkeypatch):
    import IPython

    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    assert pdf_outputs.register() is False
