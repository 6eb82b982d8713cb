"""Named entities: gazetteer, matcher, mentions, candidates (today in the flat
module ``newskit/entities.py``) and, new here, discovery of names the
gazetteer lacks (:mod:`.discover`), cross-script linking (:mod:`.link`), the
researcher's review loop (:mod:`.review`) and gazetteer combination
(:mod:`.combine`).

TRANSITIONAL (issue 9 moves ``entities.py`` into this package): a package and
a module of the same name cannot both be imported, and the package wins, so
the flat module is loaded here under the private name
``newskit._entities_flat`` and every name it defines is re-exported;
``from newskit.entities import find_mentions`` keeps working unchanged.  The
restructure replaces this block by its own imports.

The new functions are loaded on first use (module ``__getattr__``): the
submodules import the ``newskit`` façade, which imports this package.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path


def _load_flat_module():
    """Execute ``newskit/entities.py`` as ``newskit._entities_flat``."""
    path = Path(__file__).resolve().parent.parent / "entities.py"
    spec = importlib.util.spec_from_file_location("newskit._entities_flat", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


globals().update({k: v for k, v in vars(_load_flat_module()).items() if not k.startswith("__")})

#: Public names of the new submodules → the submodule defining each.
_SUBMODULE_OF = {
    "discover_entities": "discover", "DISCOVERY_COLUMNS": "discover",
    "link_entities": "link", "assign_entity_keys": "link", "LINK_COLUMNS": "link",
    "merge_entities": "review", "write_review_sheet": "review",
    "combine_gazetteers": "combine",
}

__all__ = sorted(_SUBMODULE_OF)


def __getattr__(name: str):
    """Load a new public name from its submodule on first access."""
    if name in _SUBMODULE_OF:
        module = importlib.import_module(f"{__name__}.{_SUBMODULE_OF[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
