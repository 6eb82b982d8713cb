"""Coding rules: the parser (good and bad lines), applying codes, cross-tabulation."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import newskit
from newskit import ArgumentError, CorpusError
from newskit.analysis.coding import (
    All,
    AnyOf,
    Entity,
    Not,
    Phrase,
    QuantityKind,
    Word,
    apply_codes,
    cross_tabulate_codes,
    load_codes,
    parse_codes,
)

from tests.builders import FUNCTION_WORDS, make_tokens

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "coding" / "xai_codes.txt"


@pytest.mark.parametrize(("line", "expression"), [
    # one word
    ("*a: 資金", Word("資金")),
    # | binds loosest, & tighter, ! tightest
    ("*a: x | y & !z", AnyOf((Word("x"), All((Word("y"), Not(Word("z"))))))),
    # parentheses override
    ("*a: (x | y) & z", All((AnyOf((Word("x"), Word("y"))), Word("z")))),
    # a quoted phrase; a quoted single word is a word (symbols allowed)
    ('*a: "Mistral AI" | "%"', AnyOf((Phrase(("Mistral", "AI")), Word("%")))),
    # entity and quantity atoms; ids may hold - and .
    ("*a: entity:grok-1.5v & quantity:currency", All((Entity("grok-1.5v"), QuantityKind("currency")))),
    # no spaces needed around operators; a name may hold spaces and CJK
    ("*open source 開放:x|y", AnyOf((Word("x"), Word("y")))),
    # double negation and nesting
    ("*a: !!(x)", Not(Not(Word("x")))),
    # words with inner symbols or a hashtag are words
    ("*a: C++ | #AI | Grok-1.5V", AnyOf((Word("C++"), Word("#AI"), Word("Grok-1.5V")))),
    # leading spaces before * are fine
    ("   *a: x", Word("x")),
])
def test_good_lines(line, expression) -> None:
    (code,) = parse_codes(line)
    assert code.expression == expression and code.line == 1


# (line, exact message).  Each sits on line 3 of a file: a comment and a blank line come first.
BAD = [
    ("*a: (x | y", "code 'a': unbalanced parenthesis: '(' at column 5 is never closed"),
    ("*a: x | y)", "code 'a': unbalanced parenthesis: ')' at column 10 has no matching '('"),
    ("*a: (x))", "code 'a': unbalanced parenthesis: ')' at column 8 has no matching '('"),
    ("*a: x & (", "code 'a': unbalanced parenthesis: '(' at column 9 is never closed"),
    ("*a: x + y", "code 'a': unknown operator '+' at column 7 (use | & ! and ( ))"),
    ("*a: x && y", "code 'a': unknown operator '&&' at column 7 (use | & ! and ( ))"),
    ("*a: x || y", "code 'a': unknown operator '||' at column 7 (use | & ! and ( ))"),
    ("*a: x # money", "code 'a': unknown operator '#' at column 7 (comments go on a line of their own)"),
    ("*a:", "empty expression for code 'a'"),
    ("*a:    ", "empty expression for code 'a'"),
    ("*a: ()", "code 'a': empty parentheses at column 5"),
    ("*a: x |", "code 'a': '|' at column 7 has nothing after it"),
    ("*a: !", "code 'a': '!' at column 5 has nothing after it"),
    ("*a: x & (y | !)", "code 'a': '!' at column 14 has nothing after it"),
    ("*a: | x", "code 'a': '|' at column 5 has nothing before it"),
    ("*a: x y", "code 'a': missing operator before 'y' at column 7 (join with | or &, or quote a phrase)"),
    ('*a: "x y', "code 'a': unterminated quote at column 5"),
    ('*a: ""', "code 'a': empty phrase \"\" at column 5"),
    ("*a: entitiy:xai",
     "code 'a': unknown atom prefix 'entitiy:' at column 5 (use entity: or quantity:, or quote the word)"),
    ("*a: entity:", "code 'a': 'entity:' at column 5 needs a value, e.g. entity:xai"),
    ("*: x", "code name missing between * and :"),
    ("*a x", "code line '*a x' needs a colon after the name: '*name: expression'"),
    ("x | y", "expected a code line '*name: expression'"),
]


@pytest.mark.parametrize(("line", "problem"), BAD)
def test_bad_lines_name_file_line_and_problem(line, problem) -> None:
    with pytest.raises(CorpusError) as caught:
        parse_codes(f"# codes\n\n{line}\n*ok: x", path="codes.txt")
    assert str(caught.value) == f"codes.txt, line 3: {problem}"
    assert caught.value.line == 3 and caught.value.problem == problem


def test_duplicate_code_name() -> None:
    with pytest.raises(CorpusError) as caught:
        parse_codes("*a: x\n# again\n*a : y", path="codes.txt")
    assert str(caught.value) == "codes.txt, line 3: duplicate code name 'a' (first defined on line 1)"


def test_load_example_file() -> None:
    codes = load_codes(EXAMPLE)
    assert [code.name for code in codes] == ["funding", "talent", "compute", "open source", "shareholders",
                                             "lawsuit", "tesla only"]
    assert codes[0].line == 7


def test_load_errors(tmp_path) -> None:
    with pytest.raises(CorpusError, match="codes file not found"):
        load_codes(tmp_path / "missing.txt")
    (tmp_path / "latin1.txt").write_bytes("*a: Käse".encode("latin-1"))
    with pytest.raises(CorpusError, match="not UTF-8"):
        load_codes(tmp_path / "latin1.txt")
    # a BOM (Windows editors) is fine
    (tmp_path / "bom.txt").write_bytes("\ufeff*a: x".encode())
    assert load_codes(tmp_path / "bom.txt")[0].name == "a"


ROWS = [
    ("d1", 0, "Mistral AI raised funds"), ("d1", 1, "Tesla shares"),
    ("d2", 0, "Finanzierungen=Finanzierung für xAI"),
    ("d3", 0, "Mistral and AI"),                  # not the phrase: "and" is between
]
MENTIONS = pd.DataFrame({"doc_id": ["d1", "d2"], "para_id": [0, 0], "entity_id": ["mistral-ai", "xai"]})
QUANTITIES = pd.DataFrame({"doc_id": ["d2"], "para_id": [0], "kind": ["currency"]})


@pytest.mark.parametrize(("rule", "unit", "expected"), [
    # phrase on consecutive words only
    ('"Mistral AI"', "doc_id", {"d1": 1, "d2": 0, "d3": 0}),
    # a word matches a lemma or a surface form
    ("Finanzierung", "doc_id", {"d1": 0, "d2": 1, "d3": 0}),
    ("Finanzierungen", "doc_id", {"d1": 0, "d2": 1, "d3": 0}),
    # entity and quantity atoms, combined
    ("entity:xai & quantity:currency", "doc_id", {"d1": 0, "d2": 1, "d3": 0}),
    # not: every unit without the word, including those with no hit at all
    ("!Tesla", "doc_id", {"d1": 0, "d2": 1, "d3": 1}),
    # paragraphs as units: Tesla only in d1's second paragraph
    ("Tesla | entity:mistral-ai", "paragraph", {("d1", 0): 1, ("d1", 1): 1, ("d2", 0): 0, ("d3", 0): 0}),
    # and across paragraphs of one document holds for documents, not for paragraphs
    ("funds & Tesla", "doc_id", {"d1": 1, "d2": 0, "d3": 0}),
    ("funds & Tesla", "paragraph", {("d1", 0): 0, ("d1", 1): 0, ("d2", 0): 0, ("d3", 0): 0}),
])
def test_apply_codes(rule, unit, expected) -> None:
    codes = parse_codes(f"*c: {rule}")
    coded = apply_codes(codes, make_tokens(ROWS, stop=FUNCTION_WORDS), mentions=MENTIONS, quantities=QUANTITIES, unit=unit)
    assert coded["c"].to_dict() == expected
    assert coded.attrs["unit"] == unit


def test_atoms_need_their_tables() -> None:
    codes = parse_codes("# x\n*money: quantity:currency")
    with pytest.raises(ArgumentError, match=r"code 'money' \(line 2\) uses quantity:currency but no quantities"):
        apply_codes(codes, make_tokens(ROWS, stop=FUNCTION_WORDS))
    with pytest.raises(ArgumentError, match="unit='sentence'"):
        apply_codes(codes, make_tokens(ROWS, stop=FUNCTION_WORDS), unit="sentence")


CODED = pd.DataFrame({"c": [1, 1, 0, 1, 0, 0], "always": [1] * 6},
                     index=pd.Index(["a1", "a2", "a3", "b1", "b2", "b3"], name="doc_id"))
DOCUMENTS = pd.DataFrame({"doc_id": ["a1", "a2", "a3", "b1", "b2", "b3"], "lang": ["ja"] * 3 + ["de"] * 3})


def test_cross_tabulation_by_hand() -> None:
    # code c: ja 2 of 3, de 1 of 3; N = 6, coded 3
    # E(ja, coded) = 3 · 3 / 6 = 1.5; table [[2, 1], [1, 2]], every E = 1.5
    # χ² = 4 · (0.5² / 1.5) = 0.666667, dof 1 (no continuity correction)
    # adjusted residual (ja) = (2 - 1.5) / sqrt(1.5 · (1 - 3/6) · (1 - 3/6)) = 0.5 / sqrt(0.375) = 0.816497
    table = cross_tabulate_codes(CODED, DOCUMENTS, "lang")
    assert table.counts.loc["ja", "c"] == 2 and table.units.to_dict() == {"de": 3, "ja": 3}
    assert table.shares.loc["ja", "c"] == pytest.approx(2 / 3)
    assert table.tests.loc["c", "chi2"] == pytest.approx(2 / 3)
    assert table.tests.loc["c", "dof"] == 1 and table.tests.loc["c", "min_expected"] == pytest.approx(1.5)
    assert table.tests.loc["c", "p_value"] == pytest.approx(math.erfc(math.sqrt(1 / 3)))
    assert table.residuals.loc["ja", "c"] == pytest.approx(0.5 / math.sqrt(0.375))
    assert table.residuals.loc["de", "c"] == pytest.approx(-0.5 / math.sqrt(0.375))
    # a code in every unit: nothing to test
    assert np.isnan(table.tests.loc["always", "chi2"]) and table.residuals["always"].isna().all()


def test_cross_tabulation_needs_every_document() -> None:
    with pytest.raises(ArgumentError, match="a3"):
        cross_tabulate_codes(CODED, DOCUMENTS[DOCUMENTS["doc_id"] != "a3"], "lang")


def test_example_codes_on_the_real_corpus(corpus, tokens) -> None:
    mentions = newskit.find_mentions(corpus)
    rows = [(para.doc_id, para.para_id, quantity.kind)
            for para, lang in zip(corpus.paragraphs.itertuples(),
                                  corpus.paragraphs["doc_id"].map(corpus.documents.set_index("doc_id")["lang"]),
                                  strict=True)
            for quantity in newskit.extract_numbers(para.text, lang)]
    quantities = pd.DataFrame(rows, columns=["doc_id", "para_id", "kind"])
    coded = apply_codes(EXAMPLE, tokens, mentions=mentions, quantities=quantities)
    assert coded.loc["zdx-xai-de", "lawsuit"] == 1 and coded.loc["zdx-xai-ja", "shareholders"] == 1
    assert coded["funding"].sum() == 5 and coded["compute"].sum() == 4
    table = cross_tabulate_codes(coded, corpus.documents, "lang")
    assert set(table.counts.index) == {"de", "id", "ja"}
