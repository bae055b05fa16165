"""The contact-card sheet's QR code: the carded contacts as vCards, nothing else.

A phone camera reads the code offline and offers to save the contacts. Only
what is printed on the contact cards goes in (name, number, who they are);
never anything from the rest of the plan.

A code is kept small enough to scan from paper: at most version 15 (77 x 77
modules, about 0.5 mm each on the card). Contacts that do not fit one code
continue in a second, up to `MAX_CODES`; a contact whose vCard alone is too
big, or beyond the last code, is left off the codes and reported (its card is
still printed). Support for several vCards in one code varies between phone
apps; every app reads the first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from ...options import OverflowNote
from ..phones import split_phone
from .content import ContactCard, quote

QR_WHERE = "contact cards, QR code"
LEVEL = "L"  # 7 % error correction: a clean print, and the most room for contacts
MAX_VERSION = 15
MAX_CODES = 6
QUIET_ZONE = 4  # modules of white around the code, as the standard asks

_EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x)\s*\d+$", re.IGNORECASE)


@dataclass(frozen=True)
class VCardContact:
    name: str
    tel: str
    note: str
    path: str | None


@dataclass(frozen=True)
class QrPayload:
    text: str
    names: tuple[str, ...]
    version: int


def dialable(phone: str) -> tuple[str, str]:
    """The number a phone can dial, and the rest of the field.

    "(503) 555-0150 ext. 12, cell" -> ("(503) 555-0150", "ext. 12, cell"); ("", ...) when
    the field holds no number.
    """
    number, rest = split_phone(phone)
    if not any(c.isdigit() for c in number):
        return "", rest
    extension = _EXTENSION.search(number)
    if extension:
        rest = " ".join((extension.group(0).strip(), rest)).strip()
        number = number[: extension.start()].strip()
    return number, rest


def _escape(value: str) -> str:
    value = " ".join(value.split())
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def vcard(contact: VCardContact) -> str:
    """A vCard 3.0 with the name, the number and, optionally, a note."""
    name = _escape(contact.name)
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:;{name};;;", f"FN:{name}",
             f"TEL:{contact.tel}"]
    if contact.note.strip():
        lines.append(f"NOTE:{_escape(contact.note)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def vcard_contacts(cards: Sequence[ContactCard]) -> list[VCardContact]:
    """The carded contacts that have a number to dial, in card order."""
    contacts = []
    for card in cards:
        tel, extra = dialable(card.phone.text)
        if not tel:
            continue
        # Whatever the phone field says besides the number ("ext. 12, text first") is kept.
        note = "; ".join(part for part in (card.role.text.strip(), extra) if part)
        contacts.append(VCardContact(card.name.text.strip(), tel, note, card.name.path))
    return contacts


def _data(text: str) -> qrencoder.QR8bitByte:
    # Always byte mode (UTF-8): numeric, alphanumeric and kanji modes would
    # misread a vCard that happens to look like one of them.
    return qrencoder.QR8bitByte(text)


def version_for(text: str) -> int | None:
    """The smallest QR version up to `MAX_VERSION` holding `text`, or None."""
    data = _data(text)
    level = getattr(qrencoder.QRErrorCorrectLevel, LEVEL)
    for version in range(1, MAX_VERSION + 1):
        blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
        capacity = 8 * sum(block.dataCount for block in blocks)
        if 4 + data.getLengthBits(version) + data.bitlength <= capacity:
            return version
    return None


def qr_payloads(cards: Sequence[ContactCard]) -> tuple[list[QrPayload], list[OverflowNote]]:
    """Pack the carded contacts into as few codes as hold them."""
    payloads: list[QrPayload] = []
    notes: list[OverflowNote] = []
    current: list[VCardContact] = []

    def close() -> None:
        if current:
            text = "".join(vcard(c) for c in current)
            version = version_for(text)
            assert version is not None  # only contacts that fit were added
            payloads.append(QrPayload(text, tuple(c.name for c in current), version))
            current.clear()

    for contact in vcard_contacts(cards):
        if current and version_for("".join(vcard(c) for c in [*current, contact])):
            current.append(contact)
            continue
        close()
        if version_for(vcard(contact)) is None:
            contact = VCardContact(contact.name, contact.tel, "", contact.path)
            if version_for(vcard(contact)) is None:
                notes.append(OverflowNote(QR_WHERE, f"contact {quote(contact.name)}",
                                          "left off (too long for a QR code)", contact.path))
                continue
            notes.append(OverflowNote(QR_WHERE, f"who {quote(contact.name)} is",
                                      "left off (too long for a QR code)", contact.path))
        if len(payloads) >= MAX_CODES:
            notes.append(OverflowNote(QR_WHERE, f"contact {quote(contact.name)}",
                                      f"left off (more than {MAX_CODES} codes)", contact.path))
            continue
        current.append(contact)
    close()
    return payloads, notes


@lru_cache(maxsize=64)
def _modules(text: str, version: int) -> tuple[tuple[bool, ...], ...]:
    code = qrencoder.QRCode(version, getattr(qrencoder.QRErrorCorrectLevel, LEVEL))
    code.addData(_data(text))
    # ReportLab's `make()` lays the code out nine times to score the eight
    # masks, in pure Python: most of a workbook's QR cost. Score the masks on
    # bit rows instead (`best_mask`), then lay out the winner once.
    mask = best_mask(code)
    code._dataPosList = list(_frame(version).positions)  # ReportLab would walk them again
    code.makeImpl(False, mask)
    return tuple(tuple(bool(module) for module in row) for row in code.modules)


_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = re.compile(r"(?=10111010000|00001011101)")


def _bits(row: Sequence[bool]) -> int:
    """A row of modules as an int, bit j for column j."""
    return sum(1 << j for j, dark in enumerate(row) if dark)


def mask_penalty(rows: Sequence[int], size: int) -> int:
    """The standard's penalty score (ISO/IEC 18004, 7.8.3) of a masked symbol.

    N1: 3 + (k - 5) for each run of k >= 5 modules of one colour in a row or
    column; N2: 3 for each 2 x 2 block of one colour; N3: 40 for each
    finder-like 1:1:3:1:1 pattern with 4 light modules on one side; N4: 10 for
    each 5 % the dark share is away from half.
    """
    lines = [format(row, f"0{size}b")[::-1] for row in rows]
    lines += ["".join(column) for column in zip(*lines, strict=True)]
    score = 0
    for line in lines:
        for run in _RUN.finditer(line):
            score += 3 + run.end() - run.start() - 5
        score += 40 * len(_FINDER_LIKE.findall(line))
    pairs = (1 << (size - 1)) - 1
    full = (1 << size) - 1
    for upper, lower in itertools.pairwise(rows):
        same_down = ~(upper ^ lower) & full
        same_across = ~(upper ^ (upper >> 1)) & pairs
        score += 3 * (same_down & (same_down >> 1) & same_across).bit_count()
    dark = sum(row.bit_count() for row in rows)
    score += 10 * (abs(100 * dark // (size * size) - 50) // 5)
    return score


@dataclass(frozen=True)
class _Frame:
    """What every code of one version shares: its function patterns and data places."""

    functions: tuple[int, ...]  # dark function modules per row (format info left light)
    positions: tuple[tuple[int, int], ...]  # (column, row) of each data bit, in order
    flips: tuple[tuple[int, ...], ...]  # per mask, per row: the data modules it inverts


@lru_cache(maxsize=MAX_VERSION)
def _frame(version: int) -> _Frame:
    probe = qrencoder.QRCode(version, getattr(qrencoder.QRErrorCorrectLevel, LEVEL))
    size = probe.moduleCount = version * 4 + 17
    probe.modules = [[False] * size for _ in range(size)]
    probe.setupPositionProbePattern(0, 0)
    probe.setupPositionProbePattern(size - 7, 0)
    probe.setupPositionProbePattern(0, size - 7)
    probe.setupPositionAdjustPattern()
    probe.setupTimingPattern()
    probe.setupTypeInfo(True, 0)  # test mode: the format information stays light
    if version >= 7:
        probe.setupTypeNumber(True)
    positions = tuple(probe.dataPosIterator())
    data = [0] * size
    for column, row in positions:
        data[row] |= 1 << column
    flips = tuple(
        tuple(_mask_row(pattern, r, size) & data[r] for r in range(size)) for pattern in range(8)
    )
    return _Frame(tuple(_bits(row) for row in probe.modules), positions, flips)


# The standard's eight mask conditions (ISO/IEC 18004, table 10), row i, column j;
# the same as ReportLab's `QRUtil.getMask` (a test holds them together).
_MASKS = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i * j) % 3 + (i + j) % 2) % 2 == 0,
)


def _mask_row(pattern: int, row: int, size: int) -> int:
    """The modules `pattern` darkens in `row`, as an int: every condition repeats
    every 6 columns, so one period is worked out and repeated."""
    period = "".join("1" if _MASKS[pattern](row, j) else "0" for j in range(6))
    repeated = (period * (size // 6 + 1))[:size]
    return int(repeated[::-1], 2)


def best_mask(code: qrencoder.QRCode) -> int:
    """The mask pattern with the lowest penalty, as `QRCode.getBestMaskPattern` chooses."""
    frame = _frame(code.version)
    size = len(frame.functions)
    code.dataCache = qrencoder.QRCode.createData(code.version, code.errorCorrectLevel,
                                                 code.dataList)
    unmasked = [0] * size
    bits = code.dataBitIterator(code.dataCache)
    for (column, row), dark in zip(frame.positions, bits, strict=False):
        if dark:
            unmasked[row] |= 1 << column
    scores = [
        mask_penalty([frame.functions[r] | (unmasked[r] ^ flips[r]) for r in range(size)], size)
        for flips in frame.flips
    ]
    return scores.index(min(scores))


@lru_cache(maxsize=64)
def _unit_path(text: str, version: int) -> PDFPathObject:
    """The dark modules as one path in module units, row 0 at the top (y grows down)."""
    path = PDFPathObject()
    for row_index, row in enumerate(_modules(text, version)):
        column = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                path.rect(column, row_index, length, 1)
            column += length
    return path


def draw_qr(canv: Canvas, payload: QrPayload, x: float, y: float, size: float) -> None:
    """The code in a size x size square, quiet zone included, as one filled path.

    The matrix comes from ReportLab's QR encoder, the one `QrCodeWidget` uses;
    drawing it as one path instead of the widget's thousand shapes leaves no
    seams between modules. The path is made once per code in module units and
    placed with a transform: the live preview rebuilds the cards on every edit.
    """
    count = len(_modules(payload.text, payload.version))
    module = size / (count + 2 * QUIET_ZONE)
    canv.saveState()
    canv.translate(x + QUIET_ZONE * module, y + size - QUIET_ZONE * module)
    canv.scale(module, -module)
    canv.setFillColor(black)
    canv.drawPath(_unit_path(payload.text, payload.version), stroke=0, fill=1)
    canv.restoreState()
