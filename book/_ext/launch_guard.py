"""Sphinx extension: launch buttons only for a repository the book names itself.

``_config.yml`` configures Binder, Colab and a JupyterHub under ``launch_buttons``, but the
repository is named in one place, ``repository.url``. While that is empty (or still Jupyter Book's
default, its own repository), this extension removes the launch services, so no page offers a
button that opens another repository, and the build does not fail for want of a URL.
"""

from __future__ import annotations

from sphinx.util import logging

LOGGER = logging.getLogger(__name__)
SERVICES = ("binderhub_url", "colab_url", "jupyterhub_url", "deepnote_url", "jupyterlite_url")
FOREIGN = ("executablebooks/jupyter-book",)


def repository_is_set(url: str | None) -> bool:
    """Whether ``url`` names a repository of this book (not empty, not Jupyter Book's own)."""
    url = (url or "").strip()
    return bool(url) and not any(name in url for name in FOREIGN)


def _guard_launch_buttons(app, config) -> None:
    options = dict(config.html_theme_options)
    if repository_is_set(options.get("repository_url")):
        return
    launch = dict(options.get("launch_buttons") or {})
    if any(launch.get(service) for service in SERVICES) or launch.get("thebe"):
        LOGGER.info("launch buttons off: set repository.url in _config.yml to turn them on")
    for service in SERVICES:
        launch.pop(service, None)
    launch["thebe"] = False
    options["launch_buttons"] = launch
    options["repository_url"] = ""
    config.html_theme_options = options


def setup(app):
    app.connect("config-inited", _guard_launch_buttons)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
