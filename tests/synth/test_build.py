"""The shape of a generated corpus: languages, outlets, dates, lengths,
duplicates and stories as specified (1,000 articles, seed 0)."""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from datetime import date, datetime

import pytest

import newskit
from newskit.synth import CorpusSpec, build_articles
from newskit.synth.names import POOLS

DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def utc(article) -> datetime:
    return datetime.fromisoformat(article.published_at)


def test_ids_unique_slugs_in_publication_order(articles_1000):
    ids = [a.doc_id for a in articles_1000]
    assert len(set(ids)) == 1000
    assert all(DOC_ID.match(i) for i in ids)
    times = [utc(a) for a in articles_1000]
    assert times == sorted(times)


def test_four_languages_in_balanced_shares(articles_1000):
    counts = Counter(a.lang for a in articles_1000)
    assert set(counts) == {"ja", "de", "id", "en"}
    # equal weights: 250 each expected; a binomial sd is ~14, allow far more
    assert all(180 <= n <= 320 for n in counts.values()), counts


def test_twelve_outlets_each_in_one_language(articles_1000):
    langs_of = defaultdict(set)
    for a in articles_1000:
        langs_of[a.publisher].add(a.lang)
    assert len(langs_of) == 12
    assert all(len(langs) == 1 for langs in langs_of.values())
    per_lang = Counter(next(iter(langs)) for langs in langs_of.values())
    assert per_lang == {"ja": 3, "de": 3, "id": 3, "en": 3}


def test_dates_cover_every_month_of_the_period(articles_1000):
    days = [utc(a).date() for a in articles_1000]
    assert min(days) >= date(2023, 1, 1) and max(days) <= date(2025, 6, 30)
    months = {(d.year, d.month) for d in days}
    assert len(months) == 30  # 2023-01 .. 2025-06


def test_busy_weeks_stand_out(articles_1000):
    weeks = Counter(utc(a).isocalendar()[:2] for a in articles_1000)
    # ~8 articles in an ordinary week; each of the 3 burst weeks holds ~1/3 of 10 %
    assert max(weeks.values()) >= 3 * statistics.median(weeks.values())


def test_some_catalog_dates_are_partial(articles_1000):
    partial = [a.published for a in articles_1000 if len(a.published) < 10]
    assert all(re.fullmatch(r"\d{4}(-\d{2})?", p) for p in partial)
    assert 10 <= len(partial) <= 60  # 3 % of 1,000 expected
    assert any(len(p) == 7 for p in partial) and any(len(p) == 4 for p in partial)


def test_lengths_by_language_with_a_long_tail(articles_1000):
    chars = defaultdict(list)
    for a in articles_1000:
        chars[a.lang].append(len(a.text))
    overall = [n for v in chars.values() for n in v]
    assert 1100 <= statistics.mean(overall) <= 1500
    assert 700 <= statistics.mean(chars["ja"]) <= 1000
    for lang in ("de", "id", "en"):
        assert 1250 <= statistics.mean(chars[lang]) <= 1800, lang
    assert max(overall) >= 3 * statistics.mean(overall)


def test_line_kinds_vary_and_titles_stay_out_of_the_text(articles_1000):
    kinds = Counter(p.kind for a in articles_1000 for p in a.paragraphs)
    assert set(kinds) <= set(newskit.PARAGRAPH_KINDS)
    assert {"body", "heading", "caption", "boilerplate", "source"} <= set(kinds)
    assert all(any(p.kind == "body" for p in a.paragraphs) for a in articles_1000)
    assert not [a.doc_id for a in articles_1000 if any(p.text == a.title for p in a.paragraphs)]


@pytest.mark.parametrize("marker", ["Foto: dpa", "Baca juga:", "関連記事", "Copyright", "(c) 20", "Lesen Sie auch:"])
def test_outlet_boilerplate_occurs(articles_1000, marker):
    assert any(p.text.startswith(marker) for a in articles_1000 for p in a.paragraphs if p.kind == "boilerplate")


def test_duplicate_shares_and_kinds(articles_1000):
    kinds = Counter(a.duplicate_kind for a in articles_1000 if a.duplicate_kind)
    assert kinds["exact"] == 50  # round(1000 * 0.05)
    assert kinds["paragraph_added"] + kinds["paragraph_dropped"] == 30  # round(1000 * 0.03)
    assert kinds["paragraph_added"] > 0 and kinds["paragraph_dropped"] > 0


def test_copies_stay_in_language_move_outlet_and_come_later(articles_1000):
    by_id = {a.doc_id: a for a in articles_1000}
    for copy in (a for a in articles_1000 if a.duplicate_of):
        source = by_id[copy.duplicate_of]
        assert not source.duplicate_of  # copies are made of originals
        assert copy.lang == source.lang and copy.publisher != source.publisher
        assert utc(copy) > utc(source)
        lines, original = [p.text for p in copy.paragraphs], [p.text for p in source.paragraphs]
        if copy.duplicate_kind == "exact":
            assert copy.text == source.text
        elif copy.duplicate_kind == "paragraph_dropped":
            assert len(lines) == len(original) - 1 and all(line in original for line in lines)
        else:
            assert len(lines) == len(original) + 1 and all(line in lines for line in original)


def test_stories_span_languages(articles_1000):
    groups = defaultdict(list)
    for a in articles_1000:
        if a.group and not a.duplicate_of:
            groups[a.group].append(a)
    assert groups
    for members in groups.values():
        langs = [a.lang for a in members]
        assert len(langs) >= 2 and len(set(langs)) == len(langs)  # one article per language
        assert len({a.topic for a in members}) == 1
    originals = sum(1 for a in articles_1000 if not a.duplicate_of)
    story_articles = sum(len(m) for m in groups.values())
    assert 0.15 <= story_articles / originals <= 0.25  # story_share 0.2


def test_story_members_share_names():
    # German and English spell the invented companies, products and places alike:
    # every story names the same ones in both languages.
    articles = build_articles(60, seed=3, languages=("de", "en"), spec=CorpusSpec(
        story_share=1.0, exact_duplicate_share=0.0, near_duplicate_share=0.0))
    names = {n.en for pool in POOLS.values() for n in pool if n.en == n.de}
    stories = defaultdict(dict)
    for a in articles:
        stories[a.group][a.lang] = a.text
    assert len(stories) == 30
    for texts in stories.values():
        shared = {n for n in names if n in texts["de"] and n in texts["en"]}
        assert shared, texts


def test_tiny_corpora_and_one_language():
    # n=5: no copies (round(0.25) == 0) and no story (needs two articles)
    tiny = build_articles(5, seed=1)
    assert len(tiny) == 5 and not any(a.duplicate_of for a in tiny)
    # one language: no multi-language stories, copies still made
    german = build_articles(40, seed=1, languages=("de",))
    assert {a.lang for a in german} == {"de"} and not any(a.group for a in german)
    assert sum(1 for a in german if a.duplicate_kind == "exact") == 2  # round(40 * 0.05)


def test_language_weights_shift_the_mix():
    articles = build_articles(400, seed=2, languages=("ja", "en"), spec=CorpusSpec(language_weights=(3.0, 1.0)))
    counts = Counter(a.lang for a in articles)
    # 368 originals: ~74 in two-language stories (37 ja + 37 en), ~294 singles split 3:1
    # (~220 ja, ~74 en), copies follow their sources: ja ~ 257 + 7 %, en ~ 111 + 7 %, ratio ~2.3
    assert counts["ja"] > 1.6 * counts["en"]


#: The bystander sentence, the only place a real company may be named ("Other companies such as X, ...").
BYSTANDER = {"en": "such as {name}, ", "de": "wie {name}, ", "id": "seperti {name}, ", "ja": "{name}や"}


def test_real_companies_are_only_bystanders(articles_1000):
    from newskit.synth.names import REAL_ORGS

    named = 0
    for a in articles_1000:
        # the outlet's own lines may name services ("... di Google News"): only the article's words count
        own = "\n".join(p.text for p in a.paragraphs if p.kind in newskit.TEXT_KINDS)
        for org in REAL_ORGS:
            name = org.in_lang(a.lang)
            if re.search(rf"(?<![\w・]){re.escape(name)}(?![\w・])", a.title):
                pytest.fail(f"{a.doc_id}: real company {name!r} in the title {a.title!r}")
            count = len(re.findall(rf"(?<![\w・]){re.escape(name)}(?![\w・])", own))
            if count:
                named += 1
                assert own.count(BYSTANDER[a.lang].format(name=name)) == count, (a.doc_id, name)
    assert named > 100  # the gazetteer still finds real companies in a generated corpus
