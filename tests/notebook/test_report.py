"""Tests for newskit.report: the reports/index.html builder.

Fixture notebooks are built with nbformat in tmp_path, so each case states its
input in a line or two and nothing depends on the real notebooks/ folder.
"""

from __future__ import annotations

import base64
from pathlib import Path

import nbformat
import pytest

from newskit.errors import CorpusError
from newskit.notebook.report import (
    CJK_FONTS,
    NOTEBOOK_STYLE,
    build_report_index,
    export_html,
    find_thumbnail,
    main,
    read_title_and_summary,
)

# Smallest valid PNGs (1x1 px); two different ones to tell them apart.
PNG_A = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5E"
    "rkJggg=="
)
PNG_B = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5E"
    "rkJggg=="
)


def write_notebook(path: Path, *markdown: str, outputs_png: list[bytes] | None = None) -> Path:
    """A notebook with the given markdown cells and one code cell whose outputs
    are a text stream then the given PNG figures (as an executed notebook has)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(text) for text in markdown]
    code = nbformat.v4.new_code_cell("plot()")
    code.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hello\n")]
    for png in outputs_png or []:
        data = {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": "<Figure>"}
        code.outputs.append(nbformat.v4.new_output("display_data", data=data))
    nb.cells.append(code)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


TITLE_CASES = [
    # the plain case: title line, blank line, one-sentence paragraph
    pytest.param(["# Corpus overview\n\nCounts articles per language."],
                 "Corpus overview", "Counts articles per language.", id="plain"),
    # a paragraph wrapped over several lines becomes one line
    pytest.param(["# T\n\nFirst line\nsecond line."], "T", "First line second line.", id="wrapped"),
    # the paragraph may follow the title without a blank line
    pytest.param(["# T\nRight below."], "T", "Right below.", id="no-blank-line"),
    # closing hashes of an ATX heading are not part of the title
    pytest.param(["# Title ##\n\nText."], "Title", "Text.", id="closing-hashes"),
    # sub-headings, images, lists and code blocks are skipped to reach prose
    pytest.param(["# T\n\n## Data\n![fig](x.png)\n\n- a\n- b\n\n```\ncode\n```\n\nProse here."],
                 "T", "Prose here.", id="skip-non-prose"),
    # a '# comment' inside a fenced code block is not the title
    pytest.param(["```python\n# not a title\n```\n# Real title\n\nText."],
                 "Real title", "Text.", id="fenced-comment"),
    # the title may sit in a later markdown cell; its summary comes from that cell
    pytest.param(["*draft*", "# Later\n\nSummary."], "Later", "Summary.",
                 id="title-in-second-cell"),
    # only a title: the summary is empty, which is allowed
    pytest.param(["# Only a title"], "Only a title", "", id="no-summary"),
    # inline markdown (links, emphasis, code) is reduced to its text
    pytest.param(["# T\n\nSee **bold** [the docs](http://x) and `code`."],
                 "T", "See bold the docs and code.", id="inline-markdown"),
    # non-ASCII titles survive untouched
    pytest.param(["# 記事コーパスの概要\n\n日本語の記事を数える。"],
                 "記事コーパスの概要", "日本語の記事を数える。", id="japanese"),
    # a long paragraph is cut to its first sentence
    pytest.param(["# T\n\nShort first. " + "word " * 80], "T", "Short first.",
                 id="long-paragraph"),
    # ... also when the sentence ends with a Japanese full stop
    pytest.param(["# T\n\n最初の文。" + "あ" * 300], "T", "最初の文。", id="long-japanese"),
]


@pytest.mark.parametrize(("cells", "title", "summary"), TITLE_CASES)
def test_title_and_summary(tmp_path: Path, cells: list[str], title: str, summary: str) -> None:
    notebook = write_notebook(tmp_path / "01-x.ipynb", *cells)
    assert read_title_and_summary(notebook) == (title, summary)


def test_overlong_single_sentence_is_truncated(tmp_path: Path) -> None:
    # no sentence end at all: hard cut with an ellipsis, still one line
    notebook = write_notebook(tmp_path / "01-x.ipynb", "# T\n\n" + "x" * 1000)
    _, summary = read_title_and_summary(notebook)
    assert len(summary) == 240 and summary.endswith("…")


BAD_NOTEBOOK_CASES = [
    # a level-2 heading is not a title
    pytest.param(["## Not a title\n\nText."], id="level-2-only"),
    # '#Title' without a space is not a heading in CommonMark
    pytest.param(["#Title\n\nText."], id="no-space"),
    # a bare '# ' has no text
    pytest.param(["# \n\nText."], id="empty-title"),
    # no markdown at all
    pytest.param([], id="no-markdown"),
]


@pytest.mark.parametrize("cells", BAD_NOTEBOOK_CASES)
def test_missing_title_raises_corpus_error(tmp_path: Path, cells: list[str]) -> None:
    notebook = write_notebook(tmp_path / "01-x.ipynb", *cells)
    with pytest.raises(CorpusError) as info:
        read_title_and_summary(notebook)
    assert info.value.path == notebook and "title" in info.value.problem


def test_unreadable_notebook_raises_corpus_error(tmp_path: Path) -> None:
    # a truncated file (e.g. an interrupted save) names the file, not a JSON error
    notebook = tmp_path / "01-x.ipynb"
    notebook.write_text('{"cells": [', "utf-8")
    with pytest.raises(CorpusError) as info:
        read_title_and_summary(notebook)
    assert info.value.path == notebook


THUMBNAIL_CASES = [
    # saved figures win; the first by name is the main one
    pytest.param({"01-b.png": PNG_B, "01-a.png": PNG_A}, [PNG_B], "figures/01-a.png", PNG_A,
                 id="saved-figure-first-by-name"),
    # another notebook's figure is never borrowed; fall back to the embedded PNG
    pytest.param({"02-a.png": PNG_A}, [PNG_B], "figures/01-thumbnail.png", PNG_B,
                 id="other-prefix-ignored"),
    # a stale thumbnail from an earlier run is rewritten, not reused
    pytest.param({"01-thumbnail.png": PNG_A}, [PNG_B], "figures/01-thumbnail.png", PNG_B,
                 id="stale-thumbnail-refreshed"),
    # several embedded figures: the first one
    pytest.param({}, [PNG_A, PNG_B], "figures/01-thumbnail.png", PNG_A, id="first-embedded"),
    # a non-PNG file with the prefix is not a figure
    pytest.param({"01-a.svg": b"<svg/>"}, [PNG_A], "figures/01-thumbnail.png", PNG_A,
                 id="svg-ignored"),
    # nothing saved, nothing embedded: no thumbnail
    pytest.param({}, [], None, None, id="no-figure"),
]


@pytest.mark.parametrize(("saved", "embedded", "expected", "content"), THUMBNAIL_CASES)
def test_find_thumbnail(
    tmp_path: Path, saved: dict[str, bytes], embedded: list[bytes],
    expected: str | None, content: bytes | None,
) -> None:
    reports = tmp_path / "reports"
    for name, data in saved.items():
        (reports / "figures").mkdir(parents=True, exist_ok=True)
        (reports / "figures" / name).write_bytes(data)
    write_notebook(reports / "01-x.ipynb", "# T", outputs_png=embedded)
    found = find_thumbnail(reports, "01-x")
    if expected is None:
        assert found is None
    else:
        assert found == reports / expected and found.read_bytes() == content


def test_thumbnail_when_notebook_not_executed(tmp_path: Path) -> None:
    # before `make run` there is no executed copy and no figure: no crash
    assert find_thumbnail(tmp_path / "reports", "01-x") is None


def make_project(tmp_path: Path) -> tuple[Path, Path]:
    """notebooks/ with two kit notebooks (out of order on disk) and two that do
    not belong in the index; reports/ with one executed notebook and its HTML."""
    notebooks, reports = tmp_path / "notebooks", tmp_path / "reports"
    write_notebook(notebooks / "02-second.ipynb", "# Second <b>\n\nUses <tags> & 'quotes'.")
    write_notebook(notebooks / "01-first.ipynb", "# First\n\nThe first one.")
    write_notebook(notebooks / "scratch.ipynb")  # no NN- prefix: not listed
    write_notebook(notebooks / "1-short.ipynb")  # one digit: not listed
    write_notebook(reports / "01-first.ipynb", "# First", outputs_png=[PNG_A])
    (reports / "01-first.html").write_text("<html></html>", "utf-8")
    return notebooks, reports


def test_index_lists_notebooks_in_order_with_relative_links(tmp_path: Path) -> None:
    notebooks, reports = make_project(tmp_path)
    index = build_report_index(reports, notebooks)
    page = index.read_text("utf-8")
    assert index == reports / "index.html"
    assert page.index("First") < page.index("Second")
    assert 'href="01-first.html"' in page and 'href="02-second.html"' in page
    assert 'src="figures/01-thumbnail.png"' in page
    assert (reports / "figures" / "01-thumbnail.png").read_bytes() == PNG_A
    assert "scratch" not in page and "1-short" not in page
    assert str(tmp_path) not in page  # no absolute paths: the folder can move


def test_index_escapes_text_and_is_valid_boilerplate(tmp_path: Path) -> None:
    notebooks, reports = make_project(tmp_path)
    page = build_report_index(reports, notebooks).read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert '<meta charset="utf-8">' in page
    assert "Second &lt;b&gt;" in page and "Uses &lt;tags&gt; &amp; &#x27;quotes&#x27;." in page
    assert "<tags>" not in page
    # the notebook not executed yet says so instead of linking to a 404 silently
    assert page.count("Not rendered yet") == 1 and page.count("no figure") == 1


def test_index_is_byte_identical_across_runs(tmp_path: Path) -> None:
    # no timestamps: rebuilding must not change a single byte
    notebooks, reports = make_project(tmp_path)
    first = build_report_index(reports, notebooks).read_bytes()
    second = build_report_index(reports, notebooks).read_bytes()
    assert first == second


def test_index_write_leaves_no_temp_files(tmp_path: Path) -> None:
    # atomic write: the temporary file is renamed, never left behind
    notebooks, reports = make_project(tmp_path)
    build_report_index(reports, notebooks)
    build_report_index(reports, notebooks)
    leftovers = [p.name for p in reports.rglob("*") if p.name.startswith(".")]
    assert leftovers == []


def test_index_of_empty_notebooks_folder(tmp_path: Path) -> None:
    # an empty kit still gets a valid page rather than an error
    (tmp_path / "notebooks").mkdir()
    page = build_report_index(tmp_path / "reports", tmp_path / "notebooks").read_text("utf-8")
    assert "No notebooks found." in page


def test_missing_notebooks_folder_raises(tmp_path: Path) -> None:
    # a typo in --notebooks must not produce an empty index silently
    with pytest.raises(CorpusError):
        build_report_index(tmp_path / "reports", tmp_path / "nope")


def test_untitled_notebook_fails_the_whole_index(tmp_path: Path) -> None:
    # one bad notebook stops the build, and no half-made index is written
    notebooks, reports = make_project(tmp_path)
    write_notebook(notebooks / "03-untitled.ipynb", "no heading here")
    with pytest.raises(CorpusError) as info:
        build_report_index(reports, notebooks)
    assert info.value.path == notebooks / "03-untitled.ipynb"
    assert not (reports / "index.html").exists()


def test_cli_writes_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notebooks, reports = make_project(tmp_path)
    assert main(["--reports", str(reports), "--notebooks", str(notebooks)]) == 0
    assert (reports / "index.html").is_file()
    assert "index.html" in capsys.readouterr().out


def test_cli_reports_corpus_error_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # make run shows one readable line naming the file, then stops
    notebooks, reports = make_project(tmp_path)
    write_notebook(notebooks / "03-untitled.ipynb", "no heading here")
    assert main(["--reports", str(reports), "--notebooks", str(notebooks)]) == 1
    err = capsys.readouterr().err
    assert "03-untitled.ipynb" in err and "title" in err


def test_pages_name_cjk_fonts_beyond_jis(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 智东西: 东 is not in JIS, so a Japanese-only font shows a box; both pages name fonts that have it
    notebooks, reports = make_project(tmp_path)
    write_notebook(reports / "02-second.ipynb", "# Second\n\n| publisher |\n|---|\n| Zhidongxi (智东西) |")
    assert main(["--reports", str(reports), "--notebooks", str(notebooks), "--html"]) == 0
    assert "02-second.html" in capsys.readouterr().out
    index = (reports / "index.html").read_text("utf-8")
    page = (reports / "02-second.html").read_text("utf-8")
    for text in (index, page):
        assert '"Noto Sans CJK SC"' in text and "sans-serif" in text
    # the notebook's own font variables are overridden after JupyterLab's theme sets them
    assert page.index("--jp-content-font-family: system-ui") > page.index("--jp-content-font-family")
    assert "智东西" in page and page.count(NOTEBOOK_STYLE) == 1


def test_export_html_writes_beside_the_notebook(tmp_path: Path) -> None:
    executed = write_notebook(tmp_path / "reports" / "01-first.ipynb", "# First\n\nText.")
    assert export_html(executed) == tmp_path / "reports" / "01-first.html"
    assert CJK_FONTS in (tmp_path / "reports" / "01-first.html").read_text("utf-8")
