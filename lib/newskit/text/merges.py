"""The merge pass: names that must stay one token (``data/token_merges.toml``).

MeCab cuts ``Grok-1.5V`` into five pieces and the regex tokenizer cuts
``Llama 2`` into two; the merge pass joins the tokens covering one listed
term or pattern back into a single token, for every language alike.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from importlib import resources

from newskit.text.tokens import Info, TokenColumns, token_marks

__all__ = ["MERGES_FILE", "load_merge_rules", "merge_columns", "merge_spans", "merged_info"]

MERGES_FILE = "token_merges.toml"


def _term_regex(term: str) -> str:
    """Regex of one literal merge term: words joined by any whitespace, not
    glued to further Latin letters/digits.  The no-letter-before check sits
    after the first (literal) character, which is the same test but lets the
    regex engine reject most positions on one character compare (4x faster
    over Japanese text than checking the lookbehind first)."""
    words = r"\s+".join(map(re.escape, term.split()))
    first = re.escape(term.split()[0][0])
    return rf"{first}(?<![A-Za-z0-9][\s\S]){words[len(first):]}(?![A-Za-z0-9])"


@lru_cache(maxsize=1)
def load_merge_rules() -> re.Pattern[str]:
    """One compiled alternation of all merge spans, multi-word terms first so
    that "Llama 2" wins over "Llama"."""
    raw = tomllib.loads(resources.files("newskit.text").joinpath("data", MERGES_FILE).read_text("utf-8"))
    terms = sorted(raw["terms"], key=len, reverse=True)
    return re.compile("|".join([_term_regex(t) for t in terms] + raw["patterns"]))


def _merged_pos(tags: list[str], surface: str) -> str:
    """Coarse tag of a merged span: a name, a number or a noun."""
    if "PROPN" in tags or any(c.isupper() for c in surface):
        return "PROPN"
    if all(t in ("NUM", "PUNCT", "SYM") for t in tags):
        return "NUM"
    return "NOUN"


def merged_info(infos: list[Info], surface: str, lang: str, pos: str | None = None) -> Info:
    """The info of a merged span: a name, a model name or a number (``pos``
    forces the tag, e.g. PROPN for a gazetteer name)."""
    lemma = unicodedata.normalize("NFKC", surface)
    pos = pos or _merged_pos([info[2] for info in infos], surface)
    return (surface, lemma, pos, "merged", *token_marks(surface, lemma, pos, lang))


def merge_columns(tokens: TokenColumns, text: str, lang: str,
                  extra: re.Pattern[str] | None = None, pos: str | None = None) -> TokenColumns:
    """Merge the tokens covering one matched span of the merge rules (or of
    ``extra`` when given) into a single token; ``pos`` forces its tag."""
    return merge_spans(tokens, text, lang, [m.span() for m in (extra or load_merge_rules()).finditer(text)], pos)


def merge_spans(tokens: TokenColumns, text: str, lang: str, spans: list[tuple[int, int]],
                pos: str | None = None) -> TokenColumns:
    """Merge the tokens covering each of ``spans`` (ascending) into one token.

    A span whose edges cut through a token is left alone: the merge pass only
    ever joins whole tokens, so no character is lost or invented.  Token
    starts and ends are ascending, so span edges are found by binary search
    instead of building two dicts per text."""
    starts, ends, infos = tokens.starts, tokens.ends, tokens.infos
    merged = TokenColumns()
    k = 0
    for start, end in spans:
        first, last = bisect_left(starts, start), bisect_left(ends, end)
        if first >= len(starts) or starts[first] != start or last >= len(ends) or ends[last] != end:
            continue
        if last <= first or first < k:
            continue
        merged.starts += starts[k:first]
        merged.ends += ends[k:first]
        merged.infos += infos[k:first]
        merged.starts.append(start)
        merged.ends.append(end)
        merged.infos.append(merged_info(infos[first:last + 1], text[start:end], lang, pos))
        k = last + 1
    if k == 0:
        return tokens
    merged.starts += starts[k:]
    merged.ends += ends[k:]
    merged.infos += infos[k:]
    return merged
