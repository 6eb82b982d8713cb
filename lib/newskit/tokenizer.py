"""The public tokenization API: :func:`tokenize` for one text and
:func:`tokenize_corpus` for a whole corpus as a table.

Both dispatch by language to :mod:`newskit.ja` or :mod:`newskit.latin`, run
the shared merge pass and mark stop and content words the same way.
"""

from __future__ import annotations

import pandas as pd

from newskit.corpus import TEXT_KINDS, Corpus
from newskit.errors import CorpusError
from newskit.ja import tokenize_japanese_raw
from newskit.languages import SUPPORTED_LANGUAGES
from newskit.latin import tokenize_latin_raw
from newskit.tokens import Token, mark_token, merge_spans
from newskit.versions import tool_versions

TOKEN_COLUMNS = ["doc_id", "para_id", "i", "start", "end", "surface", "lemma", "pos",
                 "is_stop", "is_content"]


def tokenize(text: str, lang: str, lemmatize: bool | None = None) -> list[Token]:
    """Tokenize ``text`` written in ``lang`` (ja, de, id or en).

    Offsets refer to ``text``; whitespace is the only thing not covered by a
    token.  ``lemmatize`` overrides the language default (off for
    Indonesian, see :mod:`newskit.latin`; Japanese always uses orthBase)."""
    if lang not in SUPPORTED_LANGUAGES:
        raise CorpusError(None, f"unsupported language code {lang!r} for tokenize "
                                f"(supported: {', '.join(sorted(SUPPORTED_LANGUAGES))})")
    if lang == "ja":
        raw = tokenize_japanese_raw(text)
    else:
        raw = tokenize_latin_raw(text, lang, lemmatize)
    return [mark_token(t, lang) for t in merge_spans(raw, text)]


def tokenize_paragraphs(paragraphs: pd.DataFrame, langs: dict[str, str],
                        lemmatize: bool | None = None) -> pd.DataFrame:
    """Token table for a paragraphs table (``doc_id, para_id, text``)."""
    columns: dict[str, list] = {c: [] for c in TOKEN_COLUMNS}
    for doc_id, para_id, text in paragraphs[["doc_id", "para_id", "text"]].itertuples(index=False):
        for i, tok in enumerate(tokenize(text, langs[doc_id], lemmatize)):
            for column, value in zip(TOKEN_COLUMNS, (doc_id, para_id, i, tok.start, tok.end, tok.surface,
                                                     tok.lemma, tok.pos, tok.is_stop, tok.is_content)):
                columns[column].append(value)
    return build_token_frame(columns)


def build_token_frame(columns: dict[str, list]) -> pd.DataFrame:
    """Compact dtypes: categories for repeated labels, Arrow-backed strings."""
    frame = pd.DataFrame(columns, columns=TOKEN_COLUMNS)
    for name in ("para_id", "i", "start", "end"):
        frame[name] = frame[name].astype("int32")
    for name in ("doc_id", "pos"):
        frame[name] = frame[name].astype("category")
    for name in ("surface", "lemma"):
        frame[name] = frame[name].astype("string[pyarrow]")
    for name in ("is_stop", "is_content"):
        frame[name] = frame[name].astype(bool)
    return frame


def tokenize_corpus(corpus: Corpus, kinds: tuple[str, ...] = TEXT_KINDS,
                    lemmatize: bool | None = None) -> pd.DataFrame:
    """One row per token of the paragraphs of the given ``kinds`` (default:
    headings, captions and body; boilerplate and the source line are left
    out), with columns ``doc_id, para_id, i, start, end, surface, lemma, pos,
    is_stop, is_content``.  ``attrs["versions"]`` records the tools used."""
    paragraphs = corpus.paragraphs[corpus.paragraphs["kind"].isin(kinds)]
    table = tokenize_paragraphs(paragraphs, corpus.languages(), lemmatize)
    table["doc_id"] = table["doc_id"].cat.set_categories(list(corpus.documents["doc_id"]))
    table.attrs["versions"] = tool_versions()
    table.attrs["kinds"] = list(kinds)
    return table
