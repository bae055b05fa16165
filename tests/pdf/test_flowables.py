"""Write-in lines and panels: split into whole lines, fill the page, keep every part."""

from __future__ import annotations

from workbook.pdf.flowables import FillLines, Panel, WriteLines, keep_with_next
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


class _Frame:
    """What a panel reads of the frame it is placed in."""

    def __init__(self, at_top: bool) -> None:
        self._atTop = at_top


def _pages(panel: Panel, width: float, height: float) -> list[Panel]:
    """`panel` cut into pages as a frame would (each part placed at a page top)."""
    pages: list[Panel] = []
    while panel.wrap(width, height)[1] > height + 1e-6:
        panel._frame = _Frame(at_top=True)
        parts = panel.split(width, height)
        assert len(parts) == 2, f"page {len(pages) + 1}: the panel does not split (LayoutError)"
        assert parts[0].wrap(width, height)[1] <= height + 1e-6
        pages.append(parts[0])
        panel = parts[1]
    return [*pages, panel]


def _words(panels: list[Panel]) -> list[str]:
    def visit(flowable: object) -> list[str]:
        if isinstance(flowable, Panel):
            return [w for f in flowable.content for w in visit(f)]
        assert isinstance(flowable, TextBlock)
        flowable.wrap(500, 1e6)
        return " ".join(flowable.lines or []).split()  # the lines this part draws
    return [w for p in panels for w in visit(p)]


def test_a_heading_over_a_name_taller_than_the_page_is_cut_not_refused() -> None:
    # The pathways part: a heading bound to a (heading) name bound to what
    # follows; the client's name for the pathway is longer than a page.
    st = styles_for(False)
    name = " ".join(f"word{i}" for i in range(700))
    inner = keep_with_next(TextBlock(name, st.h3), [TextBlock("A short note.", st.small)])
    outer = keep_with_next(TextBlock("Another pathway", st.h2), [inner])
    pages = _pages(outer, 500, 600)
    assert len(pages) >= 3
    # The heading starts the first page with the name under it, not alone.
    assert _words(pages[:1])[:3] == ["Another", "pathway", "word0"]
    assert _words(pages) == ["Another", "pathway", *name.split(), "A", "short", "note."]


def test_a_heading_still_moves_on_when_the_rest_of_a_page_is_short() -> None:
    st = styles_for(False)
    inner = keep_with_next(TextBlock("Name " * 30, st.h3), [TextBlock("Note.", st.small)])
    outer = keep_with_next(TextBlock("Another pathway", st.h2), [inner])
    outer._frame = _Frame(at_top=False)
    assert outer.split(500, 60) == []  # not at a page top: the pair moves on whole
