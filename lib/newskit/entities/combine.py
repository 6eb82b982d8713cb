"""Combine gazetteers explicitly, without losing the matching rules.

Why: a researcher who copies ``entities.csv`` to add three names, and loads
the copy alone, loses every rule of the default gazetteer (the honorific 氏,
the genitive s, "X" contexts…): Musk dropped from 156 to 150 mentions on the
seed articles.  :func:`newskit.entities.gazetteer.load_gazetteer` therefore
extends the default gazetteer by default; :func:`combine_gazetteers` makes
the choice explicit for tables already in memory:

``mode="extend"`` (the safe default)
    every base entity and rule stays; extra rows are added; an extra row with
    a base ``entity_id`` adds its aliases to that entity (label, type, QID and
    parent of the extra row win where they are filled in); the extra rules are
    added after the base rules.
``mode="replace"``
    only the extra entities are kept, plus the base families their parents
    name (a project row ``grok-1`` rolls up to the base's ``grok``); the base
    rules that still apply are kept (the global ones such as suffixes, and
    those of entities still present), and a :class:`UserWarning` names every
    base rule that had to go.

The result is validated exactly as a loaded file (:func:`assemble_gazetteer`),
so a clash such as one alias for two entities fails here, naming the entity.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from newskit.entities.gazetteer import (
    GAZETTEER_COLUMNS,
    GazetteerLayer,
    assemble_gazetteer,
    extend_rows,
    load_default_gazetteer,
    read_gazetteer_layer,
)
from newskit.entities.schema import ALIAS_COLUMNS
from newskit.errors import ArgumentError

__all__ = ["GAZETTEER_COLUMNS", "RULE_COLUMNS", "combine_gazetteers", "load_any_gazetteer", "rules_frame",
           "validate_gazetteer", "write_gazetteer"]

RULE_COLUMNS = ["lang", "kind", "entity_id", "alias", "pattern", "note"]
MODES = ("extend", "replace")


def load_any_gazetteer(gazetteer: pd.DataFrame | str | Path | None) -> pd.DataFrame:
    """A gazetteer table from a table, a CSV path (the file with the rules
    beside it, nothing else) or None (the default gazetteer)."""
    if gazetteer is None:
        return load_default_gazetteer()
    if isinstance(gazetteer, (str, Path)):
        return assemble_gazetteer([read_gazetteer_layer(gazetteer)])
    if not isinstance(gazetteer, pd.DataFrame):
        raise ArgumentError(f"gazetteer must be a table or a CSV path, got {type(gazetteer).__name__}")
    return gazetteer


def rules_frame(gazetteer: pd.DataFrame) -> pd.DataFrame:
    """The rules a loaded gazetteer carries (``attrs["rules"]``) as a table."""
    rows = [{"lang": r.lang, "kind": r.kind, "entity_id": r.entity_id, "alias": r.alias,
             "pattern": r.pattern, "note": ""} for r in gazetteer.attrs.get("rules", ())]
    return pd.DataFrame(rows, columns=RULE_COLUMNS)


def _as_layer(gazetteer: pd.DataFrame | str | Path | None) -> GazetteerLayer:
    """A table (rules in its attrs), a CSV path (read, not yet checked
    against other layers) or None (the default gazetteer) as a layer."""
    if isinstance(gazetteer, (str, Path)):
        return read_gazetteer_layer(gazetteer)
    table = load_any_gazetteer(gazetteer)
    path = table.attrs.get("path")
    return GazetteerLayer(table, rules_frame(table), Path(path) if path else None, None)


def _kept_rules(base: GazetteerLayer, table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Base rules still valid for a replacing gazetteer (global, or of an
    entity and alias it still has), and the dropped ones."""
    rules = base.rules.reindex(columns=RULE_COLUMNS, fill_value="")
    aliases = {row["entity_id"]: {a for c in ALIAS_COLUMNS for a in str(row[c]).split("|") if a}
               for row in table.to_dict("records")}
    keep = pd.Series([eid == "" or (eid in aliases and (not alias or alias in aliases[eid]))
                      for eid, alias in zip(rules["entity_id"], rules["alias"])], index=rules.index, dtype=bool)
    dropped = [f"{r.kind} {r.entity_id} {r.pattern!r}" for r in rules[~keep].itertuples()]
    return rules[keep], dropped


def _with_parents(table: pd.DataFrame, base: pd.DataFrame) -> pd.DataFrame:
    """``table`` plus the base rows its parent chains need (families a
    replacing gazetteer rolls up to without defining them)."""
    base_rows = {row["entity_id"]: row for row in base.to_dict("records")}
    have = set(table["entity_id"])
    wanted = [p for p in table["parent"] if p and p not in have]
    added = []
    while wanted:
        parent = wanted.pop()
        if parent in have or parent not in base_rows:
            continue
        have.add(parent)
        added.append(base_rows[parent])
        wanted.append(base_rows[parent].get("parent", ""))
    return extend_rows(table, pd.DataFrame(added, columns=list(base.columns))) if added else table


def write_gazetteer(table: pd.DataFrame, rules: pd.DataFrame, folder: Path) -> Path:
    """Write ``entities.csv`` (and ``entity_rules.csv`` when there are rules)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "entities.csv"
    table.reindex(columns=GAZETTEER_COLUMNS, fill_value="").to_csv(path, index=False, encoding="utf-8")
    if len(rules):
        rules.reindex(columns=RULE_COLUMNS, fill_value="").to_csv(folder / "entity_rules.csv", index=False,
                                                                   encoding="utf-8")
    return path


def validate_gazetteer(table: pd.DataFrame, rules: pd.DataFrame) -> pd.DataFrame:
    """``table`` + ``rules`` checked as a loaded file is (every check of
    :func:`assemble_gazetteer`), returned with its rules."""
    frame = table.reindex(columns=GAZETTEER_COLUMNS, fill_value="").fillna("").astype(str)
    return assemble_gazetteer([GazetteerLayer(frame, rules.reindex(columns=RULE_COLUMNS, fill_value=""),
                                              None, None)])


def combine_gazetteers(base: pd.DataFrame | str | Path | None, extra: pd.DataFrame | str | Path, *,
                       mode: str = "extend") -> pd.DataFrame:
    """One gazetteer from a base (None: the default gazetteer, i.e. the
    shipped base extended by the project's file) and another one (see the
    module docstring for ``mode``); returned validated, its rules in
    ``attrs["rules"]``."""
    if mode not in MODES:
        raise ArgumentError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
    base_layer, extra_layer = _as_layer(base), _as_layer(extra)
    if mode == "extend":
        return assemble_gazetteer([base_layer, extra_layer])
    extra_table = extra_layer.table
    table = _with_parents(extend_rows(extra_table.iloc[0:0], extra_table), base_layer.table)
    kept, dropped = _kept_rules(base_layer, table)
    if dropped:
        warnings.warn(f"replacing the gazetteer drops {len(dropped)} matching rule(s) of entities it no "
                      f"longer has: {'; '.join(dropped[:5])}{' …' if len(dropped) > 5 else ''}",
                      UserWarning, stacklevel=2)
    extra_rules = extra_layer.rules.reindex(columns=RULE_COLUMNS, fill_value="")
    return validate_gazetteer(table, pd.concat([kept, extra_rules], ignore_index=True))
