"""Japanese tokenization: MeCab (through fugashi) with the UniDic dictionary
shipped by unidic-lite, so nothing is downloaded at run time.

The Tagger is built once per process and reused (building it reads the
dictionary: ~0.1 s).  Lemmas are UniDic's ``orthBase`` (the dictionary form in
ordinary spelling, 発表し → する) and never UniDic's ``lemma`` field, which
carries English glosses (``マスク-mask``).

Speed: the tagger is created with its own MeCab output format (surface, the
four POS levels and orthBase, tab-separated), so one ``parse`` call per line
returns everything in a single string built in C.  Reading fugashi nodes one
by one (``node.feature`` builds a named tuple per token) costs more than
MeCab's own analysis.  Each distinct output line is decoded once per process
(:func:`read_line`) and reused: a news corpus repeats the same few thousand
word forms, so most tokens cost one dictionary look-up.  Node access
(``get_tagger()(text)``) is unaffected by the output format.
"""

from __future__ import annotations

import re
import shlex
import unicodedata
from functools import lru_cache

import fugashi
import unidic_lite

from newskit.text.tokens import Info, Token, TokenColumns, token_marks

__all__ = [
    "get_tagger", "japanese_columns", "read_line", "split_long", "tag_segment", "tokenize_japanese_raw",
]

#: UniDic first-level POS → coarse tag (second level refines nouns/particles).
UNIDIC_POS: dict[str, str] = {
    "名詞": "NOUN", "代名詞": "PRON", "形状詞": "ADJ", "形容詞": "ADJ", "連体詞": "DET",
    "副詞": "ADV", "接続詞": "CCONJ", "感動詞": "INTJ", "動詞": "VERB", "助動詞": "AUX",
    "助詞": "ADP", "接頭辞": "PART", "接尾辞": "PART", "補助記号": "PUNCT", "記号": "SYM",
    "空白": "SPACE",
}
UNIDIC_POS2: dict[tuple[str, str], str] = {
    ("名詞", "固有名詞"): "PROPN",
    ("名詞", "数詞"): "NUM",
    ("助詞", "接続助詞"): "SCONJ",
    ("助詞", "終助詞"): "PART",
}

#: MeCab output per token: surface, pos1-4, orthBase (UniDic field 10).
#: MeCab prints "*" fields as empty strings; unknown words have no orthBase.
NODE_FORMAT = r"%m\t%f[0]\t%f[1]\t%f[2]\t%f[3]\t%f[10]\n"
UNK_FORMAT = r"%m\t%f[0]\t%f[1]\t%f[2]\t%f[3]\t\n"
#: End-of-input marker (fugashi strips trailing whitespace from the output,
#: which must never eat the last token, e.g. a full-width space).
EOS = "EOS"
#: Decoded output lines kept per process before the memo is reset.
LINE_MEMO_SIZE = 500_000

_LINE_MEMO: dict[str, Info] = {}


#: MeCab (fugashi 1.5, unidic-lite) segfaults on one string of a few million
#: characters (0.85 M tagged fine, 1.0 M killed the interpreter), so longer lines
#: are tagged in pieces of at most this many characters.
MAX_SEGMENT_CHARS = 20_000
#: Where a long line may be cut: after a sentence end or any whitespace.
SEGMENT_BREAK_RE = re.compile(r"[。．！？!?\s]")
#: MeCab's cost grows with the square of a run of one character class it
#: must treat as an unknown word (16,000 katakana in one piece: 0.7 s; in
#: pieces of 1,000: 0.1 s), so a stretch with no punctuation or space longer
#: than this is tagged in pieces of this size (no word is that long; the
#: name pass may join the pieces' tokens again).
MAX_RUN_CHARS = 1_000
#: A stretch of text without any place a word would end.
LONG_RUN_RE = re.compile(rf"[^\s。．！？!?、，,・「」（）()]{{{MAX_RUN_CHARS + 1},}}")
#: Whitespace MeCab does not skip by itself (NBSP, U+2000-U+200A, U+2028, CR,
#: \x1c-\x1f, U+3000, ...): UniDic tags it as a symbol or 空白, alone or glued
#: to its neighbour ("\u2009%" and "-\u3000" became single SYM tokens).  MeCab
#: gets a copy with these as plain spaces (same length, so offsets hold).
MECAB_SPACES = {code: " " for code in range(0x3001) if chr(code).isspace() and chr(code) not in " \t\n"}


@lru_cache(maxsize=1)
def get_tagger() -> fugashi.Tagger:
    """The process-wide MeCab tagger on unidic-lite's dictionary (with the
    kit's output format for :meth:`parse`; nodes are the usual fugashi ones)."""
    args = ["-d", unidic_lite.DICDIR, "-O", "", f"--node-format={NODE_FORMAT}",
            f"--unk-format={UNK_FORMAT}", f"--eos-format={EOS}\\n", "--bos-format="]
    return fugashi.Tagger(" ".join(shlex.quote(a) for a in args))


def _coarse_tag(pos1: str, pos2: str, surface: str) -> str:
    """Map UniDic POS to the kit's coarse tag; unknown Latin words that
    MeCab calls 普通名詞 become PROPN when capitalised (xAI, Grok)."""
    if surface.isspace():
        return "SPACE"  # NBSP, thin/em spaces, U+2028, CR, ...: UniDic tags them 補助記号/記号
    tag = UNIDIC_POS2.get((pos1, pos2)) or UNIDIC_POS.get(pos1, "X")
    if tag == "SYM" and len(surface) > 1 and surface.isalpha():
        return "NOUN"  # spelled-out symbols such as ベータ (beta) are words
    if tag == "NOUN" and surface.isascii() and any(c.isupper() for c in surface):
        return "PROPN"
    return tag


def _read_features(surface: str, pos: tuple[str, str, str, str], base: str | None) -> tuple[str, str, str]:
    """Lemma, coarse tag and fine tag of one MeCab token (``*`` or empty
    fields are absent; no orthBase → the NFKC-normalised surface)."""
    pos1, pos2 = pos[0] or "*", pos[1] or "*"
    lemma = base if base and base != "*" else unicodedata.normalize("NFKC", surface)
    fine = "-".join(p for p in pos if p and p != "*")
    return lemma, _coarse_tag(pos1, pos2, surface), fine


def read_line(line: str) -> Info:
    """Decode one output line into an :data:`~newskit.text.tokens.Info` tuple
    (whitespace tokens get pos ``SPACE`` and are dropped by the caller)."""
    surface, pos1, pos2, pos3, pos4, base = line.split("\t")
    lemma, tag, fine = _read_features(surface, (pos1, pos2, pos3, pos4), base)
    return (surface, lemma, tag, fine, *token_marks(surface, lemma, tag, "ja"))


def tag_segment(text: str, offset: int, tokens: TokenColumns) -> None:
    """Append the tokens of a NUL-free piece of text whose first char sits
    at ``offset``."""
    memo = _LINE_MEMO
    if len(memo) > LINE_MEMO_SIZE:
        memo.clear()
    lines = get_tagger().parse(text).split("\n")
    if lines[-1] != EOS:
        raise RuntimeError(f"unexpected MeCab output for {text[:40]!r}")
    starts, ends, infos = tokens.starts, tokens.ends, tokens.infos
    pos = 0
    for line in lines[:-1]:
        info = memo.get(line)
        if info is None:
            info = memo[line] = read_line(line)
        surface = info[0]
        found = text.find(surface, pos)
        if found < 0 or not surface:
            continue  # MeCab never invents text; this only guards odd input
        pos = found + len(surface)
        if info[2] != "SPACE":
            starts.append(offset + found)
            ends.append(offset + pos)
            infos.append(info)


def split_long(text: str, limit: int = 0) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters (default
    :data:`MAX_SEGMENT_CHARS`), each ending after the last sentence end or
    whitespace of its window when there is one, then cut any stretch of more
    than :data:`MAX_RUN_CHARS` characters without punctuation or space into
    pieces of that size (:func:`_split_runs`); ``"".join`` gives ``text`` back.
    Linear in the length of ``text``."""
    limit = limit or MAX_SEGMENT_CHARS
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = start + limit
        for match in SEGMENT_BREAK_RE.finditer(text, start + limit // 2, start + limit):
            cut = match.end()
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return [part for piece in pieces for part in _split_runs(piece)]


def _split_runs(text: str) -> list[str]:
    """``text`` cut inside every stretch longer than :data:`MAX_RUN_CHARS`
    with no punctuation or space, every :data:`MAX_RUN_CHARS` characters."""
    cuts = [cut for match in LONG_RUN_RE.finditer(text)
            for cut in range(match.start() + MAX_RUN_CHARS, match.end(), MAX_RUN_CHARS)]
    if not cuts:
        return [text]
    edges = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(edges, edges[1:])]


#: Guards :func:`_for_mecab`'s shortcut should the table ever gain a printable character.
_PRINTABLE_MECAB_SPACES = any(chr(code).isprintable() for code in MECAB_SPACES)


def _for_mecab(text: str) -> str:
    """``text`` with :data:`MECAB_SPACES` made plain spaces.  Every one of
    them is non-printable, so printable text (nearly all of it) skips the
    translation, which costs more than a tenth of the tagging time."""
    if text.isprintable() and not _PRINTABLE_MECAB_SPACES:
        return text
    return text.translate(MECAB_SPACES)


def japanese_columns(text: str) -> TokenColumns:
    """Tokens with offsets into ``text`` (before the merge pass).

    MeCab reads C strings, so text is tagged line by line and NUL characters
    (which would end the string early) are skipped; lines longer than
    :data:`MAX_SEGMENT_CHARS` are tagged in pieces (:func:`split_long`), and
    MeCab sees :data:`MECAB_SPACES` as plain spaces (same length: offsets hold)."""
    tokens = TokenColumns()
    offset = 0
    for line in text.splitlines(keepends=True):
        for piece in line.split("\x00"):
            for chunk in split_long(piece):
                if chunk.strip():
                    tag_segment(_for_mecab(chunk), offset, tokens)
                offset += len(chunk)
            offset += 1  # the NUL after this piece
        offset -= 1  # ... of which the line's last piece has none
    return tokens


def tokenize_japanese_raw(text: str) -> list[Token]:
    """Raw MeCab tokens with offsets into ``text`` (before the merge pass)."""
    return [Token(*row[:6]) for row in japanese_columns(text).rows()]
