"""Coding rules, KH Coder's most used feature: name a concept once, find it
in every document (or paragraph), cross-tabulate it by any catalog column.

A codes file holds one code per line::

    # funding: a money word, or xAI together with an amount of money
    *funding: 資金 | 調達 | Finanzierung | (entity:xai & quantity:currency)
    *open source: "open source" | オープンソース | "Open Source" | quelloffen
    *lawsuit: 訴訟 | Klage | gugatan | (OpenAI & !xAI)

``*name:`` starts a code (names are unique; anything but ``:``); the
expression after the colon combines **atoms** with ``!`` (not), ``&`` (and)
and ``|`` (or), binding in that order, and parentheses.  Atoms:

* a bare word — a token whose lemma *or* surface is exactly that word
  (``資金``, ``Finanzierung``); it needs a letter or digit, so a stray ``+``
  or ``&&`` is reported as an unknown operator;
* a quoted phrase — consecutive words (``"Mistral AI"``; matched like a
  collocation node, on lemmas or on surfaces); a quoted single word matches
  literally, also symbols (``"%"``) and words with a colon (``"re:publica"``);
* ``entity:<id>`` — a mention of that gazetteer entity (needs ``mentions``);
* ``quantity:<kind>`` — a quantity of that kind, e.g. ``quantity:currency``,
  ``quantity:percent`` (needs ``quantities``).

Blank lines and lines starting with ``#`` are ignored (no comments after an
expression).  Every mistake is a :class:`newskit.CorpusError` naming the
file, the line and the problem, e.g. ``codes.txt, line 4: code 'funding':
unbalanced parenthesis: '(' at column 16 is never closed``.  Expressions are
parsed by a small recursive-descent parser — nothing is ever evaluated as
Python.

:func:`apply_codes` gives a units × codes table of 0/1 (unit: document or
paragraph); :func:`cross_tabulate_codes` counts the coded units per group of
a catalog column with a χ² test per code (2 × groups table, no continuity
correction) and Haberman's adjusted standardised residuals ``(O - E) / sqrt(E
(1 - row / N) (1 - column / N))``: beyond ±1.96 a group uses the code more /
less than the others at p < .05 (one cell, uncorrected).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NoReturn

import numpy as np
import pandas as pd
from scipy.stats import chi2_contingency

from newskit.errors import ArgumentError, CorpusError
from newskit.analysis.frequency import PARAGRAPH, check_columns, term_labels
from newskit.analysis.stream import find_phrase, word_stream

__all__ = ["All", "AnyOf", "Code", "CodeCrossTab", "Entity", "Not", "Phrase", "QuantityKind", "Word",
           "apply_codes", "cross_tabulate_codes", "load_codes", "parse_codes"]


@dataclass(frozen=True)
class Word:
    """A token whose lemma or surface is ``text``."""
    text: str


@dataclass(frozen=True)
class Phrase:
    """Consecutive words spelling ``parts``."""
    parts: tuple[str, ...]


@dataclass(frozen=True)
class Entity:
    """A mention of ``entity_id``."""
    entity_id: str


@dataclass(frozen=True)
class QuantityKind:
    """A quantity of ``kind``."""
    kind: str


@dataclass(frozen=True)
class Not:
    operand: Expression


@dataclass(frozen=True)
class All:
    """And: every operand."""
    operands: tuple[Expression, ...]


@dataclass(frozen=True)
class AnyOf:
    """Or: at least one operand."""
    operands: tuple[Expression, ...]


Expression = Word | Phrase | Entity | QuantityKind | Not | All | AnyOf


@dataclass(frozen=True)
class Code:
    """One parsed code: its name, expression, and where it was written."""
    name: str
    expression: Expression
    line: int
    source: str


_LEXEME = re.compile(r'\s+|"[^"]*"?|&&|\|\||[|&!()]|[^\s|&!()"]+')
_OPERATORS = frozenset("|&!()")
_PREFIXES = {"entity": Entity, "quantity": QuantityKind}


class _Parser:
    """Recursive descent over the lexemes of one expression."""

    def __init__(self, text: str, column: int, fail: Callable[[str], NoReturn]) -> None:
        self.items = [(m.group(), m.start() + column) for m in _LEXEME.finditer(text) if not m.group().isspace()]
        self.at, self.fail = 0, fail
        for lexeme, where in self.items:
            if lexeme in ("&&", "||") or (lexeme not in _OPERATORS and not lexeme.startswith('"')
                                          and not any(unicodedata.category(char)[0] in "LN" for char in lexeme)):
                hint = "comments go on a line of their own" if lexeme.startswith("#") else "use | & ! and ( )"
                fail(f"unknown operator {lexeme!r} at column {where} ({hint})")

    def peek(self) -> str | None:
        return self.items[self.at][0] if self.at < len(self.items) else None

    def take(self) -> tuple[str, int]:
        self.at += 1
        return self.items[self.at - 1]

    def parse(self) -> Expression:
        expression = self.parse_or()
        if self.peek() is not None:
            text, column = self.items[self.at]
            if text == ")":
                self.fail(f"unbalanced parenthesis: ')' at column {column} has no matching '('")
            self.fail(f"missing operator before {text!r} at column {column} "
                      "(join with | or &, or quote a phrase)")
        return expression

    def parse_or(self) -> Expression:
        operands = [self.parse_and()]
        while self.peek() == "|":
            self.take()
            operands.append(self.parse_and())
        return operands[0] if len(operands) == 1 else AnyOf(tuple(operands))

    def parse_and(self) -> Expression:
        operands = [self.parse_not()]
        while self.peek() == "&":
            self.take()
            operands.append(self.parse_not())
        return operands[0] if len(operands) == 1 else All(tuple(operands))

    def parse_not(self) -> Expression:
        if self.peek() == "!":
            self.take()
            return Not(self.parse_not())
        return self.parse_primary()

    def parse_primary(self) -> Expression:
        if self.peek() in (None, ")") and self.at:
            text, column = self.items[self.at - 1]
            if text == "(":
                self.fail(f"unbalanced parenthesis: '(' at column {column} is never closed")
            self.fail(f"{text!r} at column {column} has nothing after it")
        text, column = self.take()
        if text == "(":
            if self.peek() == ")":
                self.fail(f"empty parentheses at column {column}")
            inner = self.parse_or()
            if self.peek() != ")":
                self.fail(f"unbalanced parenthesis: '(' at column {column} is never closed")
            self.take()
            return inner
        if text == ")":
            self.fail(f"unbalanced parenthesis: ')' at column {column} has no matching '('")
        if text in ("|", "&"):
            self.fail(f"{text!r} at column {column} has nothing before it")
        return self.parse_atom(text, column)

    def parse_atom(self, text: str, column: int) -> Expression:
        if text.startswith('"'):
            if len(text) < 2 or not text.endswith('"'):
                self.fail(f"unterminated quote at column {column}")
            parts = tuple(text[1:-1].split())
            if not parts:
                self.fail(f'empty phrase "" at column {column}')
            return Word(parts[0]) if len(parts) == 1 else Phrase(parts)
        prefix, colon, value = text.partition(":")
        if colon and prefix.isascii() and prefix.isalpha():
            if prefix not in _PREFIXES:
                self.fail(f"unknown atom prefix '{prefix}:' at column {column} "
                          "(use entity: or quantity:, or quote the word)")
            if not value:
                self.fail(f"'{prefix}:' at column {column} needs a value, e.g. {prefix}:xai")
            return _PREFIXES[prefix](value)
        return Word(text)


def _parse_line(raw: str, number: int, path: str | Path | None, seen: dict[str, Code]) -> Code | None:
    """The code on one line, or None for a blank or comment line."""
    line = raw.strip()
    if not line or line.startswith("#"):
        return None

    def fail(problem: str) -> NoReturn:
        raise CorpusError(path, problem, line=number)

    if not line.startswith("*"):
        fail("expected a code line '*name: expression'")
    name, colon, expression = line[1:].partition(":")
    name = name.strip()
    if not colon:
        fail(f"code line '*{name}' needs a colon after the name: '*name: expression'")
    if not name:
        fail("code name missing between * and :")
    if name in seen:
        fail(f"duplicate code name {name!r} (first defined on line {seen[name].line})")
    if not expression.strip():
        fail(f"empty expression for code {name!r}")
    start = raw.index(":") + 1
    parsed = _Parser(raw[start:], start + 1, lambda problem: fail(f"code {name!r}: {problem}")).parse()
    return Code(name, parsed, number, expression.strip())


def parse_codes(text: str, *, path: str | Path | None = None) -> tuple[Code, ...]:
    """Parse the text of a codes file (format in the module docstring)."""
    codes: dict[str, Code] = {}
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        code = _parse_line(raw, number, path, codes)
        if code is not None:
            codes[code.name] = code
    return tuple(codes.values())


def load_codes(path: str | Path) -> tuple[Code, ...]:
    """Read and parse a UTF-8 codes file."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CorpusError(source, "codes file not found") from None
    except UnicodeDecodeError as error:
        raise CorpusError(source, f"not UTF-8 text (byte {error.start}); save the codes file as UTF-8") from None
    return parse_codes(text, path=source)


#: ``unit=`` of :func:`apply_codes` -> the key columns of one unit.
UNITS = {"doc_id": ["doc_id"], "document": ["doc_id"], "paragraph": list(PARAGRAPH)}


@dataclass
class _Context:
    """What atoms are evaluated against; atoms are computed once per call."""
    units: pd.Index
    keys: list[str]
    tokens: pd.DataFrame
    mentions: pd.DataFrame | None
    quantities: pd.DataFrame | None
    done: dict[Expression, np.ndarray] = field(default_factory=dict)

    def flags(self, rows: pd.DataFrame) -> np.ndarray:
        """True for the units that hold one of ``rows`` (a frame with the key columns)."""
        keys = rows[self.keys].astype({"doc_id": str})
        found = pd.MultiIndex.from_frame(keys) if len(self.keys) > 1 else pd.Index(keys["doc_id"])
        flags = np.zeros(len(self.units), dtype=bool)
        where = self.units.get_indexer(found)
        flags[where[where >= 0]] = True
        return flags

    @cached_property
    def labels(self) -> tuple[pd.Series, pd.Series]:
        """Lemma and surface of every token."""
        return term_labels(self.tokens, "lemma"), term_labels(self.tokens, "surface")

    @cached_property
    def streams(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Word streams on lemmas and on surfaces, for phrases."""
        return word_stream(self.tokens, "lemma"), word_stream(self.tokens, "surface")


def _table(context: _Context, name: str, code: Code, atom: str) -> pd.DataFrame:
    """The mentions or quantities table an atom needs, or a clear error."""
    table = getattr(context, name)
    if table is None:
        column = "entity_id" if name == "mentions" else "kind"
        raise ArgumentError(f"code {code.name!r} (line {code.line}) uses {atom} but no {name} table was given; "
                            f"pass {name}= (a DataFrame with doc_id, para_id and {column})")
    return table


def _atom(atom: Expression, context: _Context, code: Code) -> np.ndarray:
    """One boolean per unit for a word, phrase, entity or quantity atom."""
    match atom:
        case Word(text):
            lemma, surface = context.labels
            return context.flags(context.tokens[((lemma == text) | (surface == text)).to_numpy()])
        case Phrase(parts):
            return context.flags(pd.concat([stream.loc[find_phrase(stream, parts)[:, 0]]
                                            for stream in context.streams]))
        case Entity(entity_id):
            mentions = _table(context, "mentions", code, f"entity:{entity_id}")
            return context.flags(mentions[mentions["entity_id"].astype(str) == entity_id])
        case QuantityKind(kind):
            quantities = _table(context, "quantities", code, f"quantity:{kind}")
            return context.flags(quantities[quantities["kind"].astype(str) == kind])
    raise ArgumentError(f"not a coding expression: {atom!r}")


def _evaluate(expression: Expression, context: _Context, code: Code) -> np.ndarray:
    """One boolean per unit: does the unit satisfy ``expression``?"""
    match expression:
        case Not(operand):
            return ~_evaluate(operand, context, code)
        case All(operands):
            return np.logical_and.reduce([_evaluate(item, context, code) for item in operands])
        case AnyOf(operands):
            return np.logical_or.reduce([_evaluate(item, context, code) for item in operands])
    if expression not in context.done:
        context.done[expression] = _atom(expression, context, code)
    return context.done[expression]


def apply_codes(
    codes: tuple[Code, ...] | list[Code] | str | Path,
    tokens: pd.DataFrame,
    *,
    mentions: pd.DataFrame | None = None,
    quantities: pd.DataFrame | None = None,
    unit: str = "doc_id",
) -> pd.DataFrame:
    """Units (``unit="doc_id"`` or ``"paragraph"``) × codes table of 0/1;
    ``codes`` are parsed codes or the path of a codes file.  Every unit that
    has tokens gets a row, coded or not, so shares have the right base."""
    if unit not in UNITS:
        raise ArgumentError(f"unit={unit!r}: choose 'doc_id' or 'paragraph'")
    keys = UNITS[unit]
    parsed = load_codes(codes) if isinstance(codes, str | Path) else tuple(codes)
    check_columns(tokens, [*keys, "lemma", "surface"])
    for name, table, column in (("mentions", mentions, "entity_id"), ("quantities", quantities, "kind")):
        if table is not None:
            check_columns(table, [*keys, column], name)
    units = tokens[keys].astype({"doc_id": str}).drop_duplicates()
    index = pd.MultiIndex.from_frame(units) if len(keys) > 1 else pd.Index(units["doc_id"], name="doc_id")
    context = _Context(index, keys, tokens, mentions, quantities)
    coded = pd.DataFrame({code.name: _evaluate(code.expression, context, code).astype("int64") for code in parsed},
                         index=index)
    coded.attrs["unit"] = unit
    return coded


@dataclass(frozen=True, eq=False)
class CodeCrossTab:
    """Coded units per group (rows) and code (columns), with tests."""

    counts: pd.DataFrame
    units: pd.Series
    shares: pd.DataFrame
    residuals: pd.DataFrame
    tests: pd.DataFrame


def cross_tabulate_codes(coded: pd.DataFrame, documents: pd.DataFrame, by: str) -> CodeCrossTab:
    """Cross-tabulate :func:`apply_codes` output by the catalog column ``by``
    (tests and residuals as in the module docstring; NaN where a code is in
    no unit or in all, since then there is nothing to compare)."""
    check_columns(documents, ["doc_id", by], "documents")
    groups = documents.assign(doc_id=documents["doc_id"].astype(str)).set_index("doc_id")[by]
    doc_ids = pd.Index(coded.index.get_level_values("doc_id").astype(str))
    missing = doc_ids.difference(groups.index)
    if len(missing):
        raise ArgumentError(f"document(s) {', '.join(missing[:10])} are coded but not in the document table")
    group = groups.reindex(doc_ids).astype(object).fillna("(no value)").to_numpy()
    counts = coded.groupby(group).sum().rename_axis(by)
    units = coded.groupby(group).size().rename_axis(by).rename("units")
    total, coded_total = units.sum(), counts.sum()
    expected = np.outer(units, coded_total) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        spread = np.sqrt(expected * np.outer(1 - units / total, 1 - coded_total / total))
        residuals = pd.DataFrame((counts.to_numpy() - expected) / spread, index=counts.index, columns=counts.columns)
    rows = []
    for name in counts.columns:
        table = np.vstack([counts[name].to_numpy(), (units - counts[name]).to_numpy()])
        if table.sum(axis=1).min() == 0 or len(units) < 2:
            rows.append({"code": name, "chi2": np.nan, "dof": np.nan, "p_value": np.nan, "min_expected": 0.0})
            continue
        chi2, p_value, dof, cells = chi2_contingency(table, correction=False)
        rows.append({"code": name, "chi2": chi2, "dof": dof, "p_value": p_value, "min_expected": cells.min()})
    return CodeCrossTab(counts, units, counts.div(units, axis=0), residuals.where(np.isfinite(residuals)),
                        pd.DataFrame(rows).set_index("code"))
