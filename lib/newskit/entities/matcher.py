"""The compiled gazetteer: one trie-shaped regex per language.

Matching rules (see :func:`newskit.entities.mentions.find_mentions_in_text`):
case-sensitive; leftmost then longest alias wins and mentions never overlap
(``イーロン・マスク`` is one mention, ``Grok-1.5V`` beats ``Grok``); a name may
not be glued to a letter or digit of the same script on either side (``X`` in
``SpaceX`` or ``xAI`` is not X, ``メタ`` in ``メタファー`` is not Meta) but
Latin may touch kana/kanji (``xAIモデル``); a version number does not stop at
a decimal point (``Grok-1`` is not found in ``Grok-1.6``).

All alias patterns are compiled once per gazetteer and cached, so scanning
10^5 articles costs one regex pass per paragraph.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from newskit.entities.gazetteer import index_aliases
from newskit.entities.rules import CONTEXT_KINDS, EntityRule
from newskit.entities.schema import ALIAS_COLUMNS
from newskit.text.names import trie_pattern

__all__ = ["CONTEXT_WINDOW", "LATIN", "KATAKANA", "Matcher", "check_context", "compile_matcher"]

#: Characters on each side of a mention that context rules look at.
CONTEXT_WINDOW = 40
LATIN = "A-Za-z0-9À-ÖØ-öø-ɏ"
KATAKANA = "ァ-ヺー"
#: Checked right after an alias's first character: that character and the one
#: before it must not both be Latin (or both katakana).
LEFT_EDGE = f"(?<![{LATIN}][{LATIN}])(?<![{KATAKANA}][{KATAKANA}])"
#: Checked after the alias (and suffix): no same-script glue, no ".5" / ",5".
RIGHT_EDGE = rf"(?!(?<=[{LATIN}])[{LATIN}])(?!(?<=[{KATAKANA}])[{KATAKANA}])(?!(?<=\d)[.,]\d)"

@dataclass(frozen=True)
class _ContextCheck:
    """A compiled context rule for one entity (``alias`` blank = all)."""

    kind: str
    alias: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class _LanguageMatcher:
    """Everything needed to scan text of one language."""

    pattern: re.Pattern[str]
    entity_of: dict[str, str]
    glue_groups: tuple[str, ...]
    checks: dict[str, tuple[_ContextCheck, ...]]


@dataclass(frozen=True)
class Matcher:
    """A compiled gazetteer: one :class:`_LanguageMatcher` per language,
    compiled on first use (a regex over the ~2,000 aliases of one language
    takes ~0.1 s to compile; a corpus in one language pays for one)."""

    aliases: dict[str, dict[str, str]]
    rules: tuple[EntityRule, ...]
    labels: dict[str, str]
    ignore: tuple[re.Pattern[str], ...]
    types: dict[str, str] = field(default_factory=dict)
    compiled: dict[str, _LanguageMatcher] = field(default_factory=dict, compare=False, repr=False)

    def scanner(self, lang: str) -> _LanguageMatcher | None:
        """The scanner of ``lang`` (None when no alias applies there)."""
        found = self.compiled.get(lang)
        if found is None and self.aliases.get(lang):
            found = self.compiled[lang] = _build_language_matcher(lang, self.aliases[lang], self.rules)
        return found


def _build_trie_pattern(aliases: Iterable[str]) -> str:
    """One regex for all aliases, shaped as a trie (see
    :func:`newskit.text.names.trie_pattern`); the left-edge check sits after
    each alias's first character, and greedy optional tails make the longest
    alias win and let it back off to a shorter one at a bad edge."""
    return trie_pattern(aliases, LEFT_EDGE)


def _select_rules(rules: Iterable[EntityRule], lang: str, kinds: Iterable[str]) -> list[EntityRule]:
    """The rules of some kinds that apply to text in ``lang``."""
    wanted = set(kinds)
    return [r for r in rules if r.kind in wanted and r.lang in ("*", lang)]


def _build_language_matcher(lang: str, entity_of: dict[str, str], rules: tuple[EntityRule, ...]) -> _LanguageMatcher:
    """Compile the scanner of one language: alias trie, glued-alias
    alternatives, inflection suffixes and the right-edge check."""
    parts = [f"(?P<alias>{_build_trie_pattern(entity_of)})"]
    glue = [r for r in _select_rules(rules, lang, ["glue_left"]) if r.alias in entity_of]
    for i, rule in enumerate(glue):
        first = re.escape(rule.alias[0])
        parts.append(f"(?P<g{i}>{first}(?<=(?:{rule.pattern}){first}){re.escape(rule.alias[1:])})")
    suffixes = "|".join(f"(?:{r.pattern})" for r in _select_rules(rules, lang, ["suffix"]))
    suffix = f"(?P<suffix>{suffixes})?" if suffixes else ""
    heads = "|".join(f"(?:{r.pattern})" for r in _select_rules(rules, lang, ["glue_right"]))
    right = f"(?:{RIGHT_EDGE}|(?={heads}))" if heads else RIGHT_EDGE
    checks: dict[str, list[_ContextCheck]] = defaultdict(list)
    for rule in _select_rules(rules, lang, CONTEXT_KINDS):
        checks[rule.entity_id].append(_ContextCheck(rule.kind, rule.alias, re.compile(rule.pattern)))
    return _LanguageMatcher(
        pattern=re.compile(f"(?:{'|'.join(parts)}){suffix}{right}"),
        entity_of=dict(entity_of),
        glue_groups=tuple(f"g{i}" for i in range(len(glue))),
        checks={eid: tuple(found) for eid, found in checks.items()},
    )


def _build_matcher(gazetteer: pd.DataFrame) -> Matcher:
    """Compile a gazetteer (and the rules in its ``attrs``) for scanning."""
    rules = tuple(gazetteer.attrs.get("rules", ()))
    index = index_aliases(gazetteer, gazetteer.attrs.get("path"))
    return Matcher(
        aliases={lang: aliases for lang, aliases in index.items() if aliases}, rules=rules,
        labels=dict(zip(gazetteer["entity_id"], gazetteer["label"])),
        types=dict(zip(gazetteer["entity_id"], gazetteer["type"])),
        ignore=tuple(re.compile(r.pattern) for r in rules if r.kind == "ignore_candidate"),
    )


_MATCHERS: dict[Any, Matcher] = {}


def _fingerprint_gazetteer(gazetteer: pd.DataFrame) -> tuple:
    """A hashable summary of everything the matcher depends on, so an edited
    or filtered gazetteer never reuses a stale compiled pattern."""
    columns = ["entity_id", "label", *[c for c in ("type", *ALIAS_COLUMNS) if c in gazetteer.columns]]
    rows = tuple(map(tuple, gazetteer[columns].to_numpy().tolist()))
    return rows, tuple(gazetteer.attrs.get("rules", ()))


def compile_matcher(gazetteer: pd.DataFrame | Matcher) -> Matcher:
    """Return the compiled matcher of a gazetteer, built once and cached."""
    if isinstance(gazetteer, Matcher):
        return gazetteer
    key = _fingerprint_gazetteer(gazetteer)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        if len(_MATCHERS) >= 8:
            _MATCHERS.clear()
        matcher = _MATCHERS[key] = _build_matcher(gazetteer)
    return matcher


def check_context(text: str, start: int, end: int, alias: str, checks: tuple[_ContextCheck, ...]) -> bool:
    """Apply an entity's context rules: no forbid rule may match, and if
    require rules exist at least one must (they are alternatives)."""
    before = text[max(0, start - CONTEXT_WINDOW):start]
    after = text[end:end + CONTEXT_WINDOW]
    required = satisfied = False
    for check in checks:
        if check.alias and check.alias != alias:
            continue
        hit = check.regex.search(before if check.kind.endswith("before") else after) is not None
        if check.kind.startswith("forbid") and hit:
            return False
        if check.kind.startswith("require"):
            required, satisfied = True, satisfied or hit
    return satisfied or not required

