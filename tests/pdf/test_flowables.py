"""Write-in lines and panels: split into whole lines, fill the page, keep every part."""

from __future__ import annotations

from workbook.pdf.flowables import FillLines, Panel, WriteLines
from workbook.pdf.fonts import register_fonts
from workbook.pdf.styles import styles_for
from workbook.pdf.textblock import TextBlock

register_fonts()
STYLE = styles_for(False).cell


def test_write_lines_shrink_at_a_page_foot_and_never_carry_over() -> None:
    lines = WriteLines(10, 25)
    (first,) = lines.split(500, 130)  # 5 of 10 fit: they stay, the rest is left off
    assert first.count == 5
    assert lines.split(500, 110) == []  # 4 of 10: the lines move on whole
    assert lines.split(500, 10) == []
    many = WriteLines(60, 25)
    assert many.split(500, 600)[0].count == 24  # more than a page: never moves


def test_fill_lines_fill_the_rest_of_the_page_or_move_on() -> None:
    fill = FillLines(3, 25)
    assert fill.wrap(500, 260)[1] == 250
    assert fill.wrap(500, 60)[1] == 75  # too little room: asks for its minimum


def test_panel_splits_its_content_and_keeps_every_part() -> None:
    content = [TextBlock(f"line {i} " * 30, STYLE) for i in range(20)]
    panel = Panel(content, padding=10)
    _, height = panel.wrap(300, 1e6)
    first, rest = panel.split(300, height / 2)
    assert first.wrap(300, 1e6)[1] <= height / 2
    assert first.open_bottom and rest.open_top
    assert len(first.content) + len(rest.content) >= 20
