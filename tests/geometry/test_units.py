"""Units: points converted exactly from inches and millimetres."""

from __future__ import annotations

import pytest

from workbook.geometry import inch, mm


def test_units_are_exact() -> None:
    assert mm("25.4") == 72
    assert inch("0.5") == 36
    assert mm(210) == pytest.approx(595.2756, abs=1e-4)
    with pytest.raises(TypeError):
        mm(85.6)  # type: ignore[arg-type]  # floats would hide rounding
