"""The exception types the kit raises.

Researchers feed the kit files of every origin; a raw ``UnicodeDecodeError`` or
``KeyError`` from deep inside pandas tells them nothing.  Two kinds of mistake
get two types with one common base, so a program can catch either or both:

* :class:`CorpusError` — bad *input data*: a file, a catalog row, a gazetteer
  line.  The message names the file (and the line when there is one) and the
  problem, so the message alone says what to fix.
* :class:`ArgumentError` — a bad *call*: an unknown option, a column the table
  lacks, a document id that is not in the corpus.  It is also a
  :class:`ValueError`, so ``except ValueError`` keeps working.

Data that loads but looks wrong (a declared language that a short text seems
to contradict) gives a :class:`CorpusWarning`, a ``UserWarning`` that names
the file the same way.

A third, :class:`EngineError`, is neither: the machinery running the work
failed (every Dask worker gone, a worker process killed).  It is also a
:class:`RuntimeError`.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ArgumentError", "CacheWarning", "CorpusError", "CorpusWarning", "EngineError", "NewskitError"]


class NewskitError(Exception):
    """Base of every error the kit raises on purpose."""


class CorpusError(NewskitError):
    """Bad input data: the message names the file (and line) and the problem.

    ``path`` is the file (or catalog) at fault, ``line`` the 1-based line or
    row when known, ``problem`` the human-readable reason; all stay available
    as attributes for programs that want them."""

    def __init__(self, path: str | Path | None, problem: str, *, line: int | None = None) -> None:
        self.path = None if path is None else Path(path)
        self.line = line
        self.problem = problem
        where = "" if self.path is None else str(self.path)
        if line is not None:
            where = f"{where}, line {line}" if where else f"line {line}"
        super().__init__(f"{where}: {problem}" if where else problem)


class CorpusWarning(UserWarning):
    """Doubtful input data that still loads: the message names the file and
    the doubt; ``path`` and ``problem`` as for :class:`CorpusError`."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = None if path is None else Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path is not None else problem)


class CacheWarning(UserWarning):
    """A cache entry (tokens, or a load step) could not be used or written;
    the run goes on without it."""


class ArgumentError(NewskitError, ValueError):
    """A function was called with an argument it cannot use; the message
    says which argument, what was given and what would work."""


class EngineError(NewskitError, RuntimeError):
    """The engine running the work failed (no Dask worker left, a pool
    worker died); the message says what happened and what to do."""
