"""Publication times: spread over the period, quieter at weekends, with busy weeks.

A researcher's first plot is articles per week; a real one has spikes (a
launch, an election, a scandal) that a rate per 1,000 tokens must not
mistake for a trend.  ``burst_share`` of the articles fall into
``burst_weeks`` randomly placed weeks.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from itertools import accumulate

__all__ = ["catalog_date", "sample_times"]

#: Relative volume Monday..Sunday.
WEEKDAY_WEIGHTS = (1.0, 1.0, 1.0, 1.0, 0.95, 0.5, 0.4)
#: Relative volume by hour of the day (UTC is good enough for the shape).
HOUR_WEIGHTS = (1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 8, 7, 7, 7, 7, 6, 6, 6, 5, 4, 3, 2, 2, 1)


def sample_times(n: int, rng: random.Random, *, start: date, end: date,
                 bursts: tuple[int, float]) -> list[datetime]:
    """``n`` publication times between ``start`` and ``end`` (inclusive), in
    random order; ``bursts = (weeks, share)``."""
    days = [start + timedelta(days=k) for k in range((end - start).days + 1)]
    weeks, share = bursts
    n_burst = round(n * share) if weeks and len(days) > 7 else 0
    chosen = rng.choices(days, cum_weights=list(accumulate(WEEKDAY_WEIGHTS[d.weekday()] for d in days)), k=n - n_burst)
    if n_burst:
        starts = rng.sample(days[:-7], min(weeks, len(days) - 7))
        for k in range(n_burst):
            chosen.append(starts[k % len(starts)] + timedelta(days=min(6, int(rng.expovariate(0.5)))))
    hours = rng.choices(range(24), weights=HOUR_WEIGHTS, k=len(chosen))
    times = [datetime(d.year, d.month, d.day, h, rng.randrange(60)) for d, h in zip(chosen, hours)]
    rng.shuffle(times)
    return times


def catalog_date(day: date, rng: random.Random, partial_share: float) -> str:
    """The ``published`` cell: an ISO date, or for ``partial_share`` of the
    rows only the month (two thirds of them) or the year, as catalogs built
    from a bibliography or a print archive have them."""
    draw = rng.random()
    if draw < partial_share * 2 / 3:
        return f"{day.year:04d}-{day.month:02d}"
    if draw < partial_share:
        return f"{day.year:04d}"
    return day.isoformat()
