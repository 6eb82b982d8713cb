"""Paragraph alignment recovers from deleted, merged and split paragraphs."""

from __future__ import annotations

import shutil

import pytest

import newskit
from newskit.crosslingual.align import align_paragraphs, latin_anchors, _match_cost, Unit
from newskit.errors import ArgumentError

from tests.builders import DATA

JA, DE, ID = "000_bdb3b55613212eec.txt", "001_72353325704f0c20.txt", "002_77ce10d3a1d715bd.txt"
OFFSET = 2  # de lacks the two contact lines: de paragraph p is ja paragraph p + 2


def edited_corpus(tmp_path, edit):
    """ja as is, de with ``edit`` applied to its list of lines."""
    raw = tmp_path / "raw"
    raw.mkdir(parents=True)
    shutil.copy(DATA / "raw" / JA, raw / "ja.txt")
    lines = (DATA / "raw" / DE).read_text(encoding="utf-8").split("\n")
    (raw / "de.txt").write_text("\n".join(edit(lines)), encoding="utf-8")
    (tmp_path / "catalog.csv").write_text("doc_id,file,lang\nja,raw/ja.txt,ja\nde,raw/de.txt,de\n")
    return newskit.load_corpus(tmp_path)


def split_line(lines, k):
    """Split line ``k`` after its first sentence."""
    cut = lines[k].index(". ") + 1
    return lines[:k] + [lines[k][:cut], lines[k][cut + 1:]] + lines[k + 1:]


def non_identity(alignment):
    """The matches that are not a 1–1 pair at the expected offset."""
    return [(r.para_a, r.para_b, r.match) for r in alignment.itertuples()
            if not (r.match == "1-1" and r.para_a[0] - r.para_b[0] == OFFSET)]


@pytest.mark.parametrize(
    "edit, expected",
    [
        # unchanged layout: every paragraph 1–1
        (lambda l: l, []),
        # a long body paragraph deleted from de: ja 23 has no counterpart, the rest shift back
        (lambda l: l[:21] + l[22:], [((23,), (), "1-0")]),
        # two de paragraphs merged into one line: 2–1
        (lambda l: l[:20] + [l[20] + " " + l[21]] + l[22:], [((22, 23), (20,), "2-1")]),
        # one de paragraph split after its first sentence: 1–2
        (lambda l: split_line(l, 24), [((26,), (24, 25), "1-2")]),
        # a de heading deleted
        (lambda l: l[:28] + l[29:], [((30,), (), "1-0")]),
    ],
)
def test_alignment_recovers(tmp_path, edit, expected):
    alignment = align_paragraphs(edited_corpus(tmp_path, edit), "ja", "de")
    found = non_identity(alignment)
    # after the edit, de ids past it shift; only the edited spot may differ from ja = de + 2
    shifted = [f for f in found if f[2] == "1-1"]
    assert [f for f in found if f[2] != "1-1"] == expected
    if expected and expected[0][2] == "1-0":
        assert all(a[0] - b[0] == OFFSET + 1 for a, b, _ in shifted)
    elif expected and expected[0][2] == "2-1":
        assert all(a[0] - b[0] == OFFSET + 1 for a, b, _ in shifted)
    elif expected and expected[0][2] == "1-2":
        assert all(a[0] - b[0] == OFFSET - 1 for a, b, _ in shifted)
    else:
        assert shifted == []


def test_seed_translations_align_one_to_one(corpus):
    # ja and id have identical layouts; de is shifted by its two missing contact lines
    for doc_b, offset in (("zdx-xai-id", 0), ("zdx-xai-de", OFFSET)):
        alignment = align_paragraphs(corpus, "zdx-xai-ja", doc_b)
        assert set(alignment["match"]) == {"1-1"}
        assert all(a[0] - b[0] == offset for a, b in zip(alignment["para_a"], alignment["para_b"]))


def test_boilerplate_is_not_aligned(corpus):
    alignment = align_paragraphs(corpus, "zdx-xai-ja", "zdx-xai-id")
    assert min(p for ids in alignment["para_a"] for p in ids) == 7  # ja paragraphs 0–6 are boilerplate


def test_unknown_document(corpus):
    with pytest.raises(ArgumentError, match="unknown doc_id 'nope'"):
        align_paragraphs(corpus, "zdx-xai-ja", "nope")


@pytest.mark.parametrize(
    "text, anchors",
    [
        ("マスク氏はxAIのGrok-1.5Vを", {"name:xai", "name:grok-1.5v"}),  # names inside Japanese
        ("Musk nutzt Teslas GPU", {"name:musk", "name:nutzt", "name:teslas", "name:gpu"}),  # every Latin word
        ("テスラの株主", set()),                                         # no Latin script
    ],
)
def test_latin_anchors(text, anchors):
    assert latin_anchors(text) == anchors


@pytest.mark.parametrize(
    "a, b, cheaper_than",
    [
        # same share and anchors: cheap
        (({"x", "y"}, 0.1, "body"), ({"x", "y"}, 0.1, "body"), 0.1),
        # same anchors, double length: log 2 ≈ 0.69
        (({"x"}, 0.2, "body"), ({"x"}, 0.1, "body"), 0.7),
    ],
)
def test_match_cost(a, b, cheaper_than):
    unit = lambda spec: Unit((0,), spec[1], frozenset(spec[0]), frozenset([spec[2]]))
    assert _match_cost(unit(a), unit(b)) < cheaper_than


def synthetic_units(n: int, seed: int) -> list[Unit]:
    """n paragraphs of random length with one of 50 entity anchors each."""
    import random
    rng = random.Random(seed)
    return [Unit((k,), rng.uniform(0.5, 1.5) / n, frozenset({f"ent:{rng.randrange(50)}"}), frozenset(["body"]))
            for k in range(n)]


@pytest.mark.parametrize("n, m", [
    (2_000, 2_000),   # the full table would be 4 million cells
    (2_000, 1_990),   # ten paragraphs dropped: the band widens by the difference only
])
def test_alignment_cost_grows_with_the_band_not_the_table(monkeypatch, n, m):
    # a regression test on work, not time: the programme evaluates at most
    # (2 × (BAND + |n − m|) + 1) cells per row and len(MOVES) moves per cell
    from newskit.crosslingual import align
    calls = []
    real = align._step
    monkeypatch.setattr(align, "_step", lambda *args: calls.append(1) or real(*args))
    path = align.align_units(synthetic_units(n, 1), synthetic_units(m, 2))
    width = align.BAND + abs(n - m)
    assert len(calls) <= (n + 1) * (2 * width + 1) * len(align.MOVES) + len(path)
    assert len(calls) < n * m / 4
    # the path still covers every paragraph of both sides exactly once
    assert [k for left, _r, _c in path for k in left] == list(range(n))
    assert [k for _l, right, _c in path for k in right] == list(range(m))


def test_band_holds_every_cell_of_small_documents():
    # up to BAND paragraphs the band is the whole table: results are the full programme's
    from newskit.crosslingual.align import BAND, _band_centres
    a, b = synthetic_units(30, 3), synthetic_units(28, 4)
    centres = _band_centres(a, b)
    assert centres[0] == 0 and centres[-1] == 28 and centres == sorted(centres)
    assert all(c - (BAND + 2) <= 0 and c + BAND + 2 >= 28 for c in centres)
