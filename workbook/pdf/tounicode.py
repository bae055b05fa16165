"""A fix for ReportLab's ToUnicode maps of characters beyond U+FFFF (emoji).

ReportLab writes each subset glyph's Unicode value as ``<%04X>``, which for
an emoji gives five hex digits (``<1F331>``): not UTF-16, so readers cannot
map those glyphs back to text (copying, searching and screen readers lose
the emoji, and text extraction warns). The PDF reference asks for UTF-16BE,
where such a character is a surrogate pair (``<D83CDF31>``). `install`
replaces the map maker with one that writes that; for every character in
the Basic Multilingual Plane the output is unchanged, byte for byte.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase import ttfonts

_original = ttfonts.makeToUnicodeCMap


def utf16_hex(codepoint: int) -> str:
    """The UTF-16BE code units of one character, as upper-case hex."""
    return chr(codepoint).encode("utf-16-be", "surrogatepass").hex().upper()


def make_to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    text: str = _original(fontname, subset)
    if all(v <= 0xFFFF for v in subset):
        return text
    wrong = {f"<{i:02X}> <{v:04X}>": f"<{i:02X}> <{utf16_hex(v)}>"
             for i, v in enumerate(subset) if v > 0xFFFF}
    return "\n".join(wrong.get(line, line) for line in text.split("\n"))


def install() -> None:
    """Use the fixed map maker for every font subset written from now on."""
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
