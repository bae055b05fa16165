"""Lengths in PDF points, converted exactly from the units sheets are published in.

A point is 1/72 inch and an inch is exactly 25.4 mm, so every conversion is a
ratio of integers. Values are given as decimal strings ("85.60") and converted
through `Fraction`, so the only rounding is the final one to a float; a card
computed here is within 1e-12 pt of its published size.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

POINTS_PER_INCH = Fraction(72)
POINTS_PER_MM = Fraction(72 * 10, 254)  # 72 pt per 25.4 mm

# Containment and overlap tests allow this much float noise and no more.
EPSILON = 1e-6


def _exact(value: str | int | Fraction) -> Fraction:
    if isinstance(value, float):
        raise TypeError("give lengths as strings or integers, not floats")
    return Fraction(value)


def mm(value: str | int | Fraction) -> float:
    """Millimetres to points: mm("85.60") == 242.6457..."""
    return float(_exact(value) * POINTS_PER_MM)


def inch(value: str | int | Fraction) -> float:
    """Inches to points: inch("3.5") == 252.0."""
    return float(_exact(value) * POINTS_PER_INCH)


def to_mm(points: float) -> float:
    return points / float(POINTS_PER_MM)


@dataclass(frozen=True)
class Size:
    width: float
    height: float


@dataclass(frozen=True)
class Box:
    """A rectangle in page coordinates: (x, y) is the bottom-left corner, y grows upward."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def size(self) -> Size:
        return Size(self.width, self.height)

    def inset(self, by: float) -> Box:
        """The box shrunk by `by` on every side (a card's safe area)."""
        return Box(self.x + by, self.y + by, self.width - 2 * by, self.height - 2 * by)

    def contains(self, other: Box) -> bool:
        return (
            other.x >= self.x - EPSILON
            and other.y >= self.y - EPSILON
            and other.right <= self.right + EPSILON
            and other.top <= self.top + EPSILON
        )

    def overlaps(self, other: Box) -> bool:
        """True when the interiors meet; boxes that only share an edge do not overlap."""
        return (
            self.x < other.right - EPSILON
            and other.x < self.right - EPSILON
            and self.y < other.top - EPSILON
            and other.y < self.top - EPSILON
        )

    def mirrored(self, page_width: float) -> Box:
        """The box reflected left-to-right on a page (for the back of a duplex sheet)."""
        return Box(page_width - self.right, self.y, self.width, self.height)
