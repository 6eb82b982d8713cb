"""Sentences inside two aligned paragraphs: which sentence of one version
has no counterpart in the other?

Why: the paragraph audit compares names, numbers and quotations, and flags a
paragraph far shorter than its counterpart.  A deleted sentence that names
nothing and counts nothing, a quarter of a paragraph, passed both tests.
Here both paragraphs are cut into sentences and aligned with the paragraph
aligner's own programme (:func:`newskit.crosslingual.align.align_units`:
length shares, Latin-script names and quantities, 1–1, 1–0, 0–1, 1–2, 2–1), so a
translation that splits or merges sentences is not a loss.  A sentence is
reported missing only when the programme leaves it alone *and* the
paragraph lengths say so: its side is longer than the other by at least
:data:`LENGTH_EVIDENCE` of the sentence (a merge or a paraphrase leaves the
lengths alone), and it is not a fragment (:data:`MIN_SHARE`, :data:`MIN_CHARS`).
"""

from __future__ import annotations

import re

from newskit.crosslingual.align import MOVES, Unit, align_units, latin_anchors
from newskit.quantities.extract import extract_numbers

__all__ = ["LENGTH_EVIDENCE", "MIN_CHARS", "MIN_SHARE", "missing_sentences", "split_sentences"]

#: A sentence ends after 。！？ (and closing brackets), or after . ! ? (and
#: closing quotes) when the next one starts with a capital, a digit or an
#: opening quote: "ca. 5" and "U.S. government" do not end sentences.
SENTENCE_END_RE = re.compile(r"[。！？][」』）)]*|[.!?][\"”’»)]*(?=\s+[\"„“«(]?[A-ZÄÖÜÀ-Þ0-9])")
#: Machine translation splits one long sentence into up to three.
SENTENCE_MOVES = (*MOVES, (1, 3), (3, 1))
#: A missing sentence must hold at least this share of its paragraph …
MIN_SHARE = 0.12
#: … and this many characters.
MIN_CHARS = 15
#: Its paragraph must be longer than the other side's by at least this share
#: of the sentence's length share.
LENGTH_EVIDENCE = 0.5


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, whitespace around them dropped."""
    sentences, start = [], 0
    for match in SENTENCE_END_RE.finditer(text):
        sentences.append(text[start:match.end()].strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def _units(sentences: list[str], total: int, lang: str) -> list[Unit]:
    """Sentences as alignment units: length share of the *document* (as
    paragraphs are aligned, so shares compare across the two versions),
    Latin-script names and normalised quantities (so 60億米ドル and US$6
    miliar anchor the same sentence)."""
    units = []
    for k, sentence in enumerate(sentences):
        numbers = {f"num:{q.kind}:{q.value:g}:{q.unit}" for q in extract_numbers(sentence, lang)}
        units.append(Unit((k,), len(sentence) / max(total, 1), frozenset(latin_anchors(sentence) | numbers),
                          frozenset(["body"])))
    return units


def missing_sentences(text_a: str, text_b: str, totals: tuple[int, int],
                      langs: tuple[str, str]) -> tuple[list[str], list[str]]:
    """Sentences of ``text_a`` with no counterpart in ``text_b`` and the
    other way round; ``totals`` are the two documents' lengths in characters
    (length shares are taken over them), ``langs`` their languages."""
    sentences_a, sentences_b = split_sentences(text_a), split_sentences(text_b)
    if len(sentences_a) + len(sentences_b) < 3:
        return [], []
    units_a, units_b = _units(sentences_a, totals[0], langs[0]), _units(sentences_b, totals[1], langs[1])
    share_a, share_b = sum(u.share for u in units_a), sum(u.share for u in units_b)
    only_a, only_b = [], []
    for left, right, _cost in align_units(units_a, units_b, SENTENCE_MOVES):
        if left and not right:
            only_a.extend(k for k in left if _is_loss(units_a[k].share, sentences_a[k], (share_a, share_b)))
        elif right and not left:
            only_b.extend(k for k in right if _is_loss(units_b[k].share, sentences_b[k], (share_b, share_a)))
    return [sentences_a[k] for k in only_a], [sentences_b[k] for k in only_b]


def _is_loss(share: float, sentence: str, paragraphs: tuple[float, float]) -> bool:
    """Whether a sentence left alone is a real loss: long enough (of its
    own paragraph), and its paragraph longer than the other side's by
    :data:`LENGTH_EVIDENCE` of it."""
    mine, other = paragraphs
    if share < MIN_SHARE * mine or len(sentence) < MIN_CHARS:
        return False
    return mine - other >= LENGTH_EVIDENCE * share
