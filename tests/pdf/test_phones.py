"""Phone numbers in printed text: split from their notes, never broken across lines."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from workbook.geometry import break_text
from workbook.pdf.fonts import BODY, register_fonts
from workbook.pdf.phones import glue_phones, split_phone


@pytest.mark.parametrize(
    ("text", "number", "rest"),
    [("(503) 555-0142", "(503) 555-0142", ""),
     ("(503) 555-0100 ext. 214 (work line)", "(503) 555-0100 ext. 214", "(work line)"),
     ("cell: +44 20 7946 0958", "+44 20 7946 0958", "cell:"),
     ("Call or text 988", "988", "Call or text"),
     ("ask at the front desk", "ask at the front desk", "")],
)
def test_split_phone(text: str, number: str, rest: str) -> None:
    assert split_phone(text) == (number, rest)


@pytest.mark.parametrize(
    ("text", "glued"),
    [("Call (503) 555-0150 ext. 12 now", "Call (503)\u00a0555-0150 ext. 12 now"),
     ("+44 20 7946 0958", "+44\u00a020\u00a07946\u00a00958"),
     ("Court on December 15, 2026 at 9 a.m.", "Court on December 15, 2026 at 9 a.m."),
     ("Call or text 988", "Call or text 988"),
     ("no numbers here", "no numbers here")],
)
def test_the_dialable_part_is_glued_and_the_extension_is_not(text: str, glued: str) -> None:
    assert glue_phones(text) == glued


def test_a_glued_number_is_never_broken_across_lines() -> None:
    register_fonts()
    text = glue_phones("Riverside Recovery Center intake, (503) 555-0150. Ask for a visit.")
    def body_width(line: str, size: float, bold: bool) -> float:
        return float(stringWidth(line, BODY, size))

    for width in range(90, 400, 7):
        lines = [" ".join(line.replace("\u00a0", " ").split())
                 for line in break_text(text, width, 11.5, False, body_width)]
        assert any("(503) 555-0150" in line for line in lines), (width, lines)
