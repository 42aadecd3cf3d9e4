"""Data, validation, figures and widgets behind the Iran–Russia teaching module.

The chapters of the book import from here, so that each notebook cell stays a line or two::

    from iran_russia import data, notebook, timeline_charts
    notebook.setup()
    events = data.load_events()
"""

__version__ = "0.1.0"
