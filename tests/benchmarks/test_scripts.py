"""Every benchmark script still starts (its imports follow the package):
``--help`` in a fresh interpreter, nothing measured."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.builders import ROOT

SCRIPTS = sorted((ROOT / "benchmarks").glob("bench_*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_starts(script):
    result = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
