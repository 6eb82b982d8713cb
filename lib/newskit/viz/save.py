"""Saving figures: atomic, byte-for-byte reproducible PNGs."""

from __future__ import annotations

import io
from pathlib import Path

from matplotlib.figure import Figure

from newskit.errors import ArgumentError
from newskit.io.tables import write_atomic

__all__ = ["save_figure"]

def save_figure(fig: Figure, path: str | Path, dpi: int = 150) -> Path:
    """Write ``fig`` as PNG atomically and reproducibly; returns the path.

    Atomic: the PNG is written to a temporary file in the target folder and
    moved into place with ``os.replace``, so a crash never leaves half a file
    that a report would embed.  Reproducible: the "Software" metadata (the
    matplotlib version) is dropped and Agg writes no timestamp, so the same
    figure gives byte-identical files across runs.
    """
    target = Path(path)
    if target.suffix.lower() != ".png":
        raise ArgumentError(f"save_figure writes PNG only: {target} does not end in .png")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None}, bbox_inches="tight")
    write_atomic(target, buffer.getvalue())
    return target

