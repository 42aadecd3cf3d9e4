"""One call that sets up a chapter notebook: the book's figure style and table display."""

from __future__ import annotations

import pandas as pd
from matplotlib_inline.backend_inline import set_matplotlib_formats

from . import pdf_outputs
from .style import use_book_style


def setup() -> None:
    """Apply the book's matplotlib style, show figures as PNG and table cells in full."""
    use_book_style()
    set_matplotlib_formats("png")
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 200)
    # Tables, widgets and HTML also get a text/markdown form: the PDF shows real tables and notes.
    pdf_outputs.register()
