"""The analysis layer never imports matplotlib (figures belong to newskit.viz)."""

from __future__ import annotations

import subprocess
import sys

MODULES = ["clustering", "coding", "association", "correspondence", "evenness", "dtm", "sequences", "terms",
           "topics"]


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
