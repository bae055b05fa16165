"""Text runs: plain text in the body font, other scripts in their fallback fonts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.pdf.fonts import BODY, register_fonts
from workbook.pdf.markup import segments, text_width, widest

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
