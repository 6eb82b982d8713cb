"""The gazetteer's file format: columns, id and QID syntax, alias cells.

Shared by the gazetteer loader (:mod:`newskit.entities.gazetteer`) and the
rules loader (:mod:`newskit.entities.rules`); see
:mod:`newskit.entities.gazetteer` for what each column means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from newskit.errors import CorpusError
from newskit.lang import supported_languages

__all__ = ["ALIAS_COLUMNS", "ALIAS_SEPARATOR", "BASE_COLUMNS", "ENTITY_TYPES", "SHARED_LANG",
           "alias_column", "read_csv_table", "split_aliases"]

#: English/international spellings are valid in text of every language.
SHARED_LANG = "en"
#: One alias column per registered language.
ALIAS_COLUMNS = tuple(f"aliases_{lang}" for lang in supported_languages())
#: Columns every gazetteer has besides its alias columns.
BASE_COLUMNS = ("entity_id", "label", "type", "wikidata", "parent")
ENTITY_TYPES = frozenset({"PERSON", "ORG", "PRODUCT", "PLACE", "EVENT", "WORK"})
ALIAS_SEPARATOR = "|"
ENTITY_ID_RE = re.compile(r"[a-z0-9][a-z0-9.\-]*\Z")
QID_RE = re.compile(r"Q[1-9]\d*\Z")


def alias_column(lang: str) -> str:
    """The alias column of one language (``aliases_ja``)."""
    return f"aliases_{lang}"


def read_csv_table(path: Path, required: Iterable[str], what: str) -> pd.DataFrame:
    """Read a UTF-8 CSV as strings (blank = ""), stripped, with the required
    columns present; any failure names the file, so a typo is found fast."""
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(path, f"{what} file not found") from None
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CorpusError(path, f"cannot read {what} as a UTF-8 CSV: {exc}") from None
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise CorpusError(path, f"missing required column(s) {', '.join(missing)}; "
                                f"found {', '.join(map(str, table.columns))}")
    return table.astype(object).map(lambda v: str(v).strip())


def split_aliases(cell: str) -> list[str]:
    """The aliases of one cell ("" → none); empty pieces are kept so that
    validation can report them."""
    return [] if not cell else [a.strip() for a in cell.split(ALIAS_SEPARATOR)]

