"""What a generated corpus holds, in numbers (for the command line and reports)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newskit.synth.article import Article

__all__ = ["describe_articles"]


def describe_articles(articles: Iterable[Article]) -> dict:
    """Counts by language, outlet, topic, year, duplicate kind and kind of
    line; mean characters per article overall and by language; the number of
    stories, partial catalog dates and total characters."""
    articles = list(articles)
    chars: dict[str, list[int]] = {}
    for article in articles:
        chars.setdefault(article.lang, []).append(len(article.text))
    total = sum(sum(v) for v in chars.values())
    return {
        "articles": len(articles),
        "characters": total,
        "mean_chars": round(total / len(articles)) if articles else 0,
        "mean_chars_by_lang": {lang: round(sum(v) / len(v)) for lang, v in sorted(chars.items())},
        "by_lang": dict(sorted(Counter(a.lang for a in articles).items())),
        "by_outlet": dict(Counter(a.publisher for a in articles).most_common()),
        "by_topic": dict(Counter(a.topic for a in articles).most_common()),
        "by_year": dict(sorted(Counter(a.published_at[:4] for a in articles).items())),
        "duplicates": dict(sorted(Counter(a.duplicate_kind for a in articles if a.duplicate_kind).items())),
        "stories": len({a.group for a in articles if a.group}),
        "story_articles": sum(1 for a in articles if a.group and not a.duplicate_kind),
        "partial_dates": sum(1 for a in articles if len(a.published) < 10),
        "line_kinds": dict(Counter(p.kind for a in articles for p in a.paragraphs).most_common()),
    }
