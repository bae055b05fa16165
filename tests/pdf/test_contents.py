"""The contents page: every part's page number is on the page, where a reader sees it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pdfplumber
from PIL import Image

from workbook.example import example_plan
from workbook.options import RenderOptions
from workbook.pdf import build_workbook
from workbook.plan import Paper

DPI = 100


def _ink(png: Path, box: tuple[float, float, float, float]) -> int:
    """Dark pixels inside `box` (points, top-left origin) of a rendered page."""
    with Image.open(png) as image:
        scale = DPI / 72
        left, top, right, bottom = (round(v * scale) for v in box)
        gray = image.convert("L")
        return sum(1 for x in range(left, right) for y in range(top, bottom)
                   if gray.getpixel((x, y)) < 128)


def test_the_page_numbers_are_drawn_not_only_extractable(tmp_path: Path) -> None:
    # The numbers are filled in when the PDF is saved; a form whose box began
    # at its origin clipped the right-aligned numbers away: text extraction
    # still found them, but a printed page showed none.
    for paper in (Paper.LETTER, Paper.A4):
        plan = example_plan()
        pdf = tmp_path / f"{paper.value}.pdf"
        pdf.write_bytes(build_workbook(plan, RenderOptions.for_plan(plan, paper=paper)).pdf)
        with pdfplumber.open(pdf) as document:
            page = document.pages[1]
            numbers = [w for w in page.extract_words() if w["text"].isdigit()
                       and w["x0"] > page.width * 0.7 and w["top"] < page.height * 0.8]
        assert len(numbers) >= 10
        subprocess.run(["pdftoppm", "-r", str(DPI), "-f", "2", "-l", "2", "-png", str(pdf),
                        str(tmp_path / paper.value)], check=True)
        png = next(tmp_path.glob(f"{paper.value}-*2.png"))
        for word in numbers:
            assert _ink(png, (word["x0"], word["top"], word["x1"], word["bottom"])) > 5, word
