"""Helpers for tests that look inside generated PDFs (shared by every PDF suite)."""

from __future__ import annotations

import io
import itertools
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pypdf
from pydantic import BaseModel

from workbook.pdf.document import FOOTER_Y
from workbook.pdf.markup import clean

LETTER = (612.0, 792.0)
A4 = (595.2756, 841.8898)


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def extract_text(pdf: bytes) -> str:
    """All the text of the document, page after page."""
    return "\n".join(page_texts(pdf))


def _y(cm: list[float], tm: list[float]) -> float:
    return tm[4] * cm[1] + tm[5] * cm[3] + cm[5]


def body_text(pdf: bytes) -> str:
    """The text without the running footers, so a paragraph cut by a page break reads on."""
    parts: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if abs(_y(cm, tm) - FOOTER_Y) > 1.0:
            parts.append(text)

    for page in reader(pdf).pages:
        page.extract_text(visitor_text=visit)
        parts.append(PAGE_END)
    return "".join(parts)


# What `body_text` puts after each page: a line break that says where a page ends.
PAGE_END = "\n\f\n"


def squash(text: str) -> str:
    """Text as it can be compared after extraction: NFC, no whitespace at all.

    Extraction breaks lines where the layout did and drops or adds spaces
    around font changes; the words themselves must survive.
    """
    return "".join(unicodedata.normalize("NFC", text).split())


def printed_form(text: str) -> str:
    """What of `text` is expected in print: control characters dropped, squashed."""
    return squash(clean(text))


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [
        (float(page.mediabox.width), float(page.mediabox.height)) for page in reader(pdf).pages
    ]


@dataclass(frozen=True)
class FontRow:
    name: str
    type: str
    embedded: bool


def pdffonts(pdf: bytes) -> list[FontRow]:
    """The fonts `pdffonts` (poppler) lists, with whether each is embedded."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdffonts", str(path)], check=True, capture_output=True, text=True
        ).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [type...] encoding emb sub uni object ID: read from the right.
        emb = parts[-5]
        rows.append(FontRow(parts[0], parts[1], emb == "yes"))
    return rows


def plan_strings(model: BaseModel, skip: frozenset[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """Every non-blank string typed into a plan, with its field path."""
    yield from _walk(model, "", skip)


def _walk(value: object, path: str, skip: frozenset[str]) -> Iterator[tuple[str, str]]:
    if isinstance(value, Enum):
        return
    if isinstance(value, str):
        if value.strip():
            yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name in skip:
                continue
            yield from _walk(getattr(value, name), f"{path}.{name}" if path else name, skip)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]", skip)


# A piece of a string cut by a page break is at least this long (a line or more).
MIN_PIECE = 8


def found_in_order(needle: str, text: str, page_ends: frozenset[int] = frozenset()) -> bool:
    """Whether `needle` is in `text` whole, or in pieces that follow one another.

    A long answer in a table row that breaks across pages comes out of the
    extraction in pieces: the next page's table header, or the neighbouring
    cell's text, sits between them. Each piece but the last must be at least
    MIN_PIECE characters, so scattered letters never count as a match, unless
    is the first and ends exactly where a page ends (`page_ends`: offsets in
    `text`): the first words of a cell a page break cut ("☕ cảm ơn" | "(503)
    555-0142").
    """
    if needle in text:
        return True
    # The first piece may start at any of its occurrences: random plans repeat
    # phrases ("Nguyễn Thị Lan") in many fields before the one being looked for.
    if _pieces_from(needle, text, 0, 0, tries=text.count(needle[:MIN_PIECE])):
        return True
    # A cell's first words, short, closing a page (only the first piece: a
    # search of every page end for every piece would never end on 'xxxx…').
    for end in sorted(page_ends):
        for length in range(1, min(MIN_PIECE, len(needle))):
            if (text[end - length:end] == needle[:length]
                    and _pieces_from(needle, text, length, end, 3)):
                return True
    return False


def _pieces_from(needle: str, text: str, i: int, pos: int, tries: int = 12) -> bool:
    if i == len(needle):
        return True
    start = needle[i : i + MIN_PIECE]
    at = text.find(start, pos)
    for _ in range(tries):  # the earliest places the next piece could start
        if at < 0:
            return False
        length = len(start)
        while (i + length < len(needle) and at + length < len(text)
               and text[at + length] == needle[i + length]):
            length += 1
        if _pieces_from(needle, text, i + length, at + length, 3):
            return True
        at = text.find(start, at + 1)
    return False


def missing_strings(pdf: bytes, model: BaseModel, skip: frozenset[str] = frozenset()) -> list[str]:
    """Field paths whose text cannot be found in the PDF's extracted text."""
    pages = [squash(page) for page in body_text(pdf).split(PAGE_END)]
    text = "".join(pages)
    ends = frozenset(itertools.accumulate(len(page) for page in pages))
    return [
        path for path, value in plan_strings(model, skip)
        if not found_in_order(printed_form(value), text, ends)
    ]
