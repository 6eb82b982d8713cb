"""Synthetic news corpora: realistic, reproducible, any size.

``generate_corpus(out_dir, n_articles=1000, seed=0)`` writes a corpus folder
that ``newskit.load_corpus`` reads: fictional articles in Japanese, German,
Indonesian and English from twelve invented outlets over 2023-01 .. 2025-06,
built from parallel sentence banks with entities and quantities in each
language's notation, multi-language stories, wire copies (exact and with a
paragraph added or dropped), captions and boilerplate lines, a few partial
dates.  Same seed, same bytes.  ``export_articles`` writes the same articles
as JSON Lines, CSV, Parquet or saved HTML pages, for importer tests.
Command line: ``python -m newskit.synth OUT --n 1000 --seed 0``.
"""

from newskit.synth.article import Article
from newskit.synth.build import build_articles
from newskit.synth.compose import Paragraph
from newskit.synth.corpus import SyntheticCorpus, generate_corpus, write_corpus
from newskit.synth.export import DEFAULT_COLUMNS, export_articles
from newskit.synth.spec import CorpusSpec
from newskit.synth.summary import describe_articles

__all__ = [
    "DEFAULT_COLUMNS", "Article", "CorpusSpec", "Paragraph", "SyntheticCorpus", "build_articles",
    "describe_articles", "export_articles", "generate_corpus", "write_corpus",
]
