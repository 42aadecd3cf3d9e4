"""Sphinx extension: put the data's as-of date where every page shows it.

It reads ``data/manifest.json`` through the ``iran_russia`` package, so the date is typed in one
place only. It adds the ``{{ data_as_of }}`` MyST substitution and a footer line on every page.
"""

from __future__ import annotations

from iran_russia.data import as_of


def _add_data_context(app, config) -> None:
    date = str(as_of())
    config.myst_substitutions = {**config.myst_substitutions, "data_as_of": date}
    footer = (
        f"<p>Data as of {date}: every event, figure and claim is traced to the datasets in "
        "<code>data/</code> and the sources in the bibliography. Text and data CC BY 4.0; "
        "code MIT.</p>"
    )
    config.html_theme_options = {**config.html_theme_options, "extra_footer": footer}


def setup(app):
    app.connect("config-inited", _add_data_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
