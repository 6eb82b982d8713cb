"""``extract_numbers`` (one text) and ``extract_quantities`` (a corpus).

See :mod:`newskit.quantities.model` for the kinds and units and the
decisions worth knowing; the passes live in :mod:`newskit.quantities.passes`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from newskit.errors import ArgumentError
from newskit.io.corpus import select_paragraphs
from newskit.io.paragraphs import TEXT_KINDS
from newskit.quantities.folding import fold_text
from newskit.quantities.model import FRAME_COLUMNS, Quantity
from newskit.quantities.passes import (
    Context,
    clock_candidates,
    date_candidates,
    month_candidates,
    phrase_candidates,
    propagate_ranges,
    take_list_markers,
)
from newskit.quantities.ratios import fraction_candidates, year_candidates
from newskit.quantities.values import find_word_numbers
from newskit.quantities.vocab import PLACEHOLDERS, vocab_for

__all__ = ["extract_numbers", "extract_quantities", "numbers_frame"]

def _check_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``exclude_spans`` as a list, refusing spans that run backwards."""
    checked = [(int(s), int(e)) for s, e in spans]
    bad = [span for span in checked if span[0] > span[1]]
    if bad:
        raise ArgumentError(f"exclude_spans for extract_numbers must be (start, end) "
                                f"with start <= end; got {bad[:3]}")
    return checked


def extract_numbers(text: str, lang: str, *,
                    exclude_spans: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """Every quantity in ``text`` (written in ``lang``: ja, de, id or en), in
    text order, with offsets into ``text``.

    ``exclude_spans`` are (start, end) spans to skip, e.g. product names found
    by the entity gazetteer; numbers overlapping them are not reported."""
    vocab = vocab_for(lang)
    folded = fold_text(text)
    runs = find_word_numbers(folded, vocab)
    shadow = list(folded)
    for k, (start, end, _) in enumerate(runs):
        shadow[start:end] = PLACEHOLDERS[k % 2] * (end - start)
    ctx = Context("".join(shadow), vocab, {start: value for start, _, value in runs})
    for start, end in _check_spans(exclude_spans):
        ctx.take(start, end)
    cands = date_candidates(ctx)
    take_list_markers(ctx)
    cands += year_candidates(ctx) + fraction_candidates(ctx)
    cands += clock_candidates(ctx) + phrase_candidates(ctx) + month_candidates(ctx)
    cands.sort(key=lambda c: (c.start, c.end))
    propagate_ranges(cands, ctx)
    # A spelled-out "one" with no unit is the indefinite article of another
    # language ("satu perusahaan" = "einem Unternehmen" = "a company").
    kept = [c for c in cands if not (c.spelled_one and c.bare)]
    return [Quantity(text[c.start:c.end], c.start, c.end, float(c.value), c.kind, c.unit,
                     c.counter) for c in kept]


def numbers_frame(paragraphs: pd.DataFrame, langs: Mapping[str, str]) -> pd.DataFrame:
    """One row per quantity of a paragraphs table (``doc_id, para_id, text``;
    ``langs`` maps doc_id to language): doc_id, para_id, surface, start, end
    (offsets into the paragraph), value, kind, unit (missing where a quantity
    has none).  This is the table the translation audit compares."""
    missing = [c for c in ("doc_id", "para_id", "text") if c not in paragraphs.columns]
    if missing:
        raise ArgumentError(f"numbers_frame needs paragraph column(s) {missing}; "
                                f"got {list(paragraphs.columns)}")
    rows = []
    for doc_id, para_id, text in paragraphs[["doc_id", "para_id", "text"]].itertuples(index=False):
        if doc_id not in langs:
            raise ArgumentError(f"numbers_frame: no language given for document {doc_id!r}")
        if not isinstance(text, str):
            continue
        rows.extend((doc_id, para_id, q.surface, q.start, q.end, q.value, q.kind, q.unit)
                    for q in extract_numbers(text, langs[doc_id]))
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    return frame.astype({"start": "int64", "end": "int64", "value": "float64"})



def extract_quantities(corpus: Any, *, kinds: Iterable[str] | None = TEXT_KINDS) -> pd.DataFrame:
    """Every quantity of the corpus paragraphs of the given ``kinds``
    (default: the article's own text, as :func:`newskit.tokenize_corpus`
    and :func:`newskit.find_mentions` use): the table of :func:`numbers_frame`."""
    return numbers_frame(select_paragraphs(corpus, kinds), corpus.languages())
