"""Proper-noun candidates the gazetteer still misses: a to-do list for
growing ``data/entities.csv``.

Known mentions are masked first (so a known name can neither be reported
nor glue two uncovered words into one run); then Latin-script runs of
capitalised words that are not ordinary vocabulary, and in Japanese runs of
UniDic 固有名詞 tokens, are counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd
import simplemma

from newskit.entities.gazetteer import load_default_gazetteer
from newskit.entities.matcher import LATIN, compile_matcher
from newskit.entities.mentions import (
    find_mentions_in_text,
    look_up_language,
    map_document_languages,
)
from newskit.io.corpus import select_paragraphs
from newskit.io.paragraphs import TEXT_KINDS
from newskit.text.mecab import tokenize_japanese_raw
from newskit.text.stopwords import stopwords_for

__all__ = [
    "CANDIDATE_COLUMNS", "candidate_entities", "is_ordinary_word",
]

CANDIDATE_COLUMNS = ["term", "lang", "count", "n_docs", "example"]
LATIN_CHAR_RE = re.compile(f"[{LATIN}]")
LATIN_WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ](?:[A-Za-z0-9À-ÖØ-öø-ɏ'’.\-]*[A-Za-z0-9À-ÖØ-öø-ɏ])?")
SENTENCE_END = frozenset(".!?:;。！？…")
OPENERS = " \t\"'„“”‚‘’«»([{「『【▲•*–—"
MASK_CHAR = "〓"

def _mask_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Blank out covered spans with a symbol (same length, so offsets stay
    valid) so that a known name can neither be reported nor glue two
    uncovered words into one run."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = MASK_CHAR * (end - start)
    return "".join(chars)


def _is_sentence_start(text: str, start: int) -> bool:
    """True when only quotes/brackets separate ``start`` from the beginning of
    the text or from a sentence end: capitalisation proves nothing there."""
    before = text[:start].rstrip(OPENERS)
    return not before or before[-1] in SENTENCE_END


def _is_known_part(part: str) -> bool:
    """A piece of a German compound: a German word, an acronym, or an
    English loan (Brain-Computer-Interface-Startup, Audiofunktionen)."""
    return part.isupper() or simplemma.is_known(part, "de") or simplemma.is_known(part.lower(), "en")


def _is_compound_of_known(word: str) -> bool:
    """True for a German compound made of known words (Elektroauto-
    unternehmen, Tunnelhersteller) that the dictionary itself lacks; a
    linking s (Geschäftsimperium) is allowed."""
    for cut in range(3, len(word) - 3):  # head ≥ 3, tail ≥ 4 letters (not Tal+bek)
        head, tail = word[:cut], word[cut:].capitalize()
        heads = (head, head[:-1]) if head.endswith("s") else (head,)
        if simplemma.is_known(tail, "de") and any(_is_known_part(h) or _is_known_part(h.capitalize()) for h in heads):
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
        if simplemma.is_known(word, "de") or _is_compound_of_known(word):
            return True
        return len(parts) > 1 and all(_is_known_part(p) or _is_compound_of_known(p) for p in parts)
    if lang == "id":
        return all(simplemma.is_known(p.lower(), "id") for p in parts)
    return False


def _extract_latin_runs(text: str, lang: str) -> list[tuple[str, int, int]]:
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
        runs = [r for r in runs if len(r) > 1 or not _is_sentence_start(text, r[0].start())]
    return [(text[r[0].start():r[-1].end()], r[0].start(), r[-1].end()) for r in runs]


def _extract_japanese_names(text: str) -> list[tuple[str, int, int]]:
    """Runs of UniDic 固有名詞 tokens (joined across ・) in Japanese text;
    Latin-script names inside it come from :func:`_extract_latin_runs`."""
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


def _extract_candidates(text: str, lang: str) -> list[tuple[str, int, int]]:
    """Proper-noun candidates of one (masked) text as (term, start, end)."""
    found = _extract_latin_runs(text, lang)
    if lang == "ja":
        found += _extract_japanese_names(text)
    return found


def candidate_entities(corpus: Any, *, kinds: Iterable[str] | None = TEXT_KINDS,
                       gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Proper-noun candidates the gazetteer misses, most frequent first:
    ``term, lang, count, n_docs, example`` (``doc_id#para_id: …context…``).

    Same scope as :func:`newskit.find_mentions` (default: the article's own
    text, no menus or bylines); aliases and ``ignore_candidate`` terms are
    dropped."""
    gazetteer = load_default_gazetteer() if gazetteer is None else gazetteer
    matcher = compile_matcher(gazetteer)
    langs = map_document_languages(corpus)
    found: dict[tuple[str, str], list[Any]] = {}
    for doc_id, para_id, text in select_paragraphs(corpus, kinds)[["doc_id", "para_id", "text"]].itertuples(index=False):
        lang = look_up_language(langs, doc_id)
        spans = [(m.start, m.end) for m in find_mentions_in_text(text, lang, matcher)]
        known = matcher.aliases.get(lang, {})
        for term, start, end in _extract_candidates(_mask_spans(text, spans), lang):
            if term in known or any(p.fullmatch(term) for p in matcher.ignore):
                continue
            entry = found.setdefault((term, lang), [0, set(), ""])
            entry[0] += 1
            entry[1].add(doc_id)
            entry[2] = entry[2] or f"{doc_id}#{para_id}: …{text[max(0, start - 20):end + 20]}…"
    rows = [(t, lang, n, len(docs), ex) for (t, lang), (n, docs, ex) in found.items()]
    table = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
    return table.sort_values(["count", "n_docs", "term"], ascending=[False, False, True], ignore_index=True)
