"""One object per notebook for everything it writes.

Every table a notebook writes goes to ``<corpus>/processed/NN-name.csv``
(with its ``.meta.json`` sidecar of tool versions) and every figure to
``figures_dir(corpus)/NN-name.png``; typing those paths in each cell is how
output ends up in the wrong place.  A notebook makes one
:class:`Outputs` in its first cell (through :func:`start`) and then writes::

    out = start("02", DATA_DIR)
    out.table(top, "top-terms", "top 10 content lemmas per document")
    out.figure(fig, "top-terms")
    out.graph(graph, "network")      # GraphML beside the network's PNG

It also tokenizes for the notebook (:meth:`Outputs.tokens`): with the token
cache on, so a series of notebooks on one corpus tokenizes it once and every
later notebook reads the cached tables.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

import networkx as nx
import pandas as pd
from matplotlib.figure import Figure

from newskit.config import figures_dir, processed_dir, resolve_data_dir
from newskit.errors import ArgumentError
from newskit.io.tables import write_atomic, write_table
from newskit.notebook.display import install_escaping_display, say
from newskit.scale.pool import shutdown_pool
from newskit.scale.tokenize import RunSettings, tokenize_corpus
from newskit.viz.fonts import use_japanese_font
from newskit.viz.save import save_figure

__all__ = ["Outputs", "start"]

_NUMBER_RE = re.compile(r"\d\d\Z")
#: Above this many documents a notebook tokenizes on every core (the workers
#: are shut down afterwards, so they do not hold memory for the rest of it).
PARALLEL_ABOVE = 2000
_NAME_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


@dataclass(frozen=True)
class Outputs:
    """Where notebook ``number`` (``"02"``) writes for the corpus in
    ``data_dir``; ``described`` is the corpus the notebook's fixed prose was
    written about (the shipped ``data`` by default)."""

    number: str
    data_dir: str | Path = "data"
    described: str | Path = "data"

    def __post_init__(self) -> None:
        if not _NUMBER_RE.match(str(self.number)):
            raise ArgumentError(f"Outputs needs the notebook's two-digit number such as '02', got {self.number!r}")

    @property
    def tables_dir(self) -> Path:
        """``<corpus>/processed``."""
        return processed_dir(self.data_dir)

    @property
    def figures_dir(self) -> Path:
        """The corpus's figures folder (see :func:`newskit.config.figures_dir`)."""
        return figures_dir(self.data_dir)

    @property
    def shipped(self) -> bool:
        """True when the corpus is the one the notebook's prose describes."""
        return resolve_data_dir(self.data_dir) == resolve_data_dir(self.described)

    def _file(self, name: str, suffix: str) -> str:
        """``NN-name.suffix``, refusing names that are not kebab-case."""
        if not _NAME_RE.match(name):
            raise ArgumentError(f"output name {name!r} must be kebab-case (lower-case letters, digits, '-')")
        return f"{self.number}-{name}{suffix}"

    def table(self, frame: pd.DataFrame, name: str, description: str, *, index: bool = False) -> pd.DataFrame:
        """Write ``frame`` as ``processed/NN-name.csv`` (+ sidecar) and return
        it, so the cell can show it; ``index=True`` keeps the index as columns.
        The CSV is spreadsheet-safe: text that would run as a formula in Excel
        (``=HYPERLINK(...)`` in a title) is written with a leading ``'``
        (:func:`newskit.io.tables.write_table`; ``read_table`` undoes it)."""
        written = frame.reset_index() if index else frame
        write_table(written, self.tables_dir / self._file(name, ".csv"), description, spreadsheet_safe=True)
        return frame

    def figure(self, fig: Figure, name: str, *, dpi: int = 150) -> Path:
        """Save ``fig`` as ``NN-name.png`` in the figures folder; returns the path."""
        return save_figure(fig, self.figures_dir / self._file(name, ".png"), dpi=dpi)

    def graph(self, graph: nx.Graph, name: str) -> Path:
        """Save ``graph`` as GraphML, ``NN-name.graphml`` in the figures folder
        beside the PNG of the same name, for Gephi or Cytoscape; written
        atomically like every output; returns the path."""
        buffer = io.BytesIO()
        nx.write_graphml(graph, buffer)
        return write_atomic(self.figures_dir / self._file(name, ".graphml"), buffer.getvalue())

    def tokens(self, corpus, **run: Unpack[RunSettings]) -> pd.DataFrame:
        """The corpus's token table (:func:`newskit.tokenize_corpus`), read
        from the token cache under ``<corpus>/processed/cache/tokens/`` when
        an earlier notebook (or run) tokenized the same text with the same
        tools, without a progress bar (it would only clutter the report),
        on every core for more than :data:`PARALLEL_ABOVE` documents; ``run``
        overrides the settings (``cache=False``, ``n_jobs=1``)."""
        parallel = "n_jobs" not in run and len(corpus.documents) > PARALLEL_ABOVE
        settings: dict = {"cache": True, "progress": False, "n_jobs": -1 if parallel else 1, **run}
        try:
            return tokenize_corpus(corpus, **settings)
        finally:
            if parallel:
                shutdown_pool()

    def corpus_note(self) -> str:
        """A one-line Markdown note when the corpus is not the shipped one:
        the notebook's fixed prose describes the articles of ``described``,
        the computed sentences and tables describe this corpus."""
        if self.shipped:
            return ""
        return (f"*Corpus: `{resolve_data_dir(self.data_dir)}`. The fixed prose of this notebook describes "
                f"the articles in `{self.described}`; the tables, figures and computed sentences describe "
                "this corpus.*")


def start(number: str, data_dir: str | Path = "data", *, described: str | Path = "data") -> Outputs:
    """Everything a notebook's first cell needs, in one call: matplotlib draws
    Japanese (:func:`newskit.viz.use_japanese_font`); tables show corpus text
    literally — every pandas Styler escapes HTML in its cell values (article
    text and catalog metadata may hold ``<script>``) and IPython shows every
    Styler with its labels escaped too (:func:`install_escaping_display`),
    and MathJax leaves table cells alone (a ``$`` in a title stays a dollar
    sign); the corpus note is shown when ``data_dir`` is not the corpus the
    prose describes, and the notebook's :class:`Outputs` is returned."""
    use_japanese_font()
    pd.set_option("styler.format.escape", "html")
    pd.set_option("styler.html.mathjax", False)
    pd.set_option("display.html.use_mathjax", False)
    install_escaping_display()
    out = Outputs(number, data_dir, described)
    say(out.corpus_note())
    return out
