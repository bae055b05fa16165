"""Text runs: plain text in the body font, other scripts in their fallback fonts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from workbook.pdf.fonts import BODY, bold_of, register_fonts
from workbook.pdf.markup import clean, segments, text_width, widest

register_fonts()


def test_ascii_text_is_one_body_run_and_other_scripts_fall_back() -> None:
    assert list(segments("Call Sam <b> & 7 p.m.")) == [(BODY, "Call Sam <b> & 7 p.m.")]
    assert list(segments("")) == []
    runs = list(segments("Lan Nguyễn 中文"))
    assert runs[0] == (BODY, "Lan Nguyễn ")
    assert runs[1][0] != BODY and runs[1][1] == "中文"


@given(st.lists(st.text(alphabet="ab Z9-\n\t\x01é(503)\u00a0", max_size=30), max_size=8),
       st.sampled_from([8.5, 10.5, 16.0]), st.booleans())
@settings(max_examples=200, deadline=None)
def test_widest_measures_as_text_width_does(texts: list[str], size: float, bold: bool) -> None:
    expected = max((text_width(t, size, bold) for t in texts), default=0.0)
    assert widest(texts, size, bold) == expected


@given(st.text(alphabet="ab Zé\u00a0ñЖΩ\u0301ễ中😀\n\t→", max_size=40),
       st.sampled_from([8.5, 16.0]), st.booleans())
@settings(max_examples=200, deadline=None)
def test_text_in_the_body_face_measures_as_its_runs_do(text: str, size: float,
                                                       bold: bool) -> None:
    # Text the body face draws whole is measured at once; the reference is run by run.
    line = clean(text).replace("\n", " ")
    expected = sum(stringWidth(run, bold_of(font) if bold else font, size)
                   for font, run in segments(line))
    assert text_width(text, size, bold) == pytest.approx(expected, rel=1e-12, abs=1e-12)
