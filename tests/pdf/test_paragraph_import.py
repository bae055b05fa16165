"""ReportLab's paragraph module, imported with its URL pattern deferred."""

from __future__ import annotations

import re
import subprocess
import sys

from workbook.pdf.paragraph_import import DeferredPattern

URLS = ["https://example.org/help", "www.example.org", "mailto:someone@example.org", "plain words"]


def test_deferred_pattern_matches_as_the_compiled_one() -> None:
    source = r"(^(?:[a-z0-9\.\-\+]*)://)\S+"
    deferred = DeferredPattern(source, re.I)
    compiled = re.compile(source, re.I)
    for text in [*URLS, "HTTPS://EXAMPLE.ORG"]:
        got, want = deferred.match(text), compiled.match(text)
        assert (got and got.span()) == (want and want.span())
    assert deferred.pattern == source


def test_workbook_pdf_defers_only_the_url_pattern_and_restores_re_compile() -> None:
    script = """
import re
compile_before = re.compile
import workbook.pdf
import reportlab.platypus.paragraph as paragraph
from workbook.pdf.paragraph_import import DeferredPattern
assert re.compile is compile_before
assert isinstance(paragraph.uri_pat, DeferredPattern)
assert isinstance(paragraph._hy_letters_pat, re.Pattern)
print(bool(paragraph.uri_pat.match("https://example.org/help")),
      bool(paragraph.uri_pat.match("plain words")))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["True", "False"]


def test_building_loads_no_barcode_widgets() -> None:
    script = """
import sys
import workbook.pdf
from workbook.pdf.cards import qr
assert qr.encode("BEGIN:VCARD", 1).dark
print(sorted(m for m in sys.modules if m.startswith("reportlab.graphics")))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True)
    assert "reportlab.graphics.barcode" not in out.stdout
    assert "reportlab.graphics.barcode.widgets" not in out.stdout
