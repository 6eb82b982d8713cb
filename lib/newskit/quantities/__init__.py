"""Quantities in news text (money, percentages, dates, counts) reduced to
one comparable form across languages."""

from newskit.quantities.extract import extract_numbers, extract_quantities, numbers_frame
from newskit.quantities.model import KINDS, UNITS, Quantity

__all__ = ["KINDS", "UNITS", "Quantity", "extract_numbers", "extract_quantities", "numbers_frame"]
