"""Values of numbers as written: digits with a decimal mark, Japanese
numerals with 万/億/兆, and spelled-out number words.

German and English number words go through text2num; Indonesian through a
small table in ``numbers_id.toml`` (no maintained parser exists); kanji
numerals through kanjize, while digits with 万/億/兆 are computed here with
exact decimals (kanjize reads "4.35億" as 434999999).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from kanjize import kanji2number
from text_to_num import text2num

from newskit.quantities.folding import WORD
from newskit.quantities.vocab import JA_SCALES, JA_SEGMENT, Vocab

__all__ = ["digits_value", "find_word_numbers", "ja_value"]

@lru_cache(maxsize=8192)
def _text2num_value(words: str, lang: str) -> int | None:
    """text2num's reading of ``words``, or None when they are no number."""
    try:
        return int(text2num(words, lang))
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None


def _table_value(words: list[str], tables: Mapping[str, dict]) -> int | None:
    """Read Indonesian number words ("dua puluh lima" -> 25) from the tables of
    ``numbers_id.toml``; None for a sequence that is not one number."""
    expanded = " ".join(tables["one_forms"].get(w, w) for w in words).split()
    total = group = 0
    pending: int | None = None
    for word in expanded:
        if word in tables["units"]:
            if pending is not None:
                return None
            pending = tables["units"][word]
        elif word in tables["groups"]:
            amount = group + (pending or 0)
            if not amount:
                return None
            total, group, pending = total + amount * tables["groups"][word], 0, None
        elif not pending:
            return None
        elif word in tables["teens"]:
            group, pending = group + pending + tables["teens"][word], None
        elif word in tables["multipliers"]:
            group, pending = group + pending * tables["multipliers"][word], None
        else:
            return None
    return total + group + (pending or 0)


def _words_value(words: list[str], vocab: Vocab) -> int | None:
    """The number a run of number words spells, by the language's reader."""
    if vocab.number_words == "table":
        return _table_value([w.casefold() for w in words], vocab.words)
    return _text2num_value(" ".join(words), vocab.lang)


def _is_number_word(word: str, vocab: Vocab) -> bool:
    """Whether one word can be part of a spelled-out number (scale words such as
    "Milliarden" are read later, as multipliers of the number before them)."""
    folded = word.casefold()
    if vocab.number_words == "table":
        return any(folded in table for table in vocab.words.values())
    if folded in vocab.sets["deny_words"] or folded in vocab.scales:
        return False
    return _text2num_value(word, vocab.lang) is not None


def _is_article_one(tokens: list[re.Match], k: int, vocab: Vocab) -> bool:
    """"einem Jahr", "eine Milliarde", "a year": the article reads as 1 before a
    duration or a scale word."""
    if tokens[k].group().casefold() not in vocab.sets["article_one"] or k + 1 >= len(tokens):
        return False
    following = tokens[k + 1].group().casefold()
    suffix = vocab.suffixes.get(following)
    is_duration = suffix is not None and (suffix.unit or "").endswith("-duration")
    return is_duration or following in vocab.scales


def find_word_numbers(folded: str, vocab: Vocab) -> list[tuple[int, int, Decimal]]:
    """Spans and values of spelled-out numbers ("drei", "dua puluh", "einem")."""
    if vocab.number_words == "kanji":
        return []
    tokens = list(WORD.finditer(folded))
    found: list[tuple[int, int, Decimal]] = []
    run: list[re.Match] = []
    for k, token in enumerate(tokens):
        word = token.group()
        if run and folded[run[-1].end():token.start()] in (" ", "\t") and (
                _is_number_word(word, vocab) or word.casefold() in vocab.sets["run_joiners"]):
            run.append(token)
            continue
        found.extend(_read_run(run, vocab))
        run = []
        if _is_article_one(tokens, k, vocab):
            found.append((token.start(), token.end(), Decimal(1)))
        elif _is_number_word(word, vocab):
            run = [token]
    return found + _read_run(run, vocab)


def _read_run(run: list[re.Match], vocab: Vocab) -> list[tuple[int, int, Decimal]]:
    """A run of number words as one number, or word by word if it is not one."""
    while run and run[-1].group().casefold() in vocab.sets["run_joiners"]:
        run = run[:-1]
    if not run:
        return []
    value = _words_value([t.group() for t in run], vocab)
    if value is not None:
        return [(run[0].start(), run[-1].end(), Decimal(value))]
    if len(run) == 1:
        return []
    return [span for token in run for span in _read_run([token], vocab)]


def digits_value(raw: str, decimal_mark: str) -> Decimal | None:
    """"43,5" (de, id) or "43.5" (en) to 43.5; "10.000" to 10000.  A German or
    Indonesian "1.5" (an English point left in by the translation) stays 1.5."""
    text = raw.replace(" ", "")  # "3 000": a space groups thousands
    if decimal_mark == ",":
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+", text):
            text = text.replace(".", "")
    else:
        text = text.replace(",", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def ja_value(raw: str) -> Decimal | None:
    """"2億5000万" -> 250000000, "十万" -> 100000, "1,570億" -> 157000000000.

    Digits and scale characters are multiplied here with exact decimals; kanji
    numerals between them (三, 二十一, 千二百) are read by kanjize."""
    text = re.sub(r"[\s,]", "", raw)
    total, covered = Decimal(0), 0
    for match in JA_SEGMENT.finditer(text):
        if match.start() != covered or not match.group():
            return None
        covered = match.end()
        try:
            part = (Decimal(match["d"]) * JA_SCALES[match["small"]] if match["d"]
                    else Decimal(kanji2number(match["k"])))
        except (ValueError, KeyError, IndexError, InvalidOperation):
            return None
        total += part * JA_SCALES[match["big"]]
    return total if covered == len(text) else None

