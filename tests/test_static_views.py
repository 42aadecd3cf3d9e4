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
