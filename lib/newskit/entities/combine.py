"""Combine a project's own gazetteer with the shipped one without losing the
matching rules.

Why: ``load_gazetteer("my/entities.csv")`` reads only that file and the
``entity_rules.csv`` beside it.  A researcher who copies ``entities.csv`` to
add three names silently loses every rule of the default gazetteer (the
honorific 氏, the genitive s, "X" contexts…): Musk drops from 156 to 150
mentions on the seed articles.  :func:`combine_gazetteers` makes the choice
explicit:

``mode="extend"`` (the safe default)
    every base entity and rule stays; extra rows are added; an extra row with
    a base ``entity_id`` adds its aliases to that entity (label, type, QID and
    parent of the extra row win where they are filled in); the extra rules are
    added after the base rules.
``mode="replace"``
    only the extra entities are kept; the base rules that still apply are kept
    (the global ones such as suffixes, and those of entities still present),
    and a :class:`UserWarning` names every base rule that had to go.

The result is validated exactly as :func:`load_gazetteer` validates a
file (it is written to a temporary folder and loaded back), so a clash such as
one alias for two entities fails here, naming the entity.
"""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import pandas as pd

from newskit.entities.gazetteer import load_gazetteer
from newskit.errors import ArgumentError

__all__ = ["GAZETTEER_COLUMNS", "RULE_COLUMNS", "combine_gazetteers", "load_any_gazetteer", "rules_frame",
           "write_gazetteer"]

GAZETTEER_COLUMNS = ["entity_id", "label", "type", "wikidata", "parent",
                     "aliases_ja", "aliases_de", "aliases_id", "aliases_en", "note"]
RULE_COLUMNS = ["lang", "kind", "entity_id", "alias", "pattern", "note"]
ALIAS_COLUMNS = [c for c in GAZETTEER_COLUMNS if c.startswith("aliases_")]
MODES = ("extend", "replace")


def load_any_gazetteer(gazetteer: pd.DataFrame | str | Path | None) -> pd.DataFrame:
    """A gazetteer table from a table, a CSV path or None (the default)."""
    if gazetteer is None or isinstance(gazetteer, (str, Path)):
        return load_gazetteer(gazetteer)
    if not isinstance(gazetteer, pd.DataFrame):
        raise ArgumentError(f"gazetteer must be a table or a CSV path, got {type(gazetteer).__name__}")
    return gazetteer


def rules_frame(gazetteer: pd.DataFrame) -> pd.DataFrame:
    """The rules a loaded gazetteer carries (``attrs["rules"]``) as a table."""
    rows = [{"lang": r.lang, "kind": r.kind, "entity_id": r.entity_id, "alias": r.alias,
             "pattern": r.pattern, "note": ""} for r in gazetteer.attrs.get("rules", ())]
    return pd.DataFrame(rows, columns=RULE_COLUMNS)


def _merge_aliases(old: str, new: str) -> str:
    """Union of two "|"-separated alias cells, first-seen order kept."""
    parts = [a.strip() for cell in (old, new) for a in str(cell).split("|") if a.strip()]
    return "|".join(dict.fromkeys(parts))


def _extend_rows(base: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    """Base rows, extended or followed by the extra rows."""
    table = base.reindex(columns=GAZETTEER_COLUMNS, fill_value="").fillna("").astype(str).copy()
    position = {eid: i for i, eid in enumerate(table["entity_id"])}
    added = []
    for row in extra.reindex(columns=GAZETTEER_COLUMNS, fill_value="").fillna("").astype(str).to_dict("records"):
        i = position.get(row["entity_id"])
        if i is None:
            added.append(row)
            continue
        for column in GAZETTEER_COLUMNS[1:]:
            if column in ALIAS_COLUMNS:
                table.iat[i, table.columns.get_loc(column)] = _merge_aliases(table.iat[i, table.columns.get_loc(column)], row[column])
            elif row[column]:
                table.iat[i, table.columns.get_loc(column)] = row[column]
    return pd.concat([table, pd.DataFrame(added, columns=GAZETTEER_COLUMNS)], ignore_index=True)


def _kept_rules(base: pd.DataFrame, table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Base rules still valid for a replacing gazetteer (global, or of an
    entity and alias it still has), and the dropped ones."""
    rules = rules_frame(base)
    aliases = {row["entity_id"]: {a for c in ALIAS_COLUMNS for a in str(row[c]).split("|") if a}
               for row in table.to_dict("records")}
    keep = pd.Series([eid == "" or (eid in aliases and (not alias or alias in aliases[eid]))
                      for eid, alias in zip(rules["entity_id"], rules["alias"])], index=rules.index, dtype=bool)
    dropped = [f"{r.kind} {r.entity_id} {r.pattern!r}" for r in rules[~keep].itertuples()]
    return rules[keep], dropped


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
    """Load ``table`` + ``rules`` back through :func:`load_gazetteer`
    (every check it makes), returning the loaded table with its rules."""
    with tempfile.TemporaryDirectory(prefix="newskit-gazetteer-") as tmp:
        path = write_gazetteer(table, rules, Path(tmp))
        loaded = load_gazetteer(path)
    loaded.attrs.pop("path", None)
    return loaded


def combine_gazetteers(base: pd.DataFrame | str | Path | None, extra: pd.DataFrame | str | Path, *,
                       mode: str = "extend") -> pd.DataFrame:
    """One gazetteer from a base (None: the shipped one) and a project's own
    (see the module docstring for ``mode``); returned loaded and validated,
    its rules in ``attrs["rules"]``."""
    if mode not in MODES:
        raise ArgumentError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
    base_table, extra_table = load_any_gazetteer(base), load_any_gazetteer(extra)
    extra_rules = rules_frame(extra_table)
    if mode == "extend":
        table = _extend_rows(base_table, extra_table)
        rules = pd.concat([rules_frame(base_table), extra_rules], ignore_index=True).drop_duplicates()
        return validate_gazetteer(table, rules)
    table = _extend_rows(extra_table.iloc[0:0], extra_table)
    kept, dropped = _kept_rules(base_table, table)
    if dropped:
        warnings.warn(f"replacing the gazetteer drops {len(dropped)} matching rule(s) of entities it no "
                      f"longer has: {'; '.join(dropped[:5])}{' …' if len(dropped) > 5 else ''}",
                      UserWarning, stacklevel=2)
    rules = pd.concat([kept, extra_rules], ignore_index=True).drop_duplicates()
    return validate_gazetteer(table, rules)
