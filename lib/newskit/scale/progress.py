"""Progress bars for long runs: shown in a terminal or notebook, never in logs."""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

__all__ = ["AUTO_PROGRESS_MIN", "NoProgress", "in_notebook", "progress_bar"]

#: ``progress=None`` shows a bar for more documents than this.
AUTO_PROGRESS_MIN = 50


def in_notebook() -> bool:
    """True inside a Jupyter kernel."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return type(shell).__name__ == "ZMQInteractiveShell"


class NoProgress:
    """Stands in for a tqdm bar that is not shown."""

    def update(self, n: int = 1) -> None:
        """Ignore progress."""

    def close(self) -> None:
        """Nothing to close."""


def progress_bar(total: int, progress: bool | None, desc: str = "tokenize", unit: str = "doc") -> Any:
    """A tqdm bar over ``total`` items, or :class:`NoProgress`.

    ``progress=None`` (auto) shows one for more than
    :data:`AUTO_PROGRESS_MIN` items when stderr is a terminal or the code
    runs in a notebook; never in tests or logs otherwise."""
    if progress is None:
        terminal = sys.stderr is not None and sys.stderr.isatty()
        progress = total > AUTO_PROGRESS_MIN and (terminal or in_notebook())
    if not progress:
        return NoProgress()
    if in_notebook() and importlib.util.find_spec("ipywidgets") is not None:
        from tqdm.notebook import tqdm
    else:
        from tqdm import tqdm
    return tqdm(total=total, desc=desc, unit=unit, smoothing=0.1)
