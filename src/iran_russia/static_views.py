"""Views rendered ahead of time and switched in the browser, so a widget still responds in the
static book, where no Python kernel runs.

Each view is drawn once into an ``Output`` widget; a selector's ``index`` is linked to a ``Stack``'s
``selected_index`` with ``jslink``, a link the browser keeps without Python. In a live notebook the
same widget works too (and callers may add Python callbacks for finer controls).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets


def render_view(draw: Callable[[], None]) -> widgets.Output:
    """Run ``draw`` (which displays figures, tables or text) into a fresh ``Output`` widget."""
    output = widgets.Output()
    with output:
        draw()
    return output


def switchable_views(
    label: str,
    views: dict[str, Callable[[], None]],
    selector: str = "dropdown",
) -> widgets.VBox:
    """A selector over named views, each rendered now; switching works without a kernel.

    ``selector`` is ``"dropdown"`` or ``"buttons"`` (toggle buttons, for a few short names).
    """
    if not views:
        raise ValueError("switchable_views needs at least one view")
    if selector not in {"dropdown", "buttons"}:
        raise ValueError(f"selector must be 'dropdown' or 'buttons', not {selector!r}")
    names = list(views)
    stack = widgets.Stack([render_view(views[name]) for name in names], selected_index=0)
    options = [(name, index) for index, name in enumerate(names)]
    if selector == "dropdown":
        control = widgets.Dropdown(options=options, value=0, description=label)
    else:
        control = widgets.ToggleButtons(options=options, value=0, description=label)
    control.style.description_width = "initial"
    widgets.jslink((control, "index"), (stack, "selected_index"))
    return widgets.VBox([control, stack])


def output_of(data: dict[str, str]) -> widgets.Output:
    """An ``Output`` holding one display of ``data`` (a MIME bundle such as
    ``{"text/html": ..., "text/plain": ...}``), set from Python.

    Unlike :func:`render_view`, this needs no front end to capture the display: the content is in
    the widget's state at once, so it is saved with the notebook, shown in the static book and
    readable in tests.
    """
    if not data:
        raise ValueError("output_of needs at least one MIME type to show")
    return widgets.Output(outputs=({"output_type": "display_data", "data": data, "metadata": {}},))


def switchable_grid(
    row_label: str,
    column_label: str,
    views: dict[str, dict[str, widgets.Widget]],
) -> widgets.VBox:
    """Two dropdowns over a grid of views (``views[row][column]``), switching without a kernel.

    Each row is a ``Stack`` of its views, and the rows sit in an outer ``Stack``: the first dropdown
    is ``jslink``ed to the outer stack, the second is ``jsdlink``ed to every row's stack, so any
    pair of choices shows its view in the static book. Every row must have the same columns.
    """
    if not views or not all(views.values()):
        raise ValueError("switchable_grid needs at least one row and one column of views")
    rows = list(views)
    columns = list(views[rows[0]])
    for row in rows:
        if list(views[row]) != columns:
            raise ValueError(
                f"row {row!r} has the columns {list(views[row])}, not the first row's {columns}"
            )
    row_stacks = [
        widgets.Stack([views[row][column] for column in columns], selected_index=0) for row in rows
    ]
    grid = widgets.Stack(row_stacks, selected_index=0)
    row_control = widgets.Dropdown(
        options=[(name, i) for i, name in enumerate(rows)], value=0, description=row_label
    )
    column_control = widgets.Dropdown(
        options=[(name, i) for i, name in enumerate(columns)], value=0, description=column_label
    )
    for control in (row_control, column_control):
        control.style.description_width = "initial"
    widgets.jslink((row_control, "index"), (grid, "selected_index"))
    for stack in row_stacks:
        widgets.jsdlink((column_control, "index"), (stack, "selected_index"))
    return widgets.VBox([widgets.HBox([row_control, column_control]), grid])
