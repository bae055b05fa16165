"""Every style of the printed workbook, in one place, keyed by print size.

Two size modes exist: normal and large print (body at least 16 pt, labels and
footer at least 14 pt, headings bigger and bold, wider lines to write on).
Styles name font aliases from `fonts`, never font files. They are built once
per mode and shared by every build: building ParagraphStyles per document
costs time and gains nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from .fonts import BODY, BODY_BOLD, register_fonts

# The one palette of everything printed, the workbook and the cards: one calm
# accent colour; everything else is ink, grey and white.
ACCENT: Color = HexColor("#2E6B70")
ACCENT_TINT: Color = HexColor("#E9F2F2")  # table headers, boxes
ACCENT_SOFT: Color = HexColor("#C9DEDF")  # the cover band's line (a fill, not a rule)
# Rules a photocopy must keep: at least 3:1 against white paper.
BOX_RULE: Color = HexColor("#5F9296")  # box borders, table header rules (3.5:1)
INK: Color = HexColor("#20272B")
MUTED: Color = HexColor("#5B676E")
RULE: Color = HexColor("#808B91")  # table rules (3.5:1)
WRITE_LINE: Color = HexColor("#808B91")  # lines to write on (3.5:1)
WHITE: Color = HexColor("#FFFFFF")
CUT: Color = HexColor("#868F94")  # card outlines and cut guides: visible (3.3:1), not loud


@dataclass(frozen=True)
class Metrics:
    """Sizes that are not paragraph styles: lines to write on, boxes, rules."""

    write_spacing: float  # distance between two write-in lines
    row_height: float  # height of an empty table row to write in
    cell_pad: float  # padding inside table cells
    box_pad: float  # padding inside framed boxes
    checkbox: float  # side of a tick box
    footer_size: float
    section_gap: float  # space above a worksheet heading


@dataclass(frozen=True)
class Styles:
    """The paragraph styles and metrics of one size mode."""

    large: bool
    body: ParagraphStyle
    lead: ParagraphStyle  # section introductions
    small: ParagraphStyle  # notes, hints, dates last checked
    label: ParagraphStyle  # the label above an answer
    answer: ParagraphStyle  # the client's own words
    h1: ParagraphStyle  # section title
    kicker: ParagraphStyle  # "Part 3" above a section title
    h2: ParagraphStyle  # worksheet heading
    h3: ParagraphStyle  # sub-heading inside a worksheet
    cell: ParagraphStyle
    cell_strong: ParagraphStyle
    cell_head: ParagraphStyle
    cover_title: ParagraphStyle
    cover_name: ParagraphStyle
    cover_tagline: ParagraphStyle
    cover_facility: ParagraphStyle
    list_item: ParagraphStyle
    bullet: ParagraphStyle  # list items with a bullet or number hanging in the margin
    number: ParagraphStyle  # the big numbers in the crisis plan
    centred_small: ParagraphStyle
    right_small: ParagraphStyle
    metrics: Metrics


def _style(name: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": BODY,
        "fontSize": size,
        "leading": leading,
        "textColor": INK,
        "alignment": TA_LEFT,
        # Text in scripts without spaces (Chinese, Japanese) and pasted long
        # words must still wrap inside narrow table cells.
        "splitLongWords": 1,
        "wordWrap": None,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


@cache
def styles_for(large_print: bool) -> Styles:
    """The styles of one size mode (built once, shared, never mutated)."""
    register_fonts()
    s = 1.25 if large_print else 1.0
    # Large print follows large-print guidance for readers with low vision: body
    # (table cells too) at least 16 pt, labels and the footer at least 14 pt, and
    # no small grey type: notes and labels are set in ink.
    body = 16.0 if large_print else 11.5
    lead = body * (1.35 if large_print else 1.42)
    cell = 16.0 if large_print else 10.5
    small = 14.0 if large_print else 9.5
    muted = INK if large_print else MUTED
    metrics = Metrics(
        write_spacing=34.0 if large_print else 25.0,
        row_height=36.0 if large_print else 26.0,
        cell_pad=5.0 if large_print else 4.0,
        box_pad=12.0 if large_print else 10.0,
        checkbox=13.0 if large_print else 10.0,
        footer_size=14.0 if large_print else 8.5,
        section_gap=18.0 * s,
    )
    return Styles(
        large=large_print,
        body=_style("body", body, lead, spaceAfter=body * 0.6),
        lead=_style("lead", body, lead, spaceAfter=body * 0.6),
        small=_style("small", small, small * 1.35, textColor=muted),
        label=_style("label", small, small * 1.3, fontName=BODY_BOLD, textColor=muted,
                     spaceBefore=4 * s),
        answer=_style("answer", body, lead, spaceAfter=2 * s),
        h1=_style("h1", 25 * s, 30 * s, fontName=BODY_BOLD, textColor=ACCENT, spaceAfter=8 * s),
        kicker=_style("kicker", small, small * 1.3, fontName=BODY_BOLD, textColor=ACCENT),
        h2=_style("h2", 15.5 * s, 19 * s, fontName=BODY_BOLD, textColor=ACCENT,
                  spaceBefore=16 * s, spaceAfter=4 * s),
        h3=_style("h3", body + 0.5, lead, fontName=BODY_BOLD, spaceBefore=8 * s,
                  spaceAfter=2 * s, keepWithNext=1),
        cell=_style("cell", cell, cell * 1.32),
        cell_strong=_style("cell_strong", cell, cell * 1.32, fontName=BODY_BOLD),
        cell_head=_style("cell_head", cell, cell * 1.25, fontName=BODY_BOLD, textColor=ACCENT),
        cover_title=_style("cover_title", 38 * s, 44 * s, fontName=BODY_BOLD, textColor=ACCENT),
        cover_name=_style("cover_name", 22 * s, 28 * s, fontName=BODY_BOLD),
        cover_tagline=_style("cover_tagline", body + 2, (body + 2) * 1.4, textColor=muted),
        cover_facility=_style("cover_facility", body, lead, fontName=BODY_BOLD,
                              alignment=TA_LEFT),
        list_item=_style("list_item", body, lead, spaceAfter=3 * s),
        bullet=_style("bullet", body, lead, spaceAfter=3 * s, leftIndent=body * 1.9,
                      bulletIndent=0, bulletFontName=BODY_BOLD, bulletColor=ACCENT,
                      bulletFontSize=body),
        number=_style("number", body + 2, lead, fontName=BODY_BOLD, textColor=ACCENT,
                      alignment=TA_RIGHT),
        centred_small=_style("centred_small", small, small * 1.35, textColor=muted,
                             alignment=TA_CENTER),
        right_small=_style("right_small", small, small * 1.35, textColor=muted,
                           alignment=TA_RIGHT),
        metrics=metrics,
    )
