"""MinHash signatures and LSH banding, vectorised with numpy.

:func:`newskit.io.duplicates.find_duplicates` only needs MinHash to *propose*
pairs worth comparing in large corpora (the decision is made on the exact
shingle sets), so what matters here is speed and determinism.  datasketch
(the library phase 1 used) builds one ``MinHash`` object per document and
stores bands in Python dictionaries; for the 7,600 possible copies of the
10,000-article benchmark that took 5-7 s, and importing it 0.3-1.3 s (it
pulls in SciPy).  Here the signatures of all documents come from one array
of shingle hashes, one permutation at a time, and each band is grouped with
``numpy.unique``: the same method (Broder's min-wise hashing, bands chosen
to minimise false positives plus false negatives at the threshold, as
datasketch's ``MinHashLSH`` does), in a fraction of the time.

Hashes: CRC-32 of each shingle's UTF-8 (deterministic on every machine and
run, unlike Python's ``hash``), reduced modulo the Mersenne prime
``p = 2^31 − 1`` and permuted by ``(a·h + b) mod p`` with ``a``, ``b`` drawn
from a fixed seed (a universal hash family; ``a·h < 2^62`` never overflows
uint64 — with a larger modulus the products would not wrap and every
permutation would pick nearly the same minimum); a rare collision only
proposes a pair that the exact check then rejects.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

__all__ = ["band_layout", "candidate_pairs", "signatures"]

_PRIME = (1 << 31) - 1
#: Permutations computed at a time (memory: this many × the shingles, 8 bytes each).
_BLOCK = 8


def signatures(sets: Sequence[frozenset[str]], num_perm: int, seed: int) -> np.ndarray:
    """The MinHash signature of each non-empty set: ``(len(sets), num_perm)`` uint64."""
    hashes = [np.fromiter((zlib.crc32(s.encode("utf-8")) for s in found), dtype=np.uint64, count=len(found))
              for found in sets]
    flat = (np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.uint64)) % np.uint64(_PRIME)
    starts = np.concatenate([[0], np.cumsum([len(h) for h in hashes])[:-1]]).astype(np.int64)
    rng = np.random.RandomState(seed)
    a = rng.randint(1, _PRIME, size=num_perm).astype(np.uint64)
    b = rng.randint(0, _PRIME, size=num_perm).astype(np.uint64)
    out = np.empty((len(sets), num_perm), dtype=np.uint64)
    for first in range(0, num_perm, _BLOCK):
        block = slice(first, min(first + _BLOCK, num_perm))
        permuted = (flat[:, None] * a[None, block] + b[None, block]) % np.uint64(_PRIME)
        out[:, block] = np.minimum.reduceat(permuted, starts, axis=0)
    return out


@lru_cache(maxsize=16)
def band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows)`` with ``bands · rows ≤ num_perm`` that minimise the
    probability of missing a pair at ``threshold`` plus that of proposing one
    below it (equal weights, integrated numerically)."""
    grid = np.linspace(0, 1, 1001)
    below, above = grid[grid <= threshold], grid[grid >= threshold]
    best = (np.inf, 1, 1)
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            false_positive = _integrate(1 - (1 - below ** rows) ** bands, below)
            false_negative = _integrate((1 - above ** rows) ** bands, above)
            best = min(best, (false_positive + false_negative, bands, rows))
    return best[1], best[2]


def _integrate(values: np.ndarray, grid: np.ndarray) -> float:
    """The trapezoid rule (``numpy.trapezoid`` is numpy ≥ 2 only)."""
    return float(np.sum((values[1:] + values[:-1]) / 2 * np.diff(grid)))


def candidate_pairs(members: Sequence[int], sets: Sequence[frozenset[str]], *, threshold: float,
                    num_perm: int, seed: int) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of ``members`` (indices into ``sets``)
    whose signatures agree on at least one whole band."""
    members = np.asarray(sorted(members), dtype=np.int64)
    bands, rows = band_layout(threshold, num_perm)
    signature = signatures([sets[k] for k in members], bands * rows, seed)  # the permutations the bands use
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        keys = np.ascontiguousarray(signature[:, band * rows:(band + 1) * rows])
        _, inverse, counts = np.unique(keys, axis=0, return_inverse=True, return_counts=True)
        inverse = inverse.ravel()
        shared = np.flatnonzero(counts[inverse] > 1)
        order = shared[np.argsort(inverse[shared], kind="stable")]
        groups = np.split(order, np.flatnonzero(np.diff(inverse[order])) + 1) if len(order) else []
        for group in groups:
            ids = members[group].tolist()
            pairs.update((ids[x], ids[y]) for x in range(len(ids)) for y in range(x + 1, len(ids)))
    return pairs
