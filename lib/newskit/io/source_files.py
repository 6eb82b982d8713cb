"""Decoding and writing the files an import reads and writes.

Source files come without a declared language (a folder of saved pages, an
export), so the loader's decoder (:func:`newskit.io.decoding.decode_bytes`,
which ranks legacy codecs by the language's script) is given a language
guessed from the bytes first; BOM-less UTF-16 exports are recognised here.
"""

from __future__ import annotations

from pathlib import Path

from newskit.io.decoding import decode_bytes
from newskit.io.tables import write_atomic
from newskit.lang import supported_languages
from newskit.lang.codes import AUTO

__all__ = ["decode_source", "detect_bare_utf16", "write_file_atomic"]


def decode_source(data: bytes, lang: str, path: str | Path | None) -> tuple[str, str]:
    """Decode one source file with the loader's decoder: ``(text, encoding)``.

    ``lang`` picks the legacy codecs worth trying; when it is not a supported
    code (``auto``), charset-normalizer's guess decides between Japanese and
    Latin-script codecs.  UTF-8 and BOM-marked files never get that far."""
    bare_utf16 = detect_bare_utf16(data)
    if bare_utf16:
        try:
            return data.decode(bare_utf16).replace("\r\n", "\n").replace("\r", "\n"), bare_utf16
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: the decoder will call it binary
    text, encoding = decode_bytes(data, lang if lang in supported_languages() else AUTO, path)
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"), encoding


def detect_bare_utf16(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` for UTF-16 without a byte-order mark
    (some Windows exports): text whose every other byte is mostly NUL."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def write_file_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` through a temporary file renamed over ``path``."""
    return write_atomic(path, data)
