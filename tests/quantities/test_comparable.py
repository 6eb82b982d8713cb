"""comparable_quantity: one span in any unit compares in days; the rest as it is."""

from __future__ import annotations

import pytest

from newskit.quantities.model import comparable_quantity


@pytest.mark.parametrize("unit, value, expected", [
    # 1年半 and 18 months are the same span
    ("year-duration", 1.5, ("duration", 547.875)),
    ("month-duration", 18, ("duration", 547.875)),
    # a week is seven days, an hour a 24th of one
    ("week-duration", 2, ("duration", 14.0)),
    ("hour-duration", 12, ("duration", 0.5)),
    # currencies, percentages and bare counts keep their unit and value
    ("USD", 1.5e9, ("USD", 1.5e9)),
    ("%", 30, ("%", 30)),
    ("", 80, ("", 80)),
])
def test_comparable_quantity(unit, value, expected):
    got_unit, got_value = comparable_quantity(unit, value)
    assert got_unit == expected[0] and got_value == pytest.approx(expected[1])
