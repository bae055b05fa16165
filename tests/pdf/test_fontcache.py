"""The parsed-font cache: the same font as parsing the file, or no cache at all."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.pdf import fontcache
from workbook.pdf.fonts import SubsetFont, eager_font_files


def _plain(value: object) -> object:
    """Objects without == (ReportLab's TTEncoding) compared by type and contents."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return (type(value), _plain(vars(value)))
    return value


@pytest.fixture
def font_file(tmp_path: Path) -> Path:
    source = eager_font_files()[0]
    copy = tmp_path / source.name
    shutil.copyfile(source, copy)
    return copy


def test_a_cached_font_is_the_parsed_font(font_file: Path) -> None:
    fontcache.write_cache(font_file)
    cached = fontcache._from_cache("Body", font_file)
    parsed = fontcache.TTFont("Body", str(font_file))
    assert cached is not None
    assert _plain(fontcache._states(cached)) == _plain(fontcache._states(parsed))
    for value in (0, 1, 377, 2048):
        assert cached.face._pdfScale(value) == parsed.face._pdfScale(value)
    text = "Call Maria (503) 555-0150 — señal, Ωμέγα"
    assert cached.stringWidth(text, 11) == parsed.stringWidth(text, 11)


def test_a_missing_stale_or_broken_cache_means_parsing(font_file: Path) -> None:
    assert fontcache._from_cache("Body", font_file) is None  # none written yet
    target = fontcache.write_cache(font_file)
    target.write_bytes(b"not a pickle")
    assert fontcache._from_cache("Body", font_file) is None
    assert fontcache.load_font("Body", font_file).face.numGlyphs > 1000
    fontcache.write_cache(font_file)
    with font_file.open("ab") as stream:  # the font changed: its size no longer matches
        stream.write(b"\0\0\0\0")
    assert fontcache._from_cache("Body", font_file) is None


def test_writing_again_keeps_one_cache_file(font_file: Path) -> None:
    first = fontcache.write_cache(font_file)
    font_file.touch()  # a new modification time: a new cache name
    second = fontcache.write_cache(font_file)
    assert first != second
    assert sorted(second.parent.iterdir()) == [second]


DRAW = """
import sys
from pathlib import Path
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from workbook.pdf import fontcache
font_file = Path(sys.argv[1])
font = (fontcache._from_cache("Body", font_file) if sys.argv[2] == "cached"
        else fontcache.TTFont("Body", str(font_file)))
assert font is not None
pdfmetrics.registerFont(font)
canvas = Canvas(sys.argv[3], invariant=1)
canvas.setFont("Body", 12)
canvas.drawString(72, 720, "Call Maria (503) 555-0150 — señal, Ωμέγα, Ünïcödé")
canvas.save()
"""


def test_a_pdf_drawn_with_the_cached_font_is_byte_identical(font_file: Path,
                                                            tmp_path: Path) -> None:
    fontcache.write_cache(font_file)
    outputs = []
    for how in ("cached", "parsed"):
        out = tmp_path / f"{how}.pdf"
        subprocess.run([sys.executable, "-c", DRAW, str(font_file), how, str(out)], check=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_the_body_fonts_are_subset_fonts_cached_or_parsed(font_file: Path) -> None:
    # The fast encoder (fonts.SubsetFont) must not be lost when the font comes
    # from the cache.
    assert type(fontcache.load_font("Body", font_file, SubsetFont)) is SubsetFont  # parsed
    fontcache.write_cache(font_file)
    cached = fontcache.load_font("Body", font_file, SubsetFont)
    assert type(cached) is SubsetFont and cached.face.numGlyphs > 1000
