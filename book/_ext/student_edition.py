"""The student edition of the book: every exercise solution removed from the pages.

Added only by the student edition's configuration (``scripts/build_student_edition.py``, run by
``make book-student``); the normal book never loads it.

sphinx-exercise's own ``hide_solutions: true`` cannot be used here: with gated solutions
(``solution-start`` / ``solution-end``, which the chapters use for solutions with code cells) it
leaves the gated directives half-processed and the build fails (sphinx-exercise issue 89). This
transform runs after sphinx-exercise has merged the gated solutions into ordinary solution nodes
(its ``MergeGatedSolutions`` has priority 10) and removes every solution node, gated or not, with
everything inside it, including the code cells of gated solutions. Exercises stay.
"""

from __future__ import annotations

from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)


class RemoveSolutions(SphinxTransform):
    """Remove every sphinx-exercise solution from the document."""

    default_priority = 20  # after sphinx-exercise's MergeGatedSolutions (10)

    def apply(self) -> None:
        from sphinx_exercise.nodes import solution_node

        removed = 0
        for node in list(self.document.findall(solution_node)):
            node.parent.remove(node)
            removed += 1
        if removed:
            logger.verbose(
                "student edition: removed %d solution(s) from %s", removed, self.env.docname
            )


def setup(app):
    app.setup_extension("sphinx_exercise")
    app.add_transform(RemoveSolutions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
