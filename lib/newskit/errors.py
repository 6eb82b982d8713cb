"""The one exception type the kit raises for bad input.

Researchers feed the kit files of every origin; a raw ``UnicodeDecodeError`` or
``KeyError`` from deep inside pandas tells them nothing.  Every check in the kit
raises :class:`CorpusError` instead, with the offending file (or catalog) and the
problem in plain words, so the message alone says what to fix.
"""

from __future__ import annotations

from pathlib import Path


class CorpusError(Exception):
    """Bad input: the message names the file and the problem.

    ``path`` is the file (or catalog) at fault, ``problem`` the human-readable
    reason; both stay available as attributes for programs that want them.
    """

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = None if path is None else Path(path)
        self.problem = problem
        where = f"{self.path}: " if self.path is not None else ""
        super().__init__(f"{where}{problem}")
