"""Build the articles of a corpus in memory: originals, stories, wire copies.

Everything is drawn from one ``random.Random`` seeded with the seed's
string form, in a fixed order, so the same arguments give the same articles
on every machine and Python version (string seeding is hash-independent).
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from datetime import datetime, timedelta

from newskit.errors import ArgumentError
from newskit.synth.article import Article
from newskit.synth.compose import TOPICS, build_plan, vary_plan
from newskit.synth.dates import catalog_date, sample_times
from newskit.synth.draft import Draft, pick_outlet, realise
from newskit.synth.events import draw_event, render_slots
from newskit.synth.spec import CorpusSpec, check_languages
from newskit.synth.wire import add_copies

__all__ = ["build_articles"]

#: Story sizes (number of languages reporting one event), drawn uniformly.
STORY_SIZES = (2, 2, 3, 3, 4)
#: Latest publication of a story member or copy after its original (days, rounded up).
LATE_DAYS = 4


def _target_chars(lang: str, spec: CorpusSpec, rng: random.Random) -> int:
    """Log-normal body length with the language's mean (mu = ln(mean) - sigma^2/2)."""
    mean, sigma = spec.mean_chars_of(lang), spec.length_sigma
    value = math.exp(math.log(mean) - sigma * sigma / 2 + rng.gauss(0.0, sigma))
    return int(min(8 * mean, max(mean / 4, value)))


def _sample_languages(languages: tuple[str, ...], weights: list[float], k: int, rng: random.Random) -> list[str]:
    pool, chosen = list(zip(languages, weights)), []
    for _ in range(k):
        pick = rng.choices(range(len(pool)), weights=[w for _, w in pool])[0]
        chosen.append(pool.pop(pick)[0])
    return chosen


def _units(n: int, languages: tuple[str, ...], spec: CorpusSpec, rng: random.Random) -> list[tuple[str, ...]]:
    """The originals' languages grouped by event: multi-language stories
    (``story_share`` of the originals) and single articles, shuffled."""
    weights = list(spec.language_weights or [1.0] * len(languages))
    live = sum(1 for w in weights if w > 0)
    target = round(n * spec.story_share) if live > 1 else 0
    units, placed = [], 0
    while target - placed >= 2:
        size = min(rng.choice(STORY_SIZES), live, target - placed)
        units.append(tuple(_sample_languages(languages, weights, size, rng)))
        placed += size
    units += [(lang,) for lang in rng.choices(languages, weights=weights, k=n - placed)]
    rng.shuffle(units)
    return units


def _draft_unit(unit: tuple[str, ...], when: datetime, story: int | None, spec: CorpusSpec,
                rng: random.Random) -> list[Draft]:
    """The articles about one event: the first language sets the plan, the
    others render a varied copy a few hours to two days later."""
    names = list(TOPICS)
    topic = TOPICS[rng.choices(names, weights=[TOPICS[t].weight for t in names])[0]]
    outlets = [pick_outlet(lang, topic.name, rng) for lang in unit]
    event = draw_event(topic.name, unit[0], (when + timedelta(hours=outlets[0].utc_offset)).date(), rng)
    plan = build_plan(topic, render_slots(event, unit[0], rng), unit[0], _target_chars(unit[0], spec, rng), rng)
    drafts = []
    for k, outlet in enumerate(outlets):
        moment = when if k == 0 else when + timedelta(minutes=rng.randrange(20, 48 * 60))
        draft = realise(plan if k == 0 else vary_plan(plan, rng), event, outlet, moment, rng)
        draft.story = story
        drafts.append(draft)
    return drafts


def _slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].rstrip("-") or "article"


def _finalize(drafts: list[Draft], spec: CorpusSpec, rng: random.Random) -> tuple[Article, ...]:
    """Ids in publication order (``<outlet>-<position>``), local times,
    catalog dates (some partial), URLs, story names in order of appearance."""
    order = sorted(range(len(drafts)), key=lambda k: (drafts[k].when, k))
    ids = {id(drafts[k]): f"{drafts[k].outlet.slug}-{pos:05d}" for pos, k in enumerate(order, 1)}
    stories: dict[int, str] = {}
    articles = []
    for pos, k in enumerate(order, 1):
        d = drafts[k]
        offset = d.outlet.utc_offset
        local = d.when + timedelta(hours=offset)
        group = "" if d.story is None else stories.setdefault(d.story, f"story-{len(stories) + 1:04d}")
        articles.append(Article(
            doc_id=ids[id(d)], lang=d.lang, title=d.title,
            published=catalog_date(local.date(), rng, spec.partial_date_share),
            published_at=f"{local:%Y-%m-%dT%H:%M}:00{'+' if offset >= 0 else '-'}{abs(offset):02d}:00",
            publisher=d.outlet.name,
            url=f"https://www.{d.outlet.domain}/{d.event.topic}/{local:%Y/%m/%d}/{_slug(d.title)}-{pos}.html",
            group=group, topic=d.event.topic, paragraphs=tuple(d.paragraphs),
            duplicate_of=ids[id(d.source)] if d.source is not None else "", duplicate_kind=d.copy_kind,
        ))
    return tuple(articles)


def build_articles(n_articles: int = 1000, *, seed: int = 0, languages: tuple[str, ...] = ("ja", "de", "id", "en"),
                   spec: CorpusSpec | None = None) -> tuple[Article, ...]:
    """The articles of a corpus, in publication order, without writing anything."""
    spec = spec or CorpusSpec()
    languages = check_languages(languages, spec.language_weights)
    if not isinstance(n_articles, int) or n_articles < 1:
        raise ArgumentError(f"n_articles={n_articles!r}: give a positive whole number")
    rng = random.Random(f"newskit.synth:{seed}")
    n_exact = round(n_articles * spec.exact_duplicate_share)
    n_near = round(n_articles * spec.near_duplicate_share)
    units = _units(n_articles - n_exact - n_near, languages, spec, rng)
    # story members follow within 48 h and copies within 36 h: keep the originals clear of the end
    end = max(spec.first_day, spec.last_day - timedelta(days=LATE_DAYS))
    times = sample_times(len(units), rng, start=spec.first_day, end=end, bursts=(spec.burst_weeks, spec.burst_share))
    drafts: list[Draft] = []
    for story, (unit, when) in enumerate(zip(units, times)):
        drafts += _draft_unit(unit, when, story if len(unit) > 1 else None, spec, rng)
    drafts += add_copies(drafts, (n_exact, n_near), rng)
    return _finalize(drafts, spec, rng)
