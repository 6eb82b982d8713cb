"""The alias columns of gazetteer files, read as plain data.

Why here: the tokenizer (:mod:`newskit.text`, a layer below the entity
gazetteer) keeps known names whole — ソフトバンク, シリコンバレー,
SR-71ブラックバード — and needs the gazetteer's spellings for that, but must
not import the entity layer.  This reader only lists the aliases; validation
(slugs, parents, clashes, rules) stays with
:func:`newskit.entities.gazetteer.load_gazetteer`, which reads the same files.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from newskit.config import base_gazetteer_files, project_gazetteer_file

__all__ = ["ALIAS_SEPARATOR", "default_gazetteer_files", "read_aliases"]

ALIAS_SEPARATOR = "|"


def default_gazetteer_files() -> tuple[Path, ...]:
    """The files of the default gazetteer that exist: the shipped base and
    the project's ``data/entities.csv``."""
    return tuple(p for p in (base_gazetteer_files()[0], project_gazetteer_file()) if p.is_file())


def read_aliases(paths: Iterable[Path], columns: Iterable[str]) -> tuple[str, ...]:
    """Every alias in the given alias ``columns`` of the gazetteer files, in
    file order, each once.  An unreadable file gives nothing here (loading the
    gazetteer reports it, with the row)."""
    wanted = list(columns)
    found: dict[str, None] = {}
    for path in paths:
        try:
            table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError):
            continue
        for column in (c for c in wanted if c in table.columns):
            for cell in table[column]:
                for alias in cell.split(ALIAS_SEPARATOR):
                    if alias.strip():
                        found.setdefault(alias.strip(), None)
    return tuple(found)
