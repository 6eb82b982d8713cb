"""An article in the making: rendered lines, not yet an id.

Ids follow publication order, which is only known once every original and
wire copy exists; until then an article is a :class:`Draft`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from newskit.synth.compose import Paragraph, Plan, lay_out, render_body, render_headline
from newskit.synth.events import Event, render_slots
from newskit.synth.outlets import OUTLETS, Outlet

__all__ = ["Draft", "pick_outlet", "realise"]


@dataclass
class Draft:
    """An article before its id is known (ids follow publication order)."""

    lang: str
    outlet: Outlet
    event: Event
    plan: Plan
    when: datetime  # UTC
    slots: dict[str, str] = field(repr=False)
    paragraphs: list[Paragraph] = field(repr=False)
    title: str = ""
    story: int | None = None
    source: Draft | None = None
    copy_kind: str = ""


def pick_outlet(lang: str, topic: str, rng: random.Random, exclude: Outlet | None = None) -> Outlet | None:
    """An outlet of ``lang`` covering ``topic`` (weighted by its volume), or None."""
    choices = [o for o in OUTLETS if o.lang == lang and o.covers(topic) and o is not exclude]
    if not choices:
        return None
    return rng.choices(choices, weights=[o.weight for o in choices])[0]


def realise(plan: Plan, event: Event, outlet: Outlet, when: datetime, rng: random.Random) -> Draft:
    """Render ``plan`` in the outlet's language and lay it out in its style."""
    lang = outlet.lang
    slots = render_slots(event, lang, rng)
    slots["pub_year"] = str((when + timedelta(hours=outlet.utc_offset)).year)
    paragraphs = lay_out(render_body(plan, slots, lang), plan, outlet, slots, rng)
    return Draft(lang, outlet, event, plan, when, slots, paragraphs, render_headline(plan, slots, lang))
