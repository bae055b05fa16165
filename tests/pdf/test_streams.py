"""Streams are compressed with zlib's fastest level, and read back whole."""

from __future__ import annotations

import re
import zlib

from pdfutil import reader

from workbook.example import example_plan
from workbook.options import RenderOptions
from workbook.pdf import build_pdf, streams


def test_every_stream_is_flate_at_the_fast_level_and_reads_back() -> None:
    plan = example_plan()
    pdf = build_pdf(plan, RenderOptions.for_plan(plan), "wallet").pdf
    found = list(re.finditer(rb"/FlateDecode \] /Length (\d+)[^>]*>>\s*stream\r?\n", pdf))
    assert len(found) >= 3  # the page, the font subsets and their character maps
    for match in found:
        data = pdf[match.end():match.end() + int(match.group(1))]
        assert zlib.compress(zlib.decompress(data), streams.LEVEL) == data
    assert "Wallet card" in (reader(pdf).pages[0].extract_text() or "")
