"""From an event to an article: a plan of sentences, then the outlet's layout.

A :class:`Plan` lists sentence references (not text) grouped in paragraphs,
so one plan renders in every language; a story's other languages render a
slightly varied copy of it (translations drop or add a sentence).  The
outlet then puts its kicker, captions, inserts and closing lines around the
body paragraphs; every line keeps its true kind (:class:`Paragraph`).
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from typing import NamedTuple

from newskit.synth.bank_tech import TECH_TOPICS
from newskit.synth.bank_world import CAPTIONS, GENERIC, SUBHEADINGS, WORLD_TOPICS
from newskit.synth.events import staff_name
from newskit.synth.outlets import Outlet
from newskit.synth.topic import Entry, Topic

__all__ = ["TOPICS", "Paragraph", "Plan", "build_plan", "lay_out", "render_body", "render_extra_paragraph",
           "render_headline", "vary_plan"]

TOPICS: dict[str, Topic] = {t.name: t for t in (*TECH_TOPICS, *WORLD_TOPICS)}

#: A sentence reference: ``("lead", i)`` (the topic's leads), ``("generic", i)``
#: or ``(topic name, i)`` (that topic's body sentences).
Ref = tuple[str, int]


class Paragraph(NamedTuple):
    """One line of an article file with its true kind (boilerplate, heading,
    caption, body or source, as :data:`newskit.PARAGRAPH_KINDS`)."""

    kind: str
    text: str


@dataclass(frozen=True)
class Plan:
    """The content of an article, independent of language and outlet."""

    topic: str
    paragraphs: tuple[tuple[Ref, ...], ...]
    headline: int


def _template(topic: str, ref: Ref, lang: str) -> str:
    pool, index = ref
    if pool == "lead":
        return TOPICS[topic].leads[index][lang]
    if pool == "generic":
        return GENERIC[index][lang]
    return TOPICS[pool].body[index][lang]


def _weighted_order(n: int, rng: random.Random, exponent: float = 1.0) -> list[int]:
    """0..n-1 shuffled so that rank r comes early with weight 1/(r+1)**exponent
    (Efraimidis-Spirakis keys u**(1/w)): the first sentences of a bank are
    the commonest in the corpus, the last ones rare."""
    keys = sorted(((rng.random() ** ((r + 1) ** exponent), r) for r in range(n)), reverse=True)
    return [r for _, r in keys]


def _candidates(topic: Topic, rng: random.Random) -> list[Ref]:
    """Sentences in the order an article uses them: mostly the topic's own,
    mixed with generic ones, then (for very long articles) background from
    other topics."""
    own = [(topic.name, i) for i in _weighted_order(len(topic.body), rng)]
    generic = [("generic", i) for i in _weighted_order(len(GENERIC), rng)]
    merged: list[Ref] = []
    while own or generic:
        source = own if own and (not generic or rng.random() < 0.7) else generic
        merged.append(source.pop(0))
    others = [(t.name, i) for t in TOPICS.values() if t.name != topic.name for i in range(len(t.body))]
    rng.shuffle(others)
    return merged + others


def _group(refs: list[Ref], rng: random.Random, sizes: tuple[int, ...]) -> tuple[tuple[Ref, ...], ...]:
    paragraphs, k = [], 0
    while k < len(refs):
        size = rng.choice(sizes if paragraphs else (1, 2, 2))
        paragraphs.append(tuple(refs[k:k + size]))
        k += size
    return tuple(paragraphs)


def build_plan(topic: Topic, slots: dict[str, str], lang: str, target: int, rng: random.Random) -> Plan:
    """Sentences until the body holds about ``target`` characters in ``lang``."""
    refs: list[Ref] = [("lead", rng.randrange(len(topic.leads)))]
    length = len(_template(topic.name, refs[0], lang).format_map(slots))
    for ref in _candidates(topic, rng):
        if length >= target:
            break
        refs.append(ref)
        length += len(_template(topic.name, ref, lang).format_map(slots)) + 1
    sizes = (1, 2, 2, 3) if lang != "ja" else (1, 2, 2, 3, 3)
    return Plan(topic.name, _group(refs, rng, sizes), rng.randrange(len(topic.headlines)))


def vary_plan(plan: Plan, rng: random.Random) -> Plan:
    """The plan as another language's version has it: translations and
    rewrites of one report drop a sentence or add one now and then."""
    paragraphs = [list(p) for p in plan.paragraphs]
    places = [(i, j) for i, p in enumerate(paragraphs) for j in range(len(p)) if (i, j) != (0, 0)]
    if len(places) >= 3 and rng.random() < 0.35:
        i, j = rng.choice(places)
        del paragraphs[i][j]
    used = {ref for p in paragraphs for ref in p}
    unused = [("generic", g) for g in range(len(GENERIC)) if ("generic", g) not in used]
    if unused and rng.random() < 0.25:
        rng.choice(paragraphs[1:] or paragraphs).append(rng.choice(unused))
    return Plan(plan.topic, tuple(tuple(p) for p in paragraphs if p), plan.headline)


def render_body(plan: Plan, slots: dict[str, str], lang: str) -> list[str]:
    """The body paragraphs' text (Japanese sentences join without a space)."""
    sep = "" if lang == "ja" else " "
    return [sep.join(_template(plan.topic, ref, lang).format_map(slots) for ref in para) for para in plan.paragraphs]


def render_headline(plan: Plan, slots: dict[str, str], lang: str, index: int | None = None) -> str:
    """The article's title (never printed in its text)."""
    headlines = TOPICS[plan.topic].headlines
    return headlines[plan.headline if index is None else index % len(headlines)][lang].format_map(slots)


def render_extra_paragraph(plan: Plan, slots: dict[str, str], lang: str, rng: random.Random) -> str:
    """One more body paragraph the plan does not use (a republishing outlet's addition)."""
    used = {ref for p in plan.paragraphs for ref in p}
    unused = [ref for ref in _candidates(TOPICS[plan.topic], rng) if ref not in used]
    return render_body(Plan(plan.topic, (tuple(unused[:2]),), plan.headline), slots, lang)[0]


def _related(plan: Plan, slots: dict[str, str], lang: str, rng: random.Random) -> list[str]:
    """Two headlines for "read also" links: other stories with the same
    names, never the article's own title."""
    own = render_headline(plan, slots, lang)
    headlines = [h[lang].format_map(slots) for t in TOPICS.values() for h in t.headlines]
    return rng.sample([h for h in dict.fromkeys(headlines) if h != own], 2)


def _outlet_slots(plan: Plan, slots: dict[str, str], outlet: Outlet, rng: random.Random) -> dict[str, str]:
    lang = outlet.lang
    letters = string.ascii_lowercase
    related, related2 = _related(plan, slots, lang, rng)
    return {
        **slots, "related": related, "related2": related2,
        "reporter": staff_name(outlet.culture, lang, rng), "editor": staff_name(outlet.culture, lang, rng),
        "initials": "/".join("".join(rng.choices(letters, k=2)) for _ in range(2)),
    }


def _lines(template: str, kind: str, slots: dict[str, str]) -> list[Paragraph]:
    return [Paragraph(kind, line) for line in template.format_map(slots).split("\n")]


def _caption(captions: tuple[Entry, ...], outlet: Outlet, slots: dict[str, str], rng: random.Random) -> list[Paragraph]:
    text = rng.choice(captions)[outlet.lang].format_map(slots)
    lines = [Paragraph("caption", outlet.caption.format_map({**slots, "caption": text}))]
    return lines + ([Paragraph("boilerplate", outlet.credit)] if outlet.credit else [])


def lay_out(body: list[str], plan: Plan, outlet: Outlet, slots: dict[str, str], rng: random.Random) -> list[Paragraph]:
    """The article file's lines: the outlet's kicker, dateline, captions,
    inserts, subheading and closing lines around the body paragraphs."""
    topic, lang = TOPICS[plan.topic], outlet.lang
    slots = _outlet_slots(plan, slots, outlet, rng)
    lines = [Paragraph("heading", topic.kicker[lang])] if rng.random() < outlet.kicker else []
    subheading_at = len(body) // 2 if len(body) >= 6 and rng.random() < 0.5 else -1
    for i, text in enumerate(body):
        if i == subheading_at:
            lines.append(Paragraph("heading", rng.choice(SUBHEADINGS)[lang]))
        lines.append(Paragraph("body", outlet.dateline.format_map(slots) + text if i == 0 else text))
        if i == 0 and rng.random() < outlet.caption_share:
            lines += _caption(topic.captions, outlet, slots, rng)
        if i == 4 and len(body) >= 8 and rng.random() < outlet.caption_share / 2:
            lines += _caption(CAPTIONS, outlet, slots, rng)
        if i == 1 and len(body) > 2:
            for template, share in outlet.inserts:
                if rng.random() < share:
                    lines += _lines(template, "boilerplate", slots)
    for template, share, kind in outlet.tail:
        if rng.random() < share:
            lines += _lines(template, kind, slots)
    return lines
