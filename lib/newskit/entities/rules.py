"""Matching rules kept beside the gazetteer (``entity_rules.csv``).

``lang`` (a language code or ``*``), ``kind``, ``entity_id``, ``alias``,
``pattern`` (a Python regex), ``note``.  Kinds: ``suffix`` (an inflection
glued to any name and kept in the surface: ``Musks``, ``Grok-nya``,
``マスク氏``), ``glue_left`` (a one-character class allowed right before an
alias, for MT output such as ``übertragenxAI``), ``glue_right`` (words that may
follow a name without a break, for katakana compounds such as
``テスラデータセンター``), ``require_before|after`` and ``forbid_before|after``
(a regex searched in the 40 characters around the name: ``Tunnelhersteller
Boring``, ``マスク着用``) and ``ignore_candidate`` (terms the candidate list
never reports).  Every row is validated against the gazetteer and its
pattern compiled once, so a broken regex is reported with its row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newskit.entities.schema import ALIAS_COLUMNS, read_csv_table, split_aliases
from newskit.errors import CorpusError
from newskit.lang import supported_languages

__all__ = ["CONTEXT_KINDS", "GLOBAL_KINDS", "RULE_COLUMNS", "RULE_KINDS", "EntityRule", "check_rule_row",
           "load_entity_rules", "read_rules_table"]

RULE_COLUMNS = ("lang", "kind", "entity_id", "alias", "pattern")


CONTEXT_KINDS = frozenset({"require_before", "require_after", "forbid_before", "forbid_after"})


RULE_KINDS = CONTEXT_KINDS | {"suffix", "glue_left", "glue_right", "ignore_candidate"}


#: Kinds that apply to every entity (entity_id and alias stay blank).
GLOBAL_KINDS = frozenset({"suffix", "glue_right", "ignore_candidate"})


@dataclass(frozen=True)
class EntityRule:
    """One row of ``entity_rules.csv`` (``row`` is its line number)."""

    row: int
    lang: str
    kind: str
    entity_id: str
    alias: str
    pattern: str


def check_rule_row(row: dict[str, str], line: int, aliases: dict[str, set[str]],
                   path: Path | None) -> EntityRule:
    """Validate one rule row against the gazetteer and compile its pattern
    once, so a broken regex is reported with its row, not deep in a scan."""
    lang, kind, eid, alias, pattern = (row[c] for c in RULE_COLUMNS)
    where = f"row {line}"
    if lang != "*" and lang not in supported_languages():
        raise CorpusError(path, f"{where}: lang {lang!r} is not one of *, {', '.join(supported_languages())}")
    if kind not in RULE_KINDS:
        raise CorpusError(path, f"{where}: kind {kind!r} is not one of {', '.join(sorted(RULE_KINDS))}")
    if not pattern:
        raise CorpusError(path, f"{where}: empty pattern")
    global_kind = kind in GLOBAL_KINDS
    if global_kind and (eid or alias):
        raise CorpusError(path, f"{where}: a {kind} rule applies to all entities; leave entity_id and alias blank")
    if not global_kind and eid not in aliases:
        raise CorpusError(path, f"{where}: entity_id {eid!r} is not in the gazetteer")
    if alias and alias not in aliases.get(eid, set()):
        raise CorpusError(path, f"{where}: {alias!r} is not an alias of {eid!r}")
    if kind == "glue_left" and not alias:
        raise CorpusError(path, f"{where}: a glue_left rule needs the alias it applies to")
    try:
        re.compile(f"(?<={pattern})" if kind == "glue_left" else pattern)
    except re.error as exc:
        detail = " (glue_left needs a fixed-width class such as [a-z])" if kind == "glue_left" else ""
        raise CorpusError(path, f"{where}: pattern {pattern!r} does not compile: {exc}{detail}") from None
    return EntityRule(line, lang, kind, eid, alias, pattern)


def read_rules_table(path: Path | None) -> pd.DataFrame:
    """The rows of a rules file as strings (no file: an empty table); they
    are validated once the gazetteer they refer to is assembled."""
    if path is None:
        return pd.DataFrame(columns=list(RULE_COLUMNS), dtype=object)
    return read_csv_table(path, RULE_COLUMNS, "entity rules")


def load_entity_rules(path: str | Path, gazetteer: pd.DataFrame) -> tuple[EntityRule, ...]:
    """Read and validate ``entity_rules.csv`` against a gazetteer."""
    path = Path(path)
    table = read_rules_table(path)
    aliases = {
        row["entity_id"]: {a for c in ALIAS_COLUMNS for a in split_aliases(row.get(c, ""))}
        for row in gazetteer.to_dict("records")
    }
    return tuple(check_rule_row(row, i + 2, aliases, path) for i, row in enumerate(table.to_dict("records")))

