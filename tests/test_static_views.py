import ipywidgets as widgets
import pytest
from IPython.display import display

from iran_russia.static_views import render_view, switchable_views


def test_each_view_is_rendered_into_its_own_output():
    view = switchable_views("Pick", {"a": lambda: display("alpha"), "b": lambda: display("beta")})
    control, stack = view.children
    assert isinstance(stack, widgets.Stack)
    assert len(stack.children) == 2
    assert [label for label, _ in control.options] == ["a", "b"]
    assert stack.selected_index == 0


def test_selector_is_linked_in_the_browser_not_in_python(monkeypatch):
    links = []
    monkeypatch.setattr(widgets, "jslink", lambda source, target: links.append((source, target)))
    view = switchable_views("Pick", {"a": lambda: None, "b": lambda: None}, selector="buttons")
    control, stack = view.children
    assert isinstance(control, widgets.ToggleButtons)
    assert links == [((control, "index"), (stack, "selected_index"))]


def test_render_view_returns_an_output_widget():
    assert isinstance(render_view(lambda: None), widgets.Output)


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="at least one view"):
        switchable_views("Pick", {})
    with pytest.raises(ValueError, match="selector must be 'dropdown' or 'buttons'"):
        switchable_views("Pick", {"a": lambda: None}, selector="slider")


def test_output_of_holds_its_content_without_a_front_end():
    from iran_russia.static_views import output_of

    output = output_of({"text/html": "<p>hi</p>", "text/plain": "hi"})
    assert output.outputs[0]["data"] == {"text/html": "<p>hi</p>", "text/plain": "hi"}
    with pytest.raises(ValueError, match="at least one MIME type"):
        output_of({})


def test_grid_links_one_dropdown_to_the_rows_and_the_other_to_every_row(monkeypatch):
    from iran_russia.static_views import switchable_grid

    links = []
    monkeypatch.setattr(widgets, "jslink", lambda s, t: links.append(("both", s, t)))
    monkeypatch.setattr(widgets, "jsdlink", lambda s, t: links.append(("one", s, t)))
    views = {r: {c: widgets.Output() for c in ("x", "y", "z")} for r in ("a", "b")}
    header, grid = switchable_grid("Row", "Column", views).children
    rows, columns = header.children
    assert [name for name, _ in rows.options] == ["a", "b"]
    assert [name for name, _ in columns.options] == ["x", "y", "z"]
    assert grid.children[1].children[2] is views["b"]["z"]
    assert links[0] == ("both", (rows, "index"), (grid, "selected_index"))
    fanned = [("one", (columns, "index"), (row, "selected_index")) for row in grid.children]
    assert links[1:] == fanned


def test_grid_rows_must_share_their_columns():
    from iran_russia.static_views import switchable_grid

    with pytest.raises(ValueError, match="row 'b' has the columns"):
        switchable_grid("R", "C", {"a": {"x": widgets.Output()}, "b": {"y": widgets.Output()}})
    with pytest.raises(ValueError, match="at least one row and one column"):
        switchable_grid("R", "C", {})
