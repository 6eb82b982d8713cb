"""A generated article: its catalog fields, its lines with their true kinds,
and the ground truth (story, duplicate) a test can check the kit against."""

from __future__ import annotations

from dataclasses import dataclass

from newskit.synth.compose import Paragraph

__all__ = ["CATALOG_COLUMNS", "MINIMAL_COLUMNS", "Article"]

CATALOG_COLUMNS = ("doc_id", "file", "lang", "title", "published", "publisher", "url", "group")
MINIMAL_COLUMNS = ("doc_id", "file", "lang")


@dataclass(frozen=True)
class Article:
    """One article.  ``published`` is the catalog cell (possibly partial:
    ``2024-03``, ``2024``); ``published_at`` the full local time with its
    UTC offset.  ``group`` names the multi-language story (empty when the
    article stands alone); ``duplicate_of`` the doc_id of the article this
    one copies, with ``duplicate_kind`` ``exact``, ``paragraph_added`` or
    ``paragraph_dropped``."""

    doc_id: str
    lang: str
    title: str
    published: str
    published_at: str
    publisher: str
    url: str
    group: str
    topic: str
    paragraphs: tuple[Paragraph, ...]
    duplicate_of: str = ""
    duplicate_kind: str = ""

    @property
    def file(self) -> str:
        """Path of the raw file inside the corpus folder."""
        return f"raw/{self.doc_id}.txt"

    @property
    def text(self) -> str:
        """The raw file's content: one paragraph per line."""
        return "".join(f"{p.text}\n" for p in self.paragraphs)

    def catalog_row(self, columns: tuple[str, ...] = CATALOG_COLUMNS) -> list[str]:
        return [self.file if c == "file" else getattr(self, c) for c in columns]
