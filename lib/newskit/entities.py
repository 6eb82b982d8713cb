"""Named entities: a gazetteer kept as data, mention finding, and the
proper-noun candidates the gazetteer still misses.

Why a gazetteer and not a statistical NER model: the kit compares the *same*
story across machine translations, so the counts must be explainable line by
line.  Every matching decision therefore lives in two CSV files a researcher
can read and edit, never in per-entity code:

``data/entities.csv``
    One row per entity: ``entity_id`` (slug), ``label``, ``type``,
    ``wikidata`` (QID or blank), ``parent`` (the family a version rolls up
    to: grok-1.5v → grok), ``aliases_ja|de|id|en`` ("|"-separated) and an
    optional ``note`` (a note starting with ``unused:`` documents an entity
    kept on purpose although the corpus never names it).  English aliases are
    international spellings and apply to text in every language.
``data/entity_rules.csv``
    ``lang`` (ja/de/id/en or ``*``), ``kind``, ``entity_id``, ``alias``,
    ``pattern`` (a Python regex), ``note``.  Kinds: ``suffix`` (an inflection
    glued to any name and kept in the surface: ``Musks``, ``Grok-nya``,
    ``マスク氏``), ``glue_left`` (a one-character class allowed right before an
    alias, for MT output such as ``übertragenxAI``), ``glue_right`` (words that
    may follow a name without a break, for katakana compounds such as
    ``テスラデータセンター``), ``require_before|after``
    and ``forbid_before|after`` (a regex searched in the 40 characters around
    the name: ``Tunnelhersteller Boring``, ``マスク着用``) and
    ``ignore_candidate`` (terms :func:`candidate_entities` never reports).

Matching rules (see :func:`find_mentions_in_text`): case-sensitive; leftmost
then longest alias wins and mentions never overlap (``イーロン・マスク`` is one
mention, ``Grok-1.5V`` beats ``Grok``); a name may not be glued to a letter or
digit of the same script on either side (``X`` in ``SpaceX`` or ``xAI`` is not
X, ``メタ`` in ``メタファー`` is not Meta) but Latin may touch kana/kanji
(``xAIモデル``); a version number does not stop at a decimal point
(``Grok-1`` is not found in ``Grok-1.6``).  The surface of a mention is the
text as written, inflection included: ``text[start:end] == surface``.

Decisions kept as data: ``マスク氏`` is one Musk mention whose surface keeps
氏 (the register stays visible; bare ``マスク`` counts too, except in
mask-wearing contexts); a bare ``X`` is the social network wherever it is a
whole word (Model X, Generation X, X-ray are forbidden contexts); a bare
``Boring`` is the company only after a tunnel/Musk word.

All alias patterns are compiled once per gazetteer (one trie-shaped regex per
language) and cached, so scanning 10^5 articles costs one regex pass per
paragraph.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd
import simplemma

from newskit.errors import CorpusError
from newskit.ja import tokenize_japanese_raw
from newskit.paths import find_project_root
from newskit.stopwords import stopwords_for

LANGS = ("ja", "de", "id", "en")
#: English/international spellings are valid in text of every language.
SHARED_LANG = "en"
ALIAS_COLUMNS = tuple(f"aliases_{lang}" for lang in LANGS)
REQUIRED_COLUMNS = ("entity_id", "label", "type", "wikidata", "parent", *ALIAS_COLUMNS)
ENTITY_TYPES = frozenset({"PERSON", "ORG", "PRODUCT", "PLACE", "EVENT", "WORK"})
RULE_COLUMNS = ("lang", "kind", "entity_id", "alias", "pattern")
CONTEXT_KINDS = frozenset({"require_before", "require_after", "forbid_before", "forbid_after"})
RULE_KINDS = CONTEXT_KINDS | {"suffix", "glue_left", "glue_right", "ignore_candidate"}
#: Kinds that apply to every entity (entity_id and alias stay blank).
GLOBAL_KINDS = frozenset({"suffix", "glue_right", "ignore_candidate"})
GAZETTEER_FILE = "entities.csv"
RULES_FILE = "entity_rules.csv"
ALIAS_SEPARATOR = "|"
UNUSED_PREFIX = "unused:"
#: Characters on each side of a mention that context rules look at.
CONTEXT_WINDOW = 40
MENTION_COLUMNS = ["doc_id", "para_id", "entity_id", "label", "surface", "start", "end"]
CANDIDATE_COLUMNS = ["term", "lang", "count", "n_docs", "example"]

ENTITY_ID_RE = re.compile(r"[a-z0-9][a-z0-9.\-]*\Z")
QID_RE = re.compile(r"Q[1-9]\d*\Z")
LATIN = "A-Za-z0-9À-ÖØ-öø-ɏ"
KATAKANA = "ァ-ヺー"
#: Checked right after an alias's first character: that character and the one
#: before it must not both be Latin (or both katakana).
LEFT_EDGE = f"(?<![{LATIN}][{LATIN}])(?<![{KATAKANA}][{KATAKANA}])"
#: Checked after the alias (and suffix): no same-script glue, no ".5" / ",5".
RIGHT_EDGE = rf"(?!(?<=[{LATIN}])[{LATIN}])(?!(?<=[{KATAKANA}])[{KATAKANA}])(?!(?<=\d)[.,]\d)"
LATIN_CHAR_RE = re.compile(f"[{LATIN}]")
LATIN_WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ](?:[A-Za-z0-9À-ÖØ-öø-ɏ'’.\-]*[A-Za-z0-9À-ÖØ-öø-ɏ])?")
SENTENCE_END = frozenset(".!?:;。！？…")
OPENERS = " \t\"'„“”‚‘’«»([{「『【▲•*–—"
#: Paragraph kinds that are site furniture, skipped by candidate_entities.
SKIPPED_CANDIDATE_KINDS = frozenset({"boilerplate"})
MASK_CHAR = "〓"


class Mention(NamedTuple):
    """One entity mention inside one text: ``text[start:end] == surface``."""

    entity_id: str
    label: str
    surface: str
    start: int
    end: int


@dataclass(frozen=True)
class EntityRule:
    """One row of ``entity_rules.csv`` (``row`` is its line number)."""

    row: int
    lang: str
    kind: str
    entity_id: str
    alias: str
    pattern: str


@dataclass(frozen=True)
class ContextCheck:
    """A compiled context rule for one entity (``alias`` blank = all)."""

    kind: str
    alias: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class LanguageMatcher:
    """Everything needed to scan text of one language."""

    pattern: re.Pattern[str]
    entity_of: dict[str, str]
    glue_groups: tuple[str, ...]
    checks: dict[str, tuple[ContextCheck, ...]]


@dataclass(frozen=True)
class Matcher:
    """A compiled gazetteer: one :class:`LanguageMatcher` per language."""

    languages: dict[str, LanguageMatcher]
    labels: dict[str, str]
    ignore: tuple[re.Pattern[str], ...]


# --------------------------------------------------------------------------
# Loading and validating the gazetteer
# --------------------------------------------------------------------------


def default_gazetteer_path() -> Path:
    """``data/entities.csv`` of the project root, whatever the working
    directory (notebooks/ or the root) and whichever corpus is analysed;
    failing that, the checkout this (editable) package lives in."""
    path = find_project_root() / "data" / GAZETTEER_FILE
    checkout = Path(__file__).resolve().parents[2] / "data" / GAZETTEER_FILE
    return path if path.is_file() or not checkout.is_file() else checkout


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
    index: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for row_no, row in enumerate(table.to_dict("records"), start=2):
        eid = row["entity_id"]
        for lang in LANGS:
            own = split_aliases(row.get(f"aliases_{lang}", ""))
            shared = split_aliases(row.get(f"aliases_{SHARED_LANG}", "")) if lang != SHARED_LANG else []
            for alias in own + shared:
                other = index[lang].setdefault(alias, eid)
                if other != eid:
                    raise CorpusError(path, f"row {row_no} ({eid}): alias {alias!r} already "
                                            f"belongs to {other!r} in {lang} text")
    return index


def check_rule_row(row: dict[str, str], line: int, aliases: dict[str, set[str]],
                   path: Path | None) -> EntityRule:
    """Validate one rule row against the gazetteer and compile its pattern
    once, so a broken regex is reported with its row, not deep in a scan."""
    lang, kind, eid, alias, pattern = (row[c] for c in RULE_COLUMNS)
    where = f"row {line}"
    if lang != "*" and lang not in LANGS:
        raise CorpusError(path, f"{where}: lang {lang!r} is not one of *, {', '.join(LANGS)}")
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


def load_entity_rules(path: str | Path, gazetteer: pd.DataFrame) -> tuple[EntityRule, ...]:
    """Read and validate ``entity_rules.csv`` against a gazetteer."""
    path = Path(path)
    table = read_csv_table(path, RULE_COLUMNS, "entity rules")
    aliases = {
        row["entity_id"]: {a for c in ALIAS_COLUMNS for a in split_aliases(row[c])}
        for row in gazetteer.to_dict("records")
    }
    return tuple(check_rule_row(row, i + 2, aliases, path) for i, row in enumerate(table.to_dict("records")))


def load_gazetteer(path: str | Path | None = None, rules_path: str | Path | None = None) -> pd.DataFrame:
    """Load and validate the entity gazetteer (default ``data/entities.csv``).

    The rules file defaults to ``entity_rules.csv`` next to the gazetteer (none
    if there is no such file).  The validated rules travel with the table in
    ``gazetteer.attrs["rules"]`` so a filtered gazetteer keeps them.  Any
    problem raises :class:`CorpusError` naming the file and the row."""
    path = Path(path) if path is not None else default_gazetteer_path()
    table = read_csv_table(path, REQUIRED_COLUMNS, "entity gazetteer")
    if "note" not in table.columns:
        table["note"] = ""
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


# --------------------------------------------------------------------------
# Compiling the matcher
# --------------------------------------------------------------------------


def build_trie_pattern(aliases: Iterable[str]) -> str:
    """One regex for all aliases, shaped as a trie so the engine never tries
    hundreds of alternatives per position; greedy optional tails make the
    longest alias win and let it back off to a shorter one at a bad edge."""
    trie: dict[str, dict] = {}
    for alias in aliases:
        node = trie
        for char in alias:
            node = node.setdefault(char, {})
        node[""] = {}
    return render_trie(trie, first=True)


def render_trie(node: dict[str, dict], first: bool = False) -> str:
    """Render one trie node; the left-edge check sits after the first char."""
    branches = [
        re.escape(char) + (LEFT_EDGE if first else "") + render_trie(child)
        for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def select_rules(rules: Iterable[EntityRule], lang: str, kinds: Iterable[str]) -> list[EntityRule]:
    """The rules of some kinds that apply to text in ``lang``."""
    wanted = set(kinds)
    return [r for r in rules if r.kind in wanted and r.lang in ("*", lang)]


def build_language_matcher(lang: str, entity_of: dict[str, str], rules: tuple[EntityRule, ...]) -> LanguageMatcher:
    """Compile the scanner of one language: alias trie, glued-alias
    alternatives, inflection suffixes and the right-edge check."""
    parts = [f"(?P<alias>{build_trie_pattern(entity_of)})"]
    glue = [r for r in select_rules(rules, lang, ["glue_left"]) if r.alias in entity_of]
    for i, rule in enumerate(glue):
        first = re.escape(rule.alias[0])
        parts.append(f"(?P<g{i}>{first}(?<=(?:{rule.pattern}){first}){re.escape(rule.alias[1:])})")
    suffixes = "|".join(f"(?:{r.pattern})" for r in select_rules(rules, lang, ["suffix"]))
    suffix = f"(?P<suffix>{suffixes})?" if suffixes else ""
    heads = "|".join(f"(?:{r.pattern})" for r in select_rules(rules, lang, ["glue_right"]))
    right = f"(?:{RIGHT_EDGE}|(?={heads}))" if heads else RIGHT_EDGE
    checks: dict[str, list[ContextCheck]] = defaultdict(list)
    for rule in select_rules(rules, lang, CONTEXT_KINDS):
        checks[rule.entity_id].append(ContextCheck(rule.kind, rule.alias, re.compile(rule.pattern)))
    return LanguageMatcher(
        pattern=re.compile(f"(?:{'|'.join(parts)}){suffix}{right}"),
        entity_of=dict(entity_of),
        glue_groups=tuple(f"g{i}" for i in range(len(glue))),
        checks={eid: tuple(found) for eid, found in checks.items()},
    )


def build_matcher(gazetteer: pd.DataFrame) -> Matcher:
    """Compile a gazetteer (and the rules in its ``attrs``) for scanning."""
    rules = tuple(gazetteer.attrs.get("rules", ()))
    index = index_aliases(gazetteer, gazetteer.attrs.get("path"))
    return Matcher(
        languages={lang: build_language_matcher(lang, index[lang], rules) for lang in LANGS if index[lang]},
        labels=dict(zip(gazetteer["entity_id"], gazetteer["label"])),
        ignore=tuple(re.compile(r.pattern) for r in rules if r.kind == "ignore_candidate"),
    )


_MATCHERS: dict[Any, Matcher] = {}


def fingerprint_gazetteer(gazetteer: pd.DataFrame) -> tuple:
    """A hashable summary of everything the matcher depends on, so an edited
    or filtered gazetteer never reuses a stale compiled pattern."""
    columns = ["entity_id", "label", *[c for c in ALIAS_COLUMNS if c in gazetteer.columns]]
    rows = tuple(map(tuple, gazetteer[columns].to_numpy().tolist()))
    return rows, tuple(gazetteer.attrs.get("rules", ()))


def compile_matcher(gazetteer: pd.DataFrame | Matcher) -> Matcher:
    """Return the compiled matcher of a gazetteer, built once and cached."""
    if isinstance(gazetteer, Matcher):
        return gazetteer
    key = fingerprint_gazetteer(gazetteer)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        if len(_MATCHERS) >= 8:
            _MATCHERS.clear()
        matcher = _MATCHERS[key] = build_matcher(gazetteer)
    return matcher


# --------------------------------------------------------------------------
# Finding and counting mentions
# --------------------------------------------------------------------------


def check_context(text: str, start: int, end: int, alias: str, checks: tuple[ContextCheck, ...]) -> bool:
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


def find_mentions_in_text(text: str, lang: str, gazetteer: pd.DataFrame | Matcher) -> list[Mention]:
    """All entity mentions in one text, left to right, never overlapping.

    Pure function of its inputs; pass a compiled :class:`Matcher` (from
    :func:`compile_matcher`) in tight loops.  A match that a context rule
    rejects is dropped and the scan resumes one character later, so a name
    starting inside it can still be found."""
    if lang not in LANGS:
        raise CorpusError(None, f"unsupported language {lang!r} (supported: {', '.join(LANGS)})")
    matcher = compile_matcher(gazetteer)
    scanner = matcher.languages.get(lang)
    if scanner is None:
        return []
    mentions: list[Mention] = []
    pos = 0
    while (match := scanner.pattern.search(text, pos)) is not None:
        alias = match.group("alias") or next(match.group(g) for g in scanner.glue_groups if match.group(g))
        eid = scanner.entity_of[alias]
        start, end = match.span()
        if check_context(text, start, end, alias, scanner.checks.get(eid, ())):
            mentions.append(Mention(eid, matcher.labels[eid], match.group(), start, end))
            pos = end
        else:
            pos = start + 1
    return mentions


def map_document_languages(corpus: Any) -> dict[str, str]:
    """``doc_id → lang`` from ``corpus.documents``: the only thing besides
    paragraphs the entity functions need from a corpus."""
    documents = corpus.documents
    return dict(zip(documents["doc_id"], documents["lang"]))


def look_up_language(langs: dict[str, str], doc_id: str) -> str:
    """The language of a paragraph's document, or a clear error: without it
    the wrong aliases and rules would be applied."""
    if doc_id not in langs:
        raise CorpusError(None, f"paragraphs of {doc_id!r} have no row in corpus.documents (no language)")
    return langs[doc_id]


def select_paragraphs(corpus: Any, kinds: Iterable[str] | None) -> pd.DataFrame:
    """The corpus paragraphs, optionally only some kinds (needs ``kind``)."""
    paragraphs = corpus.paragraphs
    if kinds is None:
        return paragraphs
    return paragraphs[paragraphs["kind"].isin(list(kinds))]


def find_mentions(corpus: Any, gazetteer: pd.DataFrame | None = None,
                  kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """Every mention in a corpus: ``doc_id, para_id, entity_id, label,
    surface, start, end`` with offsets into the paragraph text.

    ``corpus`` only needs ``paragraphs`` (doc_id, para_id, text[, kind]) and
    ``documents`` (doc_id, lang).  ``kinds`` limits the paragraph kinds (e.g.
    ``newskit.TEXT_KINDS`` to leave out bylines and source lines)."""
    matcher = compile_matcher(load_default_gazetteer() if gazetteer is None else gazetteer)
    langs = map_document_languages(corpus)
    records = []
    for doc_id, para_id, text in select_paragraphs(corpus, kinds)[["doc_id", "para_id", "text"]].itertuples(index=False):
        for m in find_mentions_in_text(text, look_up_language(langs, doc_id), matcher):
            records.append((doc_id, int(para_id), m.entity_id, m.label, m.surface, m.start, m.end))
    mentions = pd.DataFrame.from_records(records, columns=MENTION_COLUMNS)
    return mentions.astype({"para_id": "int64", "start": "int64", "end": "int64"})


def map_families(gazetteer: pd.DataFrame) -> dict[str, str]:
    """``entity_id → family``: the top of its ``parent`` chain (itself if
    it has no parent), so Grok-2 Mini → Grok 2 → Grok counts as Grok."""
    parent_of = dict(zip(gazetteer["entity_id"], gazetteer["parent"]))
    families = {}
    for eid in parent_of:
        top, seen = eid, {eid}
        while parent_of.get(top) and parent_of[top] not in seen:
            top = parent_of[top]
            seen.add(top)
        families[eid] = top
    return families


def count_mentions(mentions: pd.DataFrame, by: str = "doc_id", roll_up: bool = False,
                   gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Entity × ``by`` count table (rows sorted by total, columns in order of
    first appearance).  ``roll_up=True`` counts each mention for its family
    (see :func:`map_families`) using ``gazetteer`` (default: the project's)."""
    if by not in mentions.columns:
        raise CorpusError(None, f"cannot count by {by!r}: mentions have columns {', '.join(mentions.columns)}")
    entity = mentions["entity_id"]
    if roll_up:
        families = map_families(load_default_gazetteer() if gazetteer is None else gazetteer)
        entity = entity.map(lambda e: families.get(e, e))
    table = pd.crosstab(entity.rename("entity_id"), mentions[by].rename(by))
    table = table.reindex(columns=list(dict.fromkeys(mentions[by])))
    table = table.sort_index()
    order = table.sum(axis=1).sort_values(ascending=False, kind="stable").index
    return table.loc[order]


# --------------------------------------------------------------------------
# Candidates the gazetteer does not cover yet
# --------------------------------------------------------------------------


def mask_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Blank out covered spans with a symbol (same length, so offsets stay
    valid) so that a known name can neither be reported nor glue two
    uncovered words into one run."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = MASK_CHAR * (end - start)
    return "".join(chars)


def is_sentence_start(text: str, start: int) -> bool:
    """True when only quotes/brackets separate ``start`` from the beginning of
    the text or from a sentence end: capitalisation proves nothing there."""
    before = text[:start].rstrip(OPENERS)
    return not before or before[-1] in SENTENCE_END


def is_known_part(part: str) -> bool:
    """A piece of a German compound: a German word, an acronym, or an
    English loan (Brain-Computer-Interface-Startup, Audiofunktionen)."""
    return part.isupper() or simplemma.is_known(part, "de") or simplemma.is_known(part.lower(), "en")


def is_compound_of_known(word: str) -> bool:
    """True for a German compound made of known words (Elektroauto-
    unternehmen, Tunnelhersteller) that the dictionary itself lacks; a
    linking s (Geschäftsimperium) is allowed."""
    for cut in range(3, len(word) - 3):  # head ≥ 3, tail ≥ 4 letters (not Tal+bek)
        head, tail = word[:cut], word[cut:].capitalize()
        heads = (head, head[:-1]) if head.endswith("s") else (head,)
        if simplemma.is_known(tail, "de") and any(is_known_part(h) or is_known_part(h.capitalize()) for h in heads):
            return True
    return False


def is_ordinary_word(word: str, lang: str) -> bool:
    """Decide whether a capitalised word is vocabulary, not a name: German
    capitalises every noun (dictionary, compounds of known words, hyphenated
    parts incl. English loans), Indonesian capitalises known words only in
    titles, English capitalises names (and stop words opening a sentence)."""
    if word.lower() in stopwords_for(lang):
        return True  # "The", "Die", "Pada" opening a sentence or a title
    parts = [p for p in word.split("-") if p]
    if lang == "de":
        if simplemma.is_known(word, "de") or is_compound_of_known(word):
            return True
        return len(parts) > 1 and all(is_known_part(p) or is_compound_of_known(p) for p in parts)
    if lang == "id":
        return all(simplemma.is_known(p.lower(), "id") for p in parts)
    return False


def extract_latin_runs(text: str, lang: str) -> list[tuple[str, int, int]]:
    """Runs of capitalised Latin-script words (joined by single spaces) that
    are not ordinary words: "Brian Quinn", "Zhidongxi", "POST".

    Outside Japanese, a single word at a sentence start is skipped: its
    capital proves nothing, and a real name shows up mid-sentence too."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for match in LATIN_WORD_RE.finditer(text):
        word = match.group()
        name_like = any(c.isupper() for c in word) and (lang == "ja" or not is_ordinary_word(word, lang))
        if name_like and current and text[current[-1].end():match.start()] == " ":
            current.append(match)
        elif name_like:
            current = [match]
            runs.append(current)
        else:
            current = []
    if lang != "ja":
        runs = [r for r in runs if len(r) > 1 or not is_sentence_start(text, r[0].start())]
    return [(text[r[0].start():r[-1].end()], r[0].start(), r[-1].end()) for r in runs]


def extract_japanese_names(text: str) -> list[tuple[str, int, int]]:
    """Runs of UniDic 固有名詞 tokens (joined across ・) in Japanese text;
    Latin-script names inside it come from :func:`extract_latin_runs`."""
    runs: list[list[Any]] = []
    current: list[Any] = []
    for token in tokenize_japanese_raw(text):
        proper = token.tag.startswith("名詞-固有名詞") and not LATIN_CHAR_RE.search(token.surface)
        if proper and current and text[current[-1].end:token.start] in ("", "・"):
            current.append(token)
        elif proper:
            current = [token]
            runs.append(current)
        elif token.surface != "・":
            current = []
    return [(text[r[0].start:r[-1].end], r[0].start, r[-1].end) for r in runs]


def extract_candidates(text: str, lang: str) -> list[tuple[str, int, int]]:
    """Proper-noun candidates of one (masked) text as (term, start, end)."""
    found = extract_latin_runs(text, lang)
    if lang == "ja":
        found += extract_japanese_names(text)
    return found


def candidate_entities(corpus: Any, gazetteer: pd.DataFrame | None = None,
                       kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """Proper-noun candidates the gazetteer misses, most frequent first:
    ``term, lang, count, n_docs, example`` (``doc_id#para_id: …context…``).

    Known mentions are masked first, aliases and ``ignore_candidate`` terms
    are dropped; by default boilerplate paragraphs (menus, contact lines) are
    skipped.  Meant as a to-do list for growing ``data/entities.csv``."""
    gazetteer = load_default_gazetteer() if gazetteer is None else gazetteer
    matcher = compile_matcher(gazetteer)
    langs = map_document_languages(corpus)
    paragraphs = corpus.paragraphs
    if kinds is not None:
        paragraphs = select_paragraphs(corpus, kinds)
    elif "kind" in paragraphs.columns:
        paragraphs = paragraphs[~paragraphs["kind"].isin(SKIPPED_CANDIDATE_KINDS)]
    found: dict[tuple[str, str], list[Any]] = {}
    for doc_id, para_id, text in paragraphs[["doc_id", "para_id", "text"]].itertuples(index=False):
        lang = look_up_language(langs, doc_id)
        spans = [(m.start, m.end) for m in find_mentions_in_text(text, lang, matcher)]
        known = matcher.languages[lang].entity_of if lang in matcher.languages else {}
        for term, start, end in extract_candidates(mask_spans(text, spans), lang):
            if term in known or any(p.fullmatch(term) for p in matcher.ignore):
                continue
            entry = found.setdefault((term, lang), [0, set(), ""])
            entry[0] += 1
            entry[1].add(doc_id)
            entry[2] = entry[2] or f"{doc_id}#{para_id}: …{text[max(0, start - 20):end + 20]}…"
    rows = [(t, lang, n, len(docs), ex) for (t, lang), (n, docs, ex) in found.items()]
    table = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
    return table.sort_values(["count", "n_docs", "term"], ascending=[False, False, True], ignore_index=True)
