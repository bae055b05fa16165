"""The bundled fonts: registered under aliases, the italic cuts parsed only when used."""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
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
    assert type(pdfmetrics.getFont(fonts.BODY_ITALIC)).__name__ == "TTFont"


def test_every_alias_measures_text() -> None:
    fonts.register_fonts()
    for face in fonts.BODY_FACES:
        assert pdfmetrics.stringWidth("Recovery", face.alias, 12) > 30
