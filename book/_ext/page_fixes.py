"""Sphinx extension: two repairs to the HTML that Sphinx and its extensions write, on every page.

- Repeated script tags are dropped. sphinx-thebe (loaded by Jupyter Book for the Thebe launch
  button) and sphinx-togglebutton register their inline configuration scripts twice in this Sphinx
  version; the second copy of Thebe's stops with "Identifier 'THEBE_JS_URL' has already been
  declared" in the browser console of every page.
- Bibliography entries get the role ``listitem``. Docutils writes the bibliography as
  ``<div role="list">`` holding ``<div role="doc-biblioentry">``: a list without list items for
  assistive technology (axe-core rule ``aria-required-children``, impact critical); the
  ``doc-biblioentry`` role is deprecated in DPUB-ARIA 1.1, which says to use ``listitem``.
"""

from __future__ import annotations


def _drop_repeated_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        # An inline script is registered with the file name None or "": the same script.
        key = (
            getattr(script, "filename", script) or "",
            tuple(sorted(getattr(script, "attributes", {}).items())),
        )
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique


def _bibliography_entries_as_list_items(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app):
    # Early: a later handler may end the event by returning a template name.
    app.connect("html-page-context", _drop_repeated_scripts, priority=100)
    app.connect("html-page-context", _bibliography_entries_as_list_items, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
