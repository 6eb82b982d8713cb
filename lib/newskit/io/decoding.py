"""Read article files of any common encoding into clean ``str``, or fail loudly.

Researchers collect articles from web pages, Word exports and old Japanese
archives: UTF-8 with or without BOM, UTF-16, Shift_JIS/CP932, EUC-JP,
Latin-1/CP1252.  Decoding with the wrong codec garbles text *silently*, which
is worse than a crash, so this module only accepts a decoding it can justify:

1. a byte-order mark (UTF-8/16/32) is authoritative;
2. strict UTF-8 (the overwhelmingly common case, and unambiguous); a file
   that is UTF-8 apart from a few bad bytes is an error, not a legacy file;
3. otherwise charset-normalizer, restricted to the legacy codecs that make
   sense for the declared language (so German CP1252 is never read as
   Shift_JIS), and the result must decode strictly.  A document whose
   language is not declared (``auto``) takes the codecs of the script
   charset-normalizer sees in the whole file (Japanese or Latin).

Empty, whitespace-only and binary files (NUL bytes, PNG/ZIP/PDF signatures)
raise :class:`~newskit.errors.CorpusError` naming the file.  Line ends are
normalised to ``\\n``; nothing else about the text is changed.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from newskit.errors import CorpusError
from newskit.io.reading import read_checked
from newskit.lang import check_language
from newskit.lang.codes import AUTO
from newskit.lang.script import MIN_SCRIPT_SHARE, count_scripts

__all__ = [
    "decode_bytes", "finish_decoded", "normalise_newlines", "read_file_bytes", "read_text",
]

#: Byte-order marks, longest first (UTF-32-LE starts with the UTF-16-LE BOM).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: File signatures of common binary formats that end up in article folders.
BINARY_SIGNATURES: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"%PDF-": "a PDF document",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
}

#: A file that is not valid UTF-8 but whose non-ASCII bytes still form at
#: least this many valid UTF-8 characters per invalid byte is damaged UTF-8,
#: not a legacy encoding.  Measured on the seed articles: CP932 and EUC-JP
#: give 0.2-0.4 valid sequences per invalid byte, CP1252/Latin-1 German 0.
DAMAGED_UTF8_RATIO = 4
INVALID_BYTE_RE = re.compile("[\udc80-\udcff]")
NON_ASCII_RE = re.compile("[^\x00-\x7f\udc80-\udcff]")
#: Codecs that mean "Japanese" when charset-normalizer picks one for a file
#: of unknown language (the Japanese legacy codecs are then tried).
JAPANESE_CODECS = frozenset({"cp932", "shift_jis", "euc_jp", "iso2022_jp", "shift_jis_2004", "euc_jis_2004"})

def _detect_binary(data: bytes) -> str | None:
    """Name the binary format of ``data`` (or ``None`` when it looks like text).

    NUL bytes only count as binary when no UTF-16/32 BOM explains them."""
    for signature, name in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return name
    if b"\x00" in data and not any(data.startswith(bom) for bom, _ in BOMS):
        return "binary data (it contains NUL bytes)"
    return None


def decode_bytes(data: bytes, lang: str, path: str | Path | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; see the module docstring
    for the order of evidence.  ``path`` only serves the error message."""
    binary = _detect_binary(data)
    if binary:
        raise CorpusError(path, f"is not a text file: it looks like {binary}")
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_strict(data, codec, path), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        _check_damaged_utf8(data, exc, path)
    return _decode_legacy(data, _guess_script_language(data) if lang == AUTO else lang, path)


def _guess_script_language(data: bytes) -> str:
    """``"ja"`` when charset-normalizer reads undeclared legacy bytes as a
    Japanese codec, else ``"en"`` (whose codecs are the Latin-script ones)."""
    best = from_bytes(data[:65536]).best()
    return "ja" if best is not None and best.encoding in JAPANESE_CODECS else "en"


def _check_damaged_utf8(data: bytes, error: UnicodeDecodeError, path: str | Path | None) -> None:
    """Raise when ``data`` is UTF-8 with a few bad bytes (a stray Latin-1
    byte, a file cut off mid-character): a legacy codec would "succeed" and
    turn every ä into Ã¤, silently.  Legacy text is told apart by how few of
    its non-ASCII bytes happen to form valid UTF-8 (see
    :data:`DAMAGED_UTF8_RATIO`)."""
    text = data.decode("utf-8", "surrogateescape")  # each bad byte -> one U+DC80..U+DCFF
    invalid = len(INVALID_BYTE_RE.findall(text))
    valid = len(NON_ASCII_RE.findall(text))
    if valid >= DAMAGED_UTF8_RATIO * invalid:
        raise CorpusError(
            path,
            f"is UTF-8 except for {invalid} invalid byte(s), the first at byte {error.start} "
            f"({error.reason}); reading it in another encoding would garble every accented or "
            f"Japanese character: repair those bytes or re-save the file as UTF-8",
        )


def _decode_legacy(data: bytes, lang: str, path: str | Path | None) -> tuple[str, str]:
    """Decode non-UTF-8 bytes with a legacy codec suited to ``lang``.

    charset-normalizer's verdict is taken when it has one; it gives up on
    short texts with vendor characters (CP932's ①), so then every candidate
    codec that decodes strictly is scored by the share of letters in the
    language's own script, and the best one wins.  Half-width katakana
    garbage (EUC-JP bytes read as CP932) scores zero."""
    profile = check_language(lang, path)
    candidates = profile.legacy_codecs
    best = from_bytes(data, cp_isolation=list(candidates) or None).best()
    if best is not None:
        return _decode_strict(data, best.encoding, path), best.encoding
    scored = []
    for rank, codec in enumerate(candidates):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        japanese, latin = count_scripts(text)
        own = japanese if profile.script == "japanese" else latin
        scored.append((own / max(japanese + latin, 1), -rank, codec, text))
    if not scored or max(scored)[0] < MIN_SCRIPT_SHARE:
        raise CorpusError(
            path,
            f"cannot tell its text encoding (it is not UTF-8, and none of "
            f"{', '.join(candidates) or 'the known codecs'} fits); re-save it as UTF-8",
        )
    _, _, codec, text = max(scored)
    return text, codec


def _decode_strict(data: bytes, codec: str, path: str | Path | None) -> str:
    """Decode with ``codec`` refusing replacement characters: a wrong guess
    must fail here rather than garble the corpus."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise CorpusError(
            path, f"is not valid {codec} (byte {exc.start}: {exc.reason}); re-save it as UTF-8"
        ) from None


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR line ends into ``\\n`` (old Mac and Windows files)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str | Path, lang: str, *, root: str | Path | None = None) -> tuple[str, str]:
    """Read an article file: returns ``(text, encoding)`` with ``\\n`` line ends.

    With ``root`` (the corpus folder), the file's real path must lie inside
    it.  Raises :class:`CorpusError` for a missing, unreadable, empty,
    whitespace-only, binary or oversized file, for anything but a regular
    file and for a path leading outside ``root`` (see
    :func:`newskit.io.reading.read_checked`)."""
    path = Path(path)
    text, encoding = decode_bytes(read_file_bytes(path, root=root), lang, path)
    return finish_decoded(text, path), encoding


def read_file_bytes(path: Path, *, root: str | Path | None = None) -> bytes:
    """The bytes of a file that must hold text (articles, catalogs), read by
    :func:`newskit.io.reading.read_checked` (a regular file of at most the
    size limit, inside ``root`` when given): :class:`CorpusError` when it
    cannot be read or is empty."""
    data = read_checked(path, root=root)
    if not data:
        raise CorpusError(path, "is empty (0 bytes)")
    return data


def finish_decoded(text: str, path: Path) -> str:
    """Decoded text with ``\\n`` line ends and no leading BOM; whitespace only
    is an error."""
    text = normalise_newlines(text).lstrip("\ufeff")
    if not text.strip():
        raise CorpusError(path, "contains only whitespace")
    return text
