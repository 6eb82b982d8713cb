"""Build ``reports/index.html``: one card per notebook, linking its HTML report.

``make run`` leaves a folder of executed notebooks and their HTML renderings;
a researcher opening ``reports/`` wants one page that says what each notebook
is about and shows its main figure, without opening every file.  The page is
static, uses relative links only (so the folder can be zipped, mailed or served
from anywhere) and is byte-identical across runs on the same inputs (no
timestamps), so regenerating it never shows up as a spurious change.

Run it as ``python -m newskit.notebook.report [--reports DIR] [--notebooks DIR] [--html]``;
``--html`` first writes the HTML of every executed notebook in the folder
(:func:`export_html`), with a font stack that falls back to CJK fonts, so
Chinese characters outside the Japanese JIS sets (智东西) render in the tables
on machines whose Japanese font lacks them.
"""

from __future__ import annotations

import argparse
import base64
import html
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import nbformat

from newskit import config
from newskit.errors import CorpusError
from newskit.io.tables import write_atomic

__all__ = ["CJK_FONTS", "FONT_STACK", "NOTEBOOK_STYLE", "NotebookCard", "build_report_index", "export_html", "find_thumbnail", "main",
           "read_title_and_summary"]

#: CJK fonts after the Latin ones: Japanese first, then Chinese and Korean
#: fonts that also carry the characters JIS lacks (Noto Sans CJK is Debian's
#: fonts-noto-cjk); each glyph comes from the first font that has it.
CJK_FONTS = ('"Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", Meiryo, "IPAexGothic", "IPAGothic", '
             '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
             '"WenQuanYi Zen Hei", "Noto Sans CJK KR"')
#: The page font of the index and of every notebook's HTML.
FONT_STACK = f'system-ui, -apple-system, "Segoe UI", "Noto Sans", {CJK_FONTS}, sans-serif'
#: Set in every exported notebook after JupyterLab's theme (its own font variables).
NOTEBOOK_STYLE = (f'<style>:root {{ --jp-ui-font-family: {FONT_STACK}; --jp-content-font-family: {FONT_STACK}; '
                  f'--jp-code-font-family: menlo, consolas, "DejaVu Sans Mono", {CJK_FONTS}, monospace; }}</style>')

#: Notebooks that belong in the report: ``NN-kebab-name.ipynb`` in the folder.
NOTEBOOK_PATTERN = re.compile(r"^\d\d-.+\.ipynb$")

#: Summaries longer than this are cut to their first sentence (then truncated).
MAX_SUMMARY_CHARS = 240

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
_FENCE = re.compile(r"^\s*(```|~~~)")
_NOT_PROSE = re.compile(r"^\s*(#|!\[|<|\||[-*+]\s|\d+\.\s|>|```|~~~|\$\$)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")


@dataclass(frozen=True)
class NotebookCard:
    """What the index shows for one notebook (paths relative to reports/)."""

    stem: str
    title: str
    summary: str
    report_href: str
    report_exists: bool
    thumbnail_href: str | None


def _markdown_cells(nb: nbformat.NotebookNode) -> list[str]:
    """Sources of the markdown cells, in order (``source`` may be a list in
    hand-written files, so normalise to one string)."""
    sources = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            sources.append("".join(source) if isinstance(source, list) else source)
    return sources


def _title_and_rest(source: str) -> tuple[str, list[str]] | None:
    """Find the first level-1 ``# `` heading outside code fences; return its
    text and the lines after it, or None when there is none.  Fences are skipped
    because a ``# comment`` in a fenced code block is not a heading."""
    lines = source.splitlines()
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and line.startswith("# ") and line[2:].strip():
            return line[2:].strip().rstrip("#").strip(), lines[index + 1 :]
    return None


def _plain(text: str) -> str:
    """Drop the inline markdown a summary line commonly carries (links, emphasis,
    code ticks) so the index shows readable text, not markup."""
    return _EMPHASIS.sub("", _LINK.sub(r"\1", text)).strip()


def _shorten(paragraph: str) -> str:
    """Keep a long paragraph to its first sentence, and anything still too long
    to ``MAX_SUMMARY_CHARS``: the index wants one line, not the introduction."""
    if len(paragraph) <= MAX_SUMMARY_CHARS:
        return paragraph
    first = _SENTENCE_END.split(paragraph, maxsplit=1)[0].strip()
    if len(first) <= MAX_SUMMARY_CHARS:
        return first
    return first[: MAX_SUMMARY_CHARS - 1].rstrip() + "…"


def _first_paragraph(lines: list[str]) -> str:
    """The first paragraph of prose (not a heading, list, table, image, quote,
    HTML or code block) in ``lines``, joined to one line; "" when there is none."""
    paragraphs: list[list[str]] = [[]]
    in_fence = False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
            paragraphs.append([])
        elif in_fence or not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
        elif line.lstrip().startswith("#"):  # a heading is a block of its own
            paragraphs.extend([[line.strip()], []])
        else:
            paragraphs[-1].append(line.strip())
    for paragraph in paragraphs:
        if paragraph and not _NOT_PROSE.match(paragraph[0]):
            return _shorten(_plain(" ".join(paragraph)))
    return ""


def read_title_and_summary(notebook: Path) -> tuple[str, str]:
    """Return the notebook's title (its first ``# `` heading) and a one-line
    summary (the first prose paragraph after the title, in the same cell).

    Raises CorpusError when the file is not a readable notebook or has no
    title, because an untitled card would leave the reader guessing."""
    try:
        nb = nbformat.read(notebook, as_version=4)
    except (OSError, ValueError, nbformat.reader.NotJSONError) as err:
        raise CorpusError(notebook, f"cannot read the notebook: {err}") from err
    for source in _markdown_cells(nb):
        found = _title_and_rest(source)
        if found is not None:
            title, rest = found
            return title, _first_paragraph(rest)
    raise CorpusError(notebook, "no '# ' title heading in any markdown cell")


def _first_embedded_png(executed: Path) -> bytes | None:
    """The first ``image/png`` output of an executed notebook, decoded; None
    when the notebook has not been run or shows no PNG figure."""
    if not executed.is_file():
        return None
    try:
        nb = nbformat.read(executed, as_version=4)
    except (OSError, ValueError, nbformat.reader.NotJSONError) as err:
        raise CorpusError(executed, f"cannot read the executed notebook: {err}") from err
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data", {}).get("image/png")
            if data:
                text = "".join(data) if isinstance(data, list) else data
                return base64.b64decode(text)
    return None


def find_thumbnail(reports_dir: Path, stem: str) -> Path | None:
    """Pick the notebook's main figure: the first (by name) PNG in
    ``reports/figures/`` named ``NN-*.png``, else the first PNG embedded in the
    executed notebook, saved as ``reports/figures/NN-thumbnail.png``.

    Saved figures win because notebooks save on purpose the figure they consider
    main; the generated thumbnail is excluded from that search so a stale one
    from an earlier run never shadows the embedded figure of this run."""
    prefix = stem[:3]  # "NN-"
    figures = reports_dir / "figures"
    thumbnail = figures / f"{prefix}thumbnail.png"
    if figures.is_dir():
        saved = sorted(
            p
            for p in figures.glob(f"{prefix}*.png")
            if p.is_file() and p.name != thumbnail.name
        )
        if saved:
            return saved[0]
    png = _first_embedded_png(reports_dir / f"{stem}.ipynb")
    if png is None:
        return None
    if not thumbnail.is_file() or thumbnail.read_bytes() != png:
        write_atomic(thumbnail, png)
    return thumbnail


def _href(target: Path, base: Path) -> str:
    """A URL-quoted link to ``target`` relative to ``base`` (POSIX separators),
    so the report folder keeps working after it is moved or zipped."""
    return quote(Path(os.path.relpath(target, base)).as_posix())


def _collect_cards(reports_dir: Path, notebooks_dir: Path) -> list[NotebookCard]:
    """One card per ``NN-*.ipynb`` in ``notebooks_dir``, sorted by file name
    (the ``NN`` prefix is the reading order)."""
    notebooks = sorted(
        p for p in notebooks_dir.glob("*.ipynb") if NOTEBOOK_PATTERN.match(p.name)
    )
    cards = []
    for notebook in notebooks:
        title, summary = read_title_and_summary(notebook)
        report = reports_dir / f"{notebook.stem}.html"
        thumb = find_thumbnail(reports_dir, notebook.stem)
        cards.append(
            NotebookCard(
                stem=notebook.stem,
                title=title,
                summary=summary,
                report_href=_href(report, reports_dir),
                report_exists=report.is_file(),
                thumbnail_href=None if thumb is None else _href(thumb, reports_dir),
            )
        )
    return cards


_CSS = """
  :root { color-scheme: light dark; --fg: #1d1d1f; --muted: #5f6368; --bg: #fafafa;
          --card: #ffffff; --line: #dadce0; --link: #0b57d0; }
  @media (prefers-color-scheme: dark) {
    :root { --fg: #e8eaed; --muted: #9aa0a6; --bg: #202124; --card: #2d2e31;
            --line: #3c4043; --link: #8ab4f8; } }
  * { box-sizing: border-box; }
  body { margin: 0 auto; max-width: 60rem; padding: 2rem 1rem; background: var(--bg);
         color: var(--fg); line-height: 1.5;
         font-family: FONT_STACK; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  .lead { color: var(--muted); margin: 0 0 1.5rem; }
  ol { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; }
  li { display: grid; grid-template-columns: 12rem 1fr; gap: 1rem; align-items: start;
       background: var(--card); border: 1px solid var(--line); border-radius: .5rem;
       padding: 1rem; }
  @media (max-width: 40rem) { li { grid-template-columns: 1fr; } }
  .thumb { display: block; width: 12rem; max-width: 100%; aspect-ratio: 4 / 3;
           object-fit: contain; background: #fff; border: 1px solid var(--line);
           border-radius: .25rem; }
  .nothumb { display: grid; place-items: center; color: var(--muted); font-size: .85rem; }
  h2 { font-size: 1.15rem; margin: 0 0 .35rem; }
  .num { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: .35rem; }
  a { color: var(--link); }
  p { margin: 0 0 .5rem; }
  .file, .missing { color: var(--muted); font-size: .85rem; }
  code { font-size: .9em; }
"""


def export_html(executed: Path) -> Path:
    """Write ``NN-name.html`` beside the executed notebook ``NN-name.ipynb``
    (nbconvert's lab template, with :data:`NOTEBOOK_STYLE` in its head, widgets
    shown as their static fallback) and return its path."""
    from nbconvert import HTMLExporter  # noqa: PLC0415 - heavy, only needed here

    nb = nbformat.read(executed, as_version=4)
    # A stored widget state makes nbconvert render live widgets, which need a
    # script from a CDN; without it every widget output falls back to the
    # static HTML it carries (the KWIC explorer's result table).
    nb.metadata.pop("widgets", None)
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    target = Path(executed).with_suffix(".html")
    write_atomic(target, body.replace("</head>", f"{NOTEBOOK_STYLE}\n</head>", 1).encode("utf-8"))
    return target


def _render_card(card: NotebookCard) -> str:
    """HTML for one notebook; every piece of text is escaped because titles and
    summaries come from notebooks that anyone may have written."""
    esc = html.escape
    number, _, _ = card.stem.partition("-")
    if card.thumbnail_href is not None:
        thumb = (
            f'<a href="{esc(card.report_href)}"><img class="thumb" '
            f'src="{esc(card.thumbnail_href)}" alt="{esc("Main figure of " + card.title)}" '
            f'loading="lazy"></a>'
        )
    else:
        thumb = '<div class="thumb nothumb">no figure</div>'
    missing = (
        ""
        if card.report_exists
        else '\n      <p class="missing">Not rendered yet: run <code>make run</code>.</p>'
    )
    summary = f"\n      <p>{esc(card.summary)}</p>" if card.summary else ""
    return (
        f"  <li>\n    {thumb}\n    <div>\n"
        f'      <h2><span class="num">{esc(number)}</span>'
        f'<a href="{esc(card.report_href)}">{esc(card.title)}</a></h2>'
        f"{summary}{missing}\n"
        f'      <p class="file">{esc(card.stem)}.ipynb</p>\n'
        f"    </div>\n  </li>\n"
    )


def _render_index(cards: list[NotebookCard]) -> str:
    """The whole page.  No timestamps or absolute paths: identical inputs must
    give identical bytes so reruns do not churn."""
    body = "".join(_render_card(card) for card in cards)
    if not cards:
        body = '  <li><p class="missing">No notebooks found.</p></li>\n'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>newskit reports</title>\n"
        f"<style>{_CSS.replace('FONT_STACK', FONT_STACK)}</style>\n"
        "</head>\n<body>\n"
        "<h1>newskit reports</h1>\n"
        '<p class="lead">Executed notebooks of the multilingual news-article kit, '
        "in reading order. Click a title for the full report.</p>\n"
        f"<ol>\n{body}</ol>\n"
        "</body>\n</html>\n"
    )


def build_report_index(reports_dir: Path, notebooks_dir: Path) -> Path:
    """Write ``reports_dir/index.html`` for the notebooks in ``notebooks_dir``
    and return its path.  Thumbnails embedded in executed notebooks are written
    to ``reports_dir/figures/NN-thumbnail.png`` as a side effect.

    Raises CorpusError when a notebook is unreadable or has no ``# `` title."""
    reports_dir = Path(reports_dir)
    notebooks_dir = Path(notebooks_dir)
    if not notebooks_dir.is_dir():
        raise CorpusError(notebooks_dir, "notebooks folder does not exist")
    cards = _collect_cards(reports_dir, notebooks_dir)
    index = reports_dir / "index.html"
    write_atomic(index, _render_index(cards).encode("utf-8"))
    return index


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point used by ``make run``; defaults follow
    ``newskit.config`` so it works from any folder inside the repository."""
    parser = argparse.ArgumentParser(
        prog="python -m newskit.notebook.report",
        description="Write reports/index.html linking every executed notebook.",
    )
    parser.add_argument("--reports", type=Path, default=None, help="reports folder")
    parser.add_argument("--notebooks", type=Path, default=None, help="notebooks folder")
    parser.add_argument("--html", action="store_true", help="first write the HTML of every executed notebook")
    args = parser.parse_args(argv)
    reports = args.reports or config.reports_dir()
    notebooks = args.notebooks or config.find_project_root() / "notebooks"
    try:
        if args.html:
            for executed in sorted(p for p in Path(reports).glob("*.ipynb") if NOTEBOOK_PATTERN.match(p.name)):
                print(f"wrote {export_html(executed)}")
        index = build_report_index(reports, notebooks)
    except CorpusError as err:
        print(f"newskit.notebook.report: error: {err}", file=sys.stderr)
        return 1
    print(f"wrote {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
