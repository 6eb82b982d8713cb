"""Unicode normalisation: table of the cases KH Coder users ask about, and
property tests for the offset mapping."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit.errors import ArgumentError
from newskit.io.normalize import normalize_counted, normalize_text, normalize_with_offsets

LANGS = ("ja", "de", "id", "en")


@pytest.mark.parametrize(
    "raw, lang, expected",
    [
        ("\u30bf\u3099", "ja", "ダ"),                 # macOS NFD: タ + combining voiced mark
        ("Gro\u0308\u00dfe", "de", "Größe"),          # NFD umlaut
        ("ｸﾞﾛｯｸ", "ja", "グロック"),                   # half-width katakana, voiced mark composed
        ("ﾊﾟｿｺﾝ｢ﾃｽﾄ｣｡", "ja", "パソコン「テスト」。"),  # semi-voiced mark and half-width punctuation
        ("ｸﾞﾛｯｸ", "en", "グロック"),                   # the same in any language
        ("ＧＰＵ２０２４", "ja", "GPU2024"),            # full-width letters and digits
        ("ＧＰＵ！（仮）", "ja", "GPU！（仮）"),          # ja keeps full-width punctuation
        ("全角\u3000スペース", "ja", "全角\u3000スペース"),  # ja keeps the ideographic space
        ("ＧＰＵ！（x）", "de", "GPU!(x)"),             # Latin languages: all full-width ASCII
        ("a\u3000b", "en", "a b"),                     # ... and U+3000
        ("Ener\u00adgie", "de", "Energie"),            # soft hyphen
        ("xA\u200bI", "en", "xAI"),                    # zero-width space
        ("\ufeffHeadline", "en", "Headline"),          # BOM inside the text
        ("a\u200eb\u202bc\u202cd\u2066e\u2069", "en", "abcde"),  # bidi marks and isolates
        ("ab\u2060cd\u200cef", "id", "abcdef"),        # word joiner, zero-width non-joiner
        ("x\u200dy", "en", "xy"),                      # a joiner between letters goes
        ("👩\u200d💻", "en", "👩\u200d💻"),              # ... between emoji it stays (one pictograph)
        ("👍🏽\u200d👍", "en", "👍🏽\u200d👍"),           # ... also after a skin-tone modifier
        ("①㈱™½㎡", "ja", "①㈱™½㎡"),                  # NOT NFKC: ①, ㈱, ™, ½, ㎡ stay as they are
        ("神", "ja", "神"),                            # CJK compatibility ideograph U+FA19 -> U+795E
        ("plain ASCII", "en", "plain ASCII"),
        ("", "ja", ""),
    ],
)
def test_cases(raw: str, lang: str, expected: str) -> None:
    assert normalize_text(raw, lang) == expected
    assert normalize_with_offsets(raw, lang).text == expected


def test_offsets_of_a_composed_character() -> None:
    # "aタ\u3099b": ダ (out 1) comes from raw 1..3
    mapped = normalize_with_offsets("aタ\u3099b", "ja")
    assert mapped.text == "aダb"
    assert mapped.raw_span(1, 2) == (1, 3)
    assert mapped.raw_span(0, 3) == (0, 4)
    assert mapped.raw_span(3, 3) == (4, 4)


def test_offsets_skip_removed_characters() -> None:
    # "x\u200bAI": out "xAI"; "AI" (out 1..3) is raw 2..4, the span of "xAI" includes the ZWSP
    mapped = normalize_with_offsets("x\u200bAI", "en")
    assert mapped.raw_span(1, 3) == (2, 4)
    assert mapped.raw_span(0, 3) == (0, 4)


def test_unknown_language() -> None:
    with pytest.raises(ArgumentError, match="unsupported language code 'fr'"):
        normalize_text("x", "fr")


def test_out_of_range_span() -> None:
    with pytest.raises(ArgumentError):
        normalize_with_offsets("abc", "en").raw_span(2, 5)


#: Characters the steps act on, mixed into random text so hypothesis meets them often.
SPECIALS = list(
    "\u3099\u309a\u0301\u0308\u0327\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u202e"
    "ｸﾞﾟｱﾊ｡｢ＧＰ０！　👩💻🏽\ufe0fタカはe\u1100\u1161\u11a8가"
)
TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(SPECIALS), st.characters(exclude_categories=("Cs",))),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(LANGS))
def test_idempotent(text: str, lang: str) -> None:
    once = normalize_text(text, lang)
    assert normalize_text(once, lang) == once


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(LANGS))
def test_offsets_agree_with_plain_normalisation(text: str, lang: str) -> None:
    # the unit-by-unit path gives exactly the whole-string result
    assert normalize_with_offsets(text, lang).text == normalize_text(text, lang)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(LANGS))
def test_mapping_is_monotone_and_invents_nothing(text: str, lang: str) -> None:
    mapped = normalize_with_offsets(text, lang)
    starts, ends = mapped.starts.tolist(), mapped.ends.tolist()
    assert starts == sorted(starts) and ends == sorted(ends)
    assert all(0 <= s < e <= len(text) for s, e in zip(starts, ends))
    for i, char in enumerate(mapped.text):
        # every output character is the normalisation of the raw piece it maps to
        assert char in normalize_text(text[starts[i]:ends[i]], lang)
    assert unicodedata.is_normalized("NFC", mapped.text)


@pytest.mark.parametrize(
    "raw, lang, expected, changed",
    [
        ("\u30bf\u3099", "ja", "ダ", 2),             # one composed pair: both code points
        ("ｸﾞﾛｯｸ", "ja", "グロック", 5),              # ｸ ﾞ widened and composed (counted once each), ﾛ ｯ ｸ widened
        ("ＧＰＵ！", "ja", "GPU！", 3),               # ja folds the letters only
        ("ＧＰＵ！", "de", "GPU!", 4),                # de folds the punctuation too
        ("xA\u200bI\u00ad", "en", "xAI", 2),          # two invisible characters removed
        ("x\u0301", "en", "x\u0301", 0),              # no precomposed form: NFC leaves it
        ("plain ASCII", "en", "plain ASCII", 0),
    ],
)
def test_normalize_counted(raw: str, lang: str, expected: str, changed: int) -> None:
    assert normalize_counted(raw, lang) == (expected, changed)


def changed_by_offsets(text: str, lang: str) -> int:
    """Raw characters not carried over unchanged, from the offset mapping:
    a raw span is unchanged when the output characters mapped to it spell it."""
    mapped = normalize_with_offsets(text, lang)
    spans: dict[tuple[int, int], str] = {}
    for char, start, end in zip(mapped.text, mapped.starts.tolist(), mapped.ends.tolist()):
        spans[start, end] = spans.get((start, end), "") + char
    return len(text) - sum(end - start for (start, end), out in spans.items() if text[start:end] == out)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(TEXT, st.sampled_from(LANGS))
def test_counted_agrees_with_normalisation(text: str, lang: str) -> None:
    out, changed = normalize_counted(text, lang)
    assert out == normalize_text(text, lang)
    assert (changed == 0) == (out == text) and 0 <= changed <= len(text)
    assert normalize_counted(out, lang)[1] == 0  # a loaded corpus normalised again changes nothing
    if not any(unicodedata.category(c) == "Cf" for c in text):
        # without removals the count is exactly what the offset mapping says
        assert changed == changed_by_offsets(text, lang)
