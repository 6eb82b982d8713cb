"""Sections of ``benchmarks/RESULTS.md`` that each benchmark owns.

Several benchmarks write into one Markdown file.  A benchmark's part lies
between ``<!-- KEY:begin -->`` and ``<!-- KEY:end -->``; writing a section
replaces only that block (or appends it), and a benchmark that rewrites the
whole file (``bench_tokenize.py``) carries the other marked blocks over with
:func:`keep_marked_sections`.  Plain text outside the markers belongs to
whoever rewrites the whole file.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["keep_marked_sections", "marked_sections", "replace_section", "write_section"]

_BLOCK = re.compile(r"<!-- (?P<key>[\w./=-]+):begin -->\n.*?<!-- (?P=key):end -->", re.DOTALL)


def _markers(key: str) -> tuple[str, str]:
    return f"<!-- {key}:begin -->", f"<!-- {key}:end -->"


def marked_sections(text: str) -> dict[str, str]:
    """Every marked block of ``text`` by key, markers included, in file order."""
    return {m.group("key"): m.group(0) for m in _BLOCK.finditer(text)}


def replace_section(text: str, key: str, body: str, *, after: str | None = None) -> str:
    """``text`` with the block ``key`` holding ``body``: replaced in place
    when present, else inserted after the block ``after`` (when present) or
    appended at the end."""
    begin, end = _markers(key)
    block = f"{begin}\n{body.strip()}\n{end}"
    blocks = marked_sections(text)
    if key in blocks:
        return text.replace(blocks[key], block, 1)
    if after in blocks:
        anchor = blocks[after]
        return text.replace(anchor, f"{anchor}\n\n{block}", 1)
    return (text.rstrip("\n") + "\n\n" if text.strip() else "") + block + "\n"


def write_section(path: Path, key: str, body: str, *, after: str | None = None) -> None:
    """Replace (or add) the block ``key`` of the Markdown file ``path``."""
    old = path.read_text("utf-8") if path.is_file() else ""
    path.write_text(replace_section(old, key, body, after=after), "utf-8")


def keep_marked_sections(old: str, new: str) -> str:
    """``new`` followed by the marked blocks of ``old`` that ``new`` lacks,
    so rewriting a whole report does not delete other benchmarks' sections."""
    have = marked_sections(new)
    kept = [block for key, block in marked_sections(old).items() if key not in have]
    return new if not kept else new.rstrip("\n") + "\n\n" + "\n\n".join(kept) + "\n"
