"""Text runs: plain text in the body font, other scripts in their fallback fonts."""

from __future__ import annotations

from workbook.pdf.fonts import BODY, register_fonts
from workbook.pdf.markup import segments

register_fonts()


def test_ascii_text_is_one_body_run_and_other_scripts_fall_back() -> None:
    assert list(segments("Call Sam <b> & 7 p.m.")) == [(BODY, "Call Sam <b> & 7 p.m.")]
    assert list(segments("")) == []
    runs = list(segments("Lan Nguyễn 中文"))
    assert runs[0] == (BODY, "Lan Nguyễn ")
    assert runs[1][0] != BODY and runs[1][1] == "中文"
