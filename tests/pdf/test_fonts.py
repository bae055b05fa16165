"""The bundled fonts: registered under aliases, the italic cuts parsed only when used."""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

from workbook.pdf import fonts


def test_italic_markup_loads_and_embeds_the_italic_cut() -> None:
    fonts.register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, invariant=1)
    document.build([Paragraph("plain <i>italic</i> <b><i>both</i></b>",
                              ParagraphStyle("p", fontName=fonts.BODY))])
    pdf = buffer.getvalue()
    assert b"Andika-Italic" in pdf
    assert b"Andika-BoldItalic" in pdf
    # Once used, the registry holds the real font, not the stand-in.
    assert type(pdfmetrics.getFont(fonts.BODY_ITALIC)) is fonts.SubsetFont


def test_every_alias_measures_text() -> None:
    fonts.register_fonts()
    for face in fonts.BODY_FACES:
        assert pdfmetrics.stringWidth("Recovery", face.alias, 12) > 30


SAMPLES = [
    "plain ASCII words",
    "Nguyễn Thị Minh Khai, naïve café — “quotes” and 50 % off",
    "no\u00a0break\u00a0space (503)\u00a0555-0100",
    "",
    "王小明 not in the body face",  # characters the face lacks encode as 0
    "Ǆ ǅ ǆ Ḁ ḁ ẞ Ω ω Ж ж ❤",
]


def _encoded(font_class: type, texts: list[str]) -> list[list[tuple[int, bytes]]]:
    """What a fresh document's subsets make of `texts`, in order (twice, to use the table)."""
    fonts.register_fonts()
    font = font_class(f"probe-{font_class.__name__}", fonts.font_path("Andika-Regular.ttf"))
    doc = object.__new__(type("Doc", (), {}))
    return [font.splitString(text, doc) for text in texts + texts]


def test_the_fast_encoder_gives_reportlabs_bytes() -> None:
    # The fast path must give what ReportLab's own encoder gives, character for
    # character, first time and again, including new characters met later.
    texts = SAMPLES + [chr(c) * 3 for c in range(0x100, 0x260)] + SAMPLES
    assert _encoded(fonts.SubsetFont, texts) == _encoded(TTFont, texts)


def test_the_fast_encoder_keeps_no_characters_between_documents() -> None:
    fonts.register_fonts()
    font = fonts.SubsetFont("probe-docs", fonts.font_path("Andika-Regular.ttf"))
    first = object.__new__(type("Doc", (), {}))
    font.splitString("Zoë Ångström", first)
    second = object.__new__(type("Doc", (), {}))
    font.splitString("plain", second)
    # Each document's codes (and the table built from them) are its own.
    table = fonts._first_subset(font.state[second])
    assert all(table[ord(char)] == fonts._UNASSIGNED for char in "ëÅö")
    assert font.splitString("ë", second) == [(0, b"\x01")]  # the second document's first code
