"""Every notebook on a corpus whose catalog has only ``doc_id, file, lang``.

The README promises that those three columns are all a catalog needs: each
notebook must run to the end with papermill, skip what needs a missing column
with a note (03 the translation sections, 05 the audit, 09 everything after
saying there are no dates) and fall back visibly where a parameter names a
document or a term of the shipped corpus.  Two generated corpora: five
articles (one panel per article) and thirty (more than the article cap: the
figures group by language, as ``GROUP_BY`` falls back from ``publisher``).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

from newskit.synth import generate_corpus
from tests.integration.test_papermill import output_problems, run_probed

pytestmark = pytest.mark.slow  # executes every notebook twice

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))

#: Sentences a notebook must show on a minimal catalog (prefix → snippets of its Markdown output).
EXPECTED_NOTES = {
    "03": ["declares no translation group"],
    "05": ["No translation groups", "add a column `group`"],
    "09": ["no `published` column", "No dated articles"],
}


@pytest.fixture(scope="module", params=[5, 30], ids=["5-articles", "30-articles"])
def minimal_corpus(request, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("minimal") / f"corpus-{request.param}"
    made = generate_corpus(folder, n_articles=request.param, seed=3, minimal=True)
    header = (made.root / "catalog.csv").read_text("utf-8").splitlines()[0]
    assert header == "doc_id,file,lang"
    return made.root


def markdown_outputs(nb: nbformat.NotebookNode) -> str:
    """The prose the notebook showed, as plain text: ``say`` renders its
    Markdown to (escaped) HTML, so tags and code marks are dropped."""
    parts = [
        "".join(out.get("data", {}).get(mime, ""))
        for cell in nb.cells for out in cell.get("outputs", [])
        for mime in ("text/markdown", "text/html")
    ]
    return html.unescape(re.sub(r"<[^>]+>", "", "\n".join(parts))).replace("`", "")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_notebook_runs_on_a_minimal_catalog(notebook: Path, minimal_corpus: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    executed = run_probed(notebook, str(minimal_corpus), tmp_path, monkeypatch, ROOT / "notebooks")
    assert output_problems(executed) == []
    shown = markdown_outputs(executed)
    for snippet in EXPECTED_NOTES.get(notebook.name[:2], []):
        assert snippet.replace("`", "") in shown, f"{notebook.name} does not say {snippet!r}"
    # tables and figures land beside the corpus, never in the kit
    assert (minimal_corpus / "processed").is_dir()
