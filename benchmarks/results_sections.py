"""Several benchmarks share ``benchmarks/RESULTS.md``: each writes its own
section between marker comments and leaves the others as they are.

    <!-- bench-import:start -->
    ...
    <!-- bench-import:end -->

``replace_section`` puts one benchmark's section in place (appended when it
is new); ``keep_sections`` is for a benchmark that writes the file's main
text (``bench_tokenize.py``): every marked section already in the file is
carried over below it.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["keep_sections", "replace_section"]

SECTION = re.compile(r"<!-- (?P<name>[\w-]+):start -->\n.*?<!-- (?P=name):end -->\n?", re.DOTALL)


def marked(name: str, body: str) -> str:
    """``body`` between the start and end markers of ``name``."""
    return f"<!-- {name}:start -->\n{body.rstrip()}\n<!-- {name}:end -->\n"


def replace_section(path: Path, name: str, body: str) -> str:
    """Write ``body`` as the section ``name`` of ``path`` (created if missing);
    return the whole new text."""
    old = path.read_text("utf-8") if path.exists() else ""
    new_section = marked(name, body)
    found = [m for m in SECTION.finditer(old) if m.group("name") == name]
    if found:
        text = old[:found[0].start()] + new_section + old[found[0].end():]
    else:
        text = old.rstrip("\n") + ("\n\n" if old.strip() else "") + new_section
    path.write_text(text, "utf-8")
    return text


def keep_sections(path: Path, main_text: str) -> str:
    """``main_text`` followed by every marked section of the current ``path``
    that ``main_text`` does not hold itself."""
    old = path.read_text("utf-8") if path.exists() else ""
    own = {m.group("name") for m in SECTION.finditer(main_text)}
    kept = [m.group(0).rstrip("\n") + "\n" for m in SECTION.finditer(old) if m.group("name") not in own]
    return main_text.rstrip("\n") + "\n" + "".join(f"\n{section}" for section in kept)
