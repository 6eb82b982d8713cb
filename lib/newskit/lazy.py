"""Lazy re-exports for subpackage ``__init__`` modules.

``from newskit.analysis import top_terms`` and ``newskit.analysis.top_terms``
must work, but importing ``newskit.analysis.frequency`` (which Python does
whenever any module of the kit needs the term counter) must not load
scikit-learn, SciPy and every other statistic.  A subpackage therefore lists
its public names with the module each lives in, and the module is imported
on first use (PEP 562).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(package: str, exports: Mapping[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package`` whose public ``name`` lives in
    ``package.exports[name]``; an unknown name raises the usual AttributeError."""

    def get(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    def listing() -> list[str]:
        return sorted(exports)

    return get, listing
