"""Cross-language views: stories reported by several outlets
(:mod:`.stories`) and the facts each report states (:mod:`.facts`).
(Alignment and the translation audit join this package with issue 9.)

Names load on first use (module ``__getattr__``), so importing the package
costs nothing and never imports the ``newskit`` façade half-initialised."""

from __future__ import annotations

import importlib

_SUBMODULE_OF = {"group_stories": "stories", "document_features": "stories", "story_facts": "facts",
                 "fact_matrix": "facts", "unique_facts": "facts", "conflicting_numbers": "facts",
                 "find_quotes": "facts"}

__all__ = sorted(_SUBMODULE_OF)


def __getattr__(name: str):
    """Load a public name from its submodule on first access."""
    if name in _SUBMODULE_OF:
        return getattr(importlib.import_module(f"{__name__}.{_SUBMODULE_OF[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
