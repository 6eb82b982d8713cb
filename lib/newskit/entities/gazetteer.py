"""The entity gazetteer: CSV files a researcher can read and edit, validated row by row.

Why a gazetteer and not a statistical NER model: the kit compares the *same*
story across machine translations, so the counts must be explainable line by
line.  Every matching decision therefore lives in CSV files, never in
per-entity code.

Layers (the default gazetteer is the first two, extended in this order):

1. the **shipped base** (package data, ``newskit/entities/data/
   base_entities.csv`` + ``base_rules.csv``): countries, major cities,
   technology companies, AI labs and their products, agencies, outlets,
   regulators — each with ja/de/id/en aliases and a QID;
2. the **project's** ``data/entities.csv`` + ``data/entity_rules.csv``;
3. optionally a researcher's own file: ``load_gazetteer("my/entities.csv")``
   extends the default gazetteer with it (``extends="default"``), so a copied
   and edited ``entities.csv`` keeps every default rule; ``extends="base"``
   puts it on the shipped base alone; ``extends=None`` reads the file alone
   (and warns when it brings no rules: no 氏, genitive -s or context checks).

A row whose ``entity_id`` an earlier layer already has *extends* that entity:
its aliases are added, and its label, type, QID and parent replace the
earlier ones where they are filled in.  Parents are checked on the combined
table, so a project row may roll up to a base entity (``grok-5`` → ``grok``).

Columns: ``entity_id`` (slug), ``label``, ``type``, ``wikidata`` (QID or
blank), ``parent`` (the family a version rolls up to: grok-1.5v → grok),
``aliases_<lang>`` for each registered language ("|"-separated; a missing
column counts as empty) and an optional ``note`` (a note starting with
``unused:`` documents an entity kept on purpose although the corpus never
names it).  English aliases are international spellings and apply to text in
every language.  Rules: see :mod:`newskit.entities.rules`.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from newskit.config import base_gazetteer_files, project_gazetteer_file
from newskit.entities.rules import EntityRule, check_rule_row, read_rules_table
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
from newskit.errors import ArgumentError, CorpusError
from newskit.lang import supported_languages

__all__ = ["BASE_GAZETTEER_FILE", "BASE_RULES_FILE", "EXTENDS", "GAZETTEER_COLUMNS", "GAZETTEER_FILE",
           "RULES_FILE", "GazetteerLayer", "assemble_gazetteer", "base_gazetteer_paths", "extend_rows",
           "index_aliases", "load_base_gazetteer", "load_default_gazetteer", "load_gazetteer",
           "read_gazetteer_layer"]

GAZETTEER_FILE = "entities.csv"
RULES_FILE = "entity_rules.csv"
BASE_GAZETTEER_FILE = "base_entities.csv"
BASE_RULES_FILE = "base_rules.csv"
UNUSED_PREFIX = "unused:"
#: What a gazetteer file passed to :func:`load_gazetteer` extends.
EXTENDS = ("default", "base", None)
#: Columns of a gazetteer file as written (``note`` last).
GAZETTEER_COLUMNS = [*BASE_COLUMNS, *ALIAS_COLUMNS, "note"]


@dataclass(frozen=True)
class GazetteerLayer:
    """One gazetteer file and its rules, read and checked on their own
    (parents and rules are checked once the layers are combined)."""

    table: pd.DataFrame
    rules: pd.DataFrame
    path: Path | None
    rules_path: Path | None


def base_gazetteer_paths() -> tuple[Path, Path]:
    """The shipped base gazetteer and its rules (package data)."""
    return base_gazetteer_files()


def _default_gazetteer_path() -> Path:
    """The project's ``data/entities.csv`` (see :func:`newskit.config.project_gazetteer_file`)."""
    return project_gazetteer_file()


def _check_entity_row(row: dict[str, str], line: int, path: Path | None) -> None:
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


def _check_entity_rows(table: pd.DataFrame, path: Path | None) -> None:
    """Validate every row and the uniqueness of ``entity_id``."""
    first_row: dict[str, int] = {}
    for index, row in enumerate(table.to_dict("records")):
        line = index + 2  # line 1 is the header
        _check_entity_row(row, line, path)
        eid = row["entity_id"]
        if eid in first_row:
            raise CorpusError(path, f"row {line}: duplicate entity_id {eid!r} "
                                    f"(first on row {first_row[eid]})")
        first_row[eid] = line


def _check_parents(table: pd.DataFrame, origins: dict[str, tuple[Path | None, int]]) -> None:
    """Every parent must be an entity of the (combined) gazetteer and chains
    must end, or roll-up counting would lose mentions or loop forever; an
    error names the file and row that set the parent."""
    parent_of = dict(zip(table["entity_id"], table["parent"]))
    for eid, parent in parent_of.items():
        path, line = origins.get(eid, (None, 0))
        if parent and parent not in parent_of:
            raise CorpusError(path, f"row {line} ({eid}): parent {parent!r} is not an entity_id of this "
                                    "file or of the gazetteer it extends")
        chain = [eid]
        while parent_of.get(chain[-1]):
            chain.append(parent_of[chain[-1]])
            if chain[-1] in chain[:-1]:
                raise CorpusError(path, f"row {line} ({eid}): parent chain loops: " + " → ".join(chain))


def index_aliases(table: pd.DataFrame, path: Path | None = None) -> dict[str, dict[str, str]]:
    """Map, per language, every alias valid in that language to its entity.

    An alias naming two entities in one language is an error: the matcher
    could only pick one silently."""
    languages = supported_languages()
    index: dict[str, dict[str, str]] = {lang: {} for lang in languages}
    for row_no, row in enumerate(table.to_dict("records"), start=2):
        eid = row["entity_id"]
        shared = split_aliases(row.get(alias_column(SHARED_LANG), ""))
        for lang in languages:
            own = split_aliases(row.get(alias_column(lang), ""))
            for alias in own + (shared if lang != SHARED_LANG else []):
                other = index[lang].setdefault(alias, eid)
                if other != eid:
                    raise CorpusError(path, f"row {row_no} ({eid}): alias {alias!r} already "
                                            f"belongs to {other!r} in {lang} text")
    return index


def read_gazetteer_layer(path: str | Path, rules_path: str | Path | None = None) -> GazetteerLayer:
    """Read one gazetteer file (rows checked on their own) and its rules
    (default: ``entity_rules.csv`` beside it, none if there is no such file)."""
    path = Path(path)
    table = read_csv_table(path, BASE_COLUMNS, "entity gazetteer")
    if not any(column in table.columns for column in ALIAS_COLUMNS):
        raise CorpusError(path, f"no alias column: add at least one of {', '.join(ALIAS_COLUMNS)}")
    for column in (*ALIAS_COLUMNS, "note"):
        if column not in table.columns:
            table[column] = ""
    _check_entity_rows(table, path)
    if rules_path is None and (path.parent / RULES_FILE).is_file():
        rules_path = path.parent / RULES_FILE
    rules = read_rules_table(Path(rules_path)) if rules_path is not None else read_rules_table(None)
    return GazetteerLayer(table, rules, path, Path(rules_path) if rules_path is not None else None)


def _merge_aliases(old: str, new: str) -> str:
    """Union of two "|"-separated alias cells, first-seen order kept."""
    parts = [a.strip() for cell in (old, new) for a in str(cell).split("|") if a.strip()]
    return "|".join(dict.fromkeys(parts))


def extend_rows(base: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    """Base rows, extended by the extra rows of the same ``entity_id``
    (aliases added; other cells replaced where filled in) and followed by
    the extra rows of new entities."""
    columns = list(dict.fromkeys([*GAZETTEER_COLUMNS, *base.columns, *extra.columns]))
    table = base.reindex(columns=columns, fill_value="").fillna("").astype(str)
    records = table.to_dict("records")
    position = {row["entity_id"]: i for i, row in enumerate(records)}
    for row in extra.reindex(columns=columns, fill_value="").fillna("").astype(str).to_dict("records"):
        i = position.get(row["entity_id"])
        if i is None:
            position[row["entity_id"]] = len(records)
            records.append(row)
            continue
        for column in columns[1:]:
            if column in ALIAS_COLUMNS:
                records[i][column] = _merge_aliases(records[i][column], row[column])
            elif row[column]:
                records[i][column] = row[column]
    return pd.DataFrame(records, columns=columns)


def _checked_rules(layers: list[GazetteerLayer], table: pd.DataFrame) -> tuple[EntityRule, ...]:
    """Every layer's rules validated against the combined table, identical
    rules once (the base repeats a few global project rules)."""
    aliases = {row["entity_id"]: {a for c in ALIAS_COLUMNS for a in split_aliases(row.get(c, ""))}
               for row in table.to_dict("records")}
    rules: dict[tuple, EntityRule] = {}
    for layer in layers:
        for line, row in enumerate(layer.rules.to_dict("records"), start=2):
            rule = check_rule_row(row, line, aliases, layer.rules_path)
            rules.setdefault((rule.lang, rule.kind, rule.entity_id, rule.alias, rule.pattern), rule)
    return tuple(rules.values())


def assemble_gazetteer(layers: list[GazetteerLayer]) -> pd.DataFrame:
    """One validated gazetteer from layers, each extending the ones before
    (see the module docstring); its rules in ``attrs["rules"]``, the files
    in ``attrs["sources"]`` and the last file in ``attrs["path"]``."""
    if not layers:
        raise ArgumentError("assemble_gazetteer needs at least one gazetteer layer")
    table = layers[0].table
    origins: dict[str, tuple[Path | None, int]] = {}
    for layer in layers:
        if layer is not layers[0]:
            table = extend_rows(table, layer.table)
        for line, eid in enumerate(layer.table["entity_id"], start=2):
            origins.setdefault(eid, (layer.path, line))
    table = table.reset_index(drop=True)
    _check_parents(table, origins)
    index_aliases(table, layers[-1].path)
    table.attrs["rules"] = _checked_rules(layers, table)
    table.attrs["sources"] = tuple(str(layer.path) for layer in layers if layer.path is not None)
    table.attrs["path"] = str(layers[-1].path) if layers[-1].path is not None else None
    return table


@lru_cache(maxsize=2)
def _read_base(mtime_ns: int) -> GazetteerLayer:
    """The shipped base, read once per file version."""
    path, rules = base_gazetteer_paths()
    return read_gazetteer_layer(path, rules)


def _base_layer() -> GazetteerLayer:
    """The shipped base layer (cached)."""
    return _read_base(base_gazetteer_paths()[0].stat().st_mtime_ns)


def load_base_gazetteer() -> pd.DataFrame:
    """The shipped base gazetteer alone, with its rules."""
    return assemble_gazetteer([_base_layer()])


def _default_layers() -> list[GazetteerLayer]:
    """The shipped base and, when the project has one, its ``data/entities.csv``."""
    path = _default_gazetteer_path()
    return [_base_layer(), read_gazetteer_layer(path)] if path.is_file() else [_base_layer()]


def _same_file(a: Path | None, b: Path | None) -> bool:
    """Whether two paths name one file (the default file passed explicitly)."""
    return a is not None and b is not None and a.is_file() and b.is_file() and a.resolve() == b.resolve()


def load_gazetteer(path: str | Path | None = None, rules_path: str | Path | None = None, *,
                   extends: str | None = "default") -> pd.DataFrame:
    """Load and validate a gazetteer (see the module docstring for layers).

    ``path`` None: the default gazetteer (shipped base + the project's
    ``data/entities.csv``).  Otherwise the file (and ``rules_path``, default
    ``entity_rules.csv`` beside it) extends the default gazetteer
    (``extends="default"``), the shipped base only (``"base"``) or nothing
    (``None``: the file alone, with a warning when it has no rules).  Any
    problem raises :class:`CorpusError` naming the file and the row."""
    if extends not in EXTENDS:
        raise ArgumentError(f"extends must be one of 'default', 'base' or None, got {extends!r}")
    if path is None:
        return load_default_gazetteer().copy()
    layer = read_gazetteer_layer(path, rules_path)
    if extends is None:
        if not len(layer.rules):
            warnings.warn(f"{layer.path} is read alone and has no {RULES_FILE} beside it: no matching rules "
                          "apply (honorific 氏, genitive -s, context checks); load it with extends='default' "
                          "to keep the default ones", UserWarning, stacklevel=2)
        return assemble_gazetteer([layer])
    below = _default_layers() if extends == "default" else [_base_layer()]
    below = [b for b in below if not _same_file(b.path, layer.path)]
    return assemble_gazetteer([*below, layer])


@lru_cache(maxsize=4)
def _load_cached_gazetteer(path: str, mtime_ns: int, base_mtime_ns: int) -> pd.DataFrame:
    """Assemble the default gazetteer once per file version (the key holds
    both files' mtimes)."""
    return assemble_gazetteer(_default_layers())


def load_default_gazetteer() -> pd.DataFrame:
    """The default gazetteer (shipped base + project file), re-read only
    when a file changes.  Shared: copy it before editing."""
    path = _default_gazetteer_path()
    mtime = path.stat().st_mtime_ns if path.is_file() else 0
    base = base_gazetteer_paths()[0].stat().st_mtime_ns
    return _load_cached_gazetteer(str(path), mtime, base)
