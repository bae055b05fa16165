"""The ToUnicode map: emoji outside the Basic Multilingual Plane copy out as text."""

from __future__ import annotations

from workbook.pdf.tounicode import make_to_unicode_cmap, utf16_hex


def test_emoji_get_utf16_surrogates_in_the_tounicode_map() -> None:
    assert utf16_hex(0x1F331) == "D83CDF31"
    assert utf16_hex(0x4E2D) == "4E2D"
    cmap = make_to_unicode_cmap("F", [0x41, 0x1F331])
    assert "<00> <0041>" in cmap and "<01> <D83CDF31>" in cmap and "1F331" not in cmap
