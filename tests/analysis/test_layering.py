"""The analysis layer never imports matplotlib (figures belong to newskit.viz)."""

from __future__ import annotations

import subprocess
import sys

from tests.builders import ROOT

#: Every module of the analysis package (a new one is checked without editing this list).
MODULES = sorted(p.stem for p in (ROOT / "lib" / "newskit" / "analysis").glob("*.py") if p.stem != "__init__")


def test_analysis_does_not_import_matplotlib() -> None:
    # a fresh interpreter: importing every analysis module (and running the
    # lazy scikit-learn imports) must leave matplotlib unloaded
    code = "; ".join([
        "import sys",
        *(f"import newskit.analysis.{name}" for name in MODULES),
        "import sklearn.decomposition, sklearn.manifold, sklearn.feature_extraction.text",
        "print('matplotlib' in sys.modules)",
    ])
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
