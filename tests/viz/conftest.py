"""Close every figure a viz test made, so a long run does not pile them up
(the Makefile runs pytest with MPLBACKEND=Agg)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")
