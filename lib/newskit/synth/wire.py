"""Wire copies: the same text republished by another outlet of the same language.

News corpora are full of syndicated text.  Some copies are exact (the
text is byte-for-byte the source's, only the catalog row differs), some
carry one paragraph more (the outlet's own addition) or one fewer (cut for
length).  A copy never changes language: that would be a translation, which
is what stories are for.  Wire agencies' reports are copied most.
"""

from __future__ import annotations

import random
from datetime import timedelta

from newskit.synth.compose import Paragraph, render_extra_paragraph, render_headline
from newskit.synth.draft import Draft, pick_outlet

__all__ = ["add_copies"]

#: How much likelier a wire agency's report is to be republished.
WIRE_WEIGHT = 4.0
#: Share of copies that keep the source's headline.
SAME_TITLE = 0.7


def _weighted_sample(items: list, weights: list[float], k: int, rng: random.Random) -> list:
    """``k`` distinct items, likelier the heavier (Efraimidis-Spirakis keys)."""
    keyed = sorted(((rng.random() ** (1.0 / w), i) for i, w in enumerate(weights)), reverse=True)
    return [items[i] for _, i in keyed[:k]]


def _near_copy(source: Draft, rng: random.Random) -> tuple[list[Paragraph], str]:
    """The source's lines with one body paragraph dropped or one added."""
    body = [i for i, p in enumerate(source.paragraphs) if p.kind == "body"]
    if len(body) >= 3 and rng.random() < 0.5:
        dropped = rng.choice(body[1:])
        return [p for i, p in enumerate(source.paragraphs) if i != dropped], "paragraph_dropped"
    lines = list(source.paragraphs)
    extra = render_extra_paragraph(source.plan, source.slots, source.lang, rng)
    lines.insert(rng.choice(body) + 1, Paragraph("body", extra))
    return lines, "paragraph_added"


def add_copies(drafts: list[Draft], counts: tuple[int, int], rng: random.Random) -> list[Draft]:
    """``counts = (exact, near)`` copies of distinct originals in ``drafts``,
    each republished by another outlet of its language half an hour to a
    day and a half later (fewer when too few originals can be copied)."""
    n_exact, n_near = counts
    candidates = [d for d in drafts if pick_outlet(d.lang, d.event.topic, rng, exclude=d.outlet) is not None]
    weights = [WIRE_WEIGHT if d.outlet.wire else 1.0 for d in candidates]
    copies = []
    for k, source in enumerate(_weighted_sample(candidates, weights, n_exact + n_near, rng)):
        outlet = pick_outlet(source.lang, source.event.topic, rng, exclude=source.outlet)
        when = source.when + timedelta(minutes=rng.randrange(30, 36 * 60))
        lines, kind = (list(source.paragraphs), "exact") if k < n_exact else _near_copy(source, rng)
        title = source.title if rng.random() < SAME_TITLE else render_headline(
            source.plan, source.slots, source.lang, source.plan.headline + 1)
        copies.append(Draft(source.lang, outlet, source.event, source.plan, when, source.slots, lines, title,
                            story=source.story, source=source, copy_kind=kind))
    return copies
