"""The entity gazetteer: a CSV a researcher can read and edit, validated row by row.

Why a gazetteer and not a statistical NER model: the kit compares the *same*
story across machine translations, so the counts must be explainable line by
line.  Every matching decision therefore lives in two CSV files, never in
per-entity code:

``data/entities.csv``
    One row per entity: ``entity_id`` (slug), ``label``, ``type``,
    ``wikidata`` (QID or blank), ``parent`` (the family a version rolls up
    to: grok-1.5v → grok), ``aliases_<lang>`` for each registered language
    ("|"-separated; a missing column counts as empty) and an optional
    ``note`` (a note starting with ``unused:`` documents an entity kept on
    purpose although the corpus never names it).  English aliases are
    international spellings and apply to text in every language.
``data/entity_rules.csv``
    Matching rules, see :mod:`newskit.entities.rules`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from newskit.config import find_project_root
from newskit.entities.rules import load_entity_rules
from newskit.entities.schema import (
    ALIAS_COLUMNS,
    BASE_COLUMNS,
    ENTITY_ID_RE,
    ENTITY_TYPES,
    QID_RE,
    SHARED_LANG,
    alias_column,
    read_csv_table,
    split_aliases,
)
from newskit.errors import CorpusError
from newskit.lang import supported_languages

__all__ = ["GAZETTEER_FILE", "RULES_FILE", "index_aliases", "load_default_gazetteer", "load_gazetteer"]

GAZETTEER_FILE = "entities.csv"
RULES_FILE = "entity_rules.csv"
UNUSED_PREFIX = "unused:"

def default_gazetteer_path() -> Path:
    """``data/entities.csv`` of the project root, whatever the working
    directory (notebooks/ or the root) and whichever corpus is analysed;
    failing that, the checkout this (editable) package lives in."""
    path = find_project_root() / "data" / GAZETTEER_FILE
    checkout = Path(__file__).resolve().parents[3] / "data" / GAZETTEER_FILE
    return path if path.is_file() or not checkout.is_file() else checkout


def check_entity_row(row: dict[str, str], line: int, path: Path | None) -> None:
    """Validate one gazetteer row (slug, label, type, QID, aliases)."""
    eid = row["entity_id"]
    where = f"row {line} ({eid or 'no entity_id'})"
    if not ENTITY_ID_RE.match(eid):
        raise CorpusError(path, f"{where}: entity_id {eid!r} is not a slug "
                                "(lower-case letters, digits, '.', '-')")
    if not row["label"]:
        raise CorpusError(path, f"{where}: empty label")
    if row["type"] not in ENTITY_TYPES:
        raise CorpusError(path, f"{where}: type {row['type']!r} is not one of "
                                f"{', '.join(sorted(ENTITY_TYPES))}")
    if row["wikidata"] and not QID_RE.match(row["wikidata"]):
        raise CorpusError(path, f"{where}: wikidata {row['wikidata']!r} is not a QID like Q317521")
    n_aliases = 0
    for column in ALIAS_COLUMNS:
        aliases = split_aliases(row[column])
        if any(not a for a in aliases):
            raise CorpusError(path, f"{where}: empty alias in {column} ({row[column]!r}); "
                                    "remove the stray '|'")
        n_aliases += len(aliases)
    if n_aliases == 0:
        raise CorpusError(path, f"{where}: no aliases in any of {', '.join(ALIAS_COLUMNS)}")


def check_entity_rows(table: pd.DataFrame, path: Path | None) -> None:
    """Validate every row and the uniqueness of ``entity_id``."""
    first_row: dict[str, int] = {}
    for index, row in enumerate(table.to_dict("records")):
        line = index + 2  # line 1 is the header
        check_entity_row(row, line, path)
        eid = row["entity_id"]
        if eid in first_row:
            raise CorpusError(path, f"row {line}: duplicate entity_id {eid!r} "
                                    f"(first on row {first_row[eid]})")
        first_row[eid] = line


def check_parents(table: pd.DataFrame, path: Path | None) -> None:
    """Every parent must be an entity of the file and chains must end, or
    roll-up counting would lose mentions or loop forever."""
    parent_of = dict(zip(table["entity_id"], table["parent"]))
    for index, (eid, parent) in enumerate(parent_of.items()):
        if parent and parent not in parent_of:
            raise CorpusError(path, f"row {index + 2} ({eid}): parent {parent!r} is not "
                                    "an entity_id of this file")
        chain = [eid]
        while parent_of.get(chain[-1]):
            chain.append(parent_of[chain[-1]])
            if chain[-1] in chain[:-1]:
                raise CorpusError(path, f"row {index + 2} ({eid}): parent chain loops: "
                                        + " → ".join(chain))


def index_aliases(table: pd.DataFrame, path: Path | None = None) -> dict[str, dict[str, str]]:
    """Map, per language, every alias valid in that language to its entity.

    An alias naming two entities in one language is an error: the matcher
    could only pick one silently."""
    languages = supported_languages()
    index: dict[str, dict[str, str]] = {lang: {} for lang in languages}
    for row_no, row in enumerate(table.to_dict("records"), start=2):
        eid = row["entity_id"]
        for lang in languages:
            own = split_aliases(row.get(alias_column(lang), ""))
            shared = split_aliases(row.get(alias_column(SHARED_LANG), "")) if lang != SHARED_LANG else []
            for alias in own + shared:
                other = index[lang].setdefault(alias, eid)
                if other != eid:
                    raise CorpusError(path, f"row {row_no} ({eid}): alias {alias!r} already "
                                            f"belongs to {other!r} in {lang} text")
    return index


def load_gazetteer(path: str | Path | None = None, rules_path: str | Path | None = None) -> pd.DataFrame:
    """Load and validate the entity gazetteer (default ``data/entities.csv``).

    The rules file defaults to ``entity_rules.csv`` next to the gazetteer (none
    if there is no such file).  The validated rules travel with the table in
    ``gazetteer.attrs["rules"]`` so a filtered gazetteer keeps them.  Any
    problem raises :class:`CorpusError` naming the file and the row."""
    path = Path(path) if path is not None else default_gazetteer_path()
    table = read_csv_table(path, BASE_COLUMNS, "entity gazetteer")
    if not any(column in table.columns for column in ALIAS_COLUMNS):
        raise CorpusError(path, f"no alias column: add at least one of {', '.join(ALIAS_COLUMNS)}")
    for column in (*ALIAS_COLUMNS, "note"):
        if column not in table.columns:
            table[column] = ""
    check_entity_rows(table, path)
    check_parents(table, path)
    index_aliases(table, path)
    if rules_path is None and (path.parent / RULES_FILE).is_file():
        rules_path = path.parent / RULES_FILE
    table.attrs["rules"] = load_entity_rules(rules_path, table) if rules_path is not None else ()
    table.attrs["path"] = str(path)
    return table


@lru_cache(maxsize=4)
def load_cached_gazetteer(path: str, mtime_ns: int) -> pd.DataFrame:
    """Parse a gazetteer once per file version (the key includes its mtime)."""
    return load_gazetteer(path)


def load_default_gazetteer() -> pd.DataFrame:
    """The project gazetteer, re-read only when the file changes."""
    path = default_gazetteer_path()
    mtime = path.stat().st_mtime_ns if path.is_file() else 0
    return load_cached_gazetteer(str(path), mtime)

