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

import importlib
import importlib.util
import itertools
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import reportlab
from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from ...options import OverflowNote
from ..phones import split_phone
from .content import ContactCard, quote


def _load_qrencoder() -> ModuleType:
    """ReportLab's QR encoder module, without running its package's `__init__`.

    Importing `reportlab.graphics.barcode.qrencoder` the usual way first runs
    `reportlab.graphics.barcode`, which imports and registers every barcode
    widget ReportLab has (USPS tables, charts, shapes): about 7 ms and a
    megabyte of every `build`, for a module that needs only `re` and
    `itertools`. The same file (and its cached bytecode) is loaded on its own.
    """
    name = "reportlab.graphics.barcode.qrencoder"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(reportlab.__file__).parent / "graphics" / "barcode" / "qrencoder.py"
    spec = importlib.util.spec_from_file_location(f"{__name__}._qrencoder", path)
    if not path.is_file() or spec is None or spec.loader is None:  # ReportLab moved it
        return importlib.import_module(name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:
    from reportlab.graphics.barcode import qrencoder
else:
    qrencoder = _load_qrencoder()

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
    # ReportLab's `make()` lays the code out nine times to score the eight
    # masks, and works out the error correction with polynomial objects, all
    # in pure Python: most of a workbook's QR cost, paid for every client
    # with new contacts (each row of a roster). Here the codewords are worked
    # out on integers, the masks scored on bit rows, and only the format and
    # version information is left to ReportLab; the symbol is the same.
    frame = _frame(version)
    unmasked = _data_rows(frame, _codewords(text, version))
    mask = best_mask(unmasked, version)
    size = len(frame.functions)
    code = qrencoder.QRCode(version, _level())
    code.moduleCount = size
    code.modules = [
        [bool(dark >> column & 1) for column in range(size)]
        for dark in (
            functions | (data ^ flips)
            for functions, data, flips in zip(
                frame.functions, unmasked, frame.flips[mask], strict=True
            )
        )
    ]
    code.setupTypeInfo(False, mask)
    if version >= 7:
        code.setupTypeNumber(False)
    return tuple(tuple(row) for row in code.modules)


def _level() -> int:
    level: int = getattr(qrencoder.QRErrorCorrectLevel, LEVEL)
    return level


def _field() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Powers of 2 and their logarithms in GF(256) as QR codes use it
    (ISO/IEC 18004, 7.5.2: x^8 + x^4 + x^3 + x^2 + 1); powers up to 509."""
    powers = [0] * 512
    logs = [0] * 256
    value = 1
    for power in range(255):
        powers[power] = powers[power + 255] = value
        logs[value] = power
        value <<= 1
        if value & 0x100:
            value ^= 0x11D
    return tuple(powers), tuple(logs)


_EXP, _LOG = _field()


def _times(a: int, b: int) -> int:
    return 0 if a == 0 or b == 0 else _EXP[_LOG[a] + _LOG[b]]


@cache
def _remainder_table(degree: int) -> tuple[int, ...]:
    """For each byte f: f times the generator polynomial of `degree`, its
    leading term dropped, as one big-endian integer of `degree` bytes."""
    generator = [1]
    for power in range(degree):  # times (x + alpha^power)
        shifted = [_times(c, _EXP[power]) for c in generator]
        generator = [a ^ b for a, b in zip([*generator, 0], [0, *shifted], strict=True)]
    return tuple(
        int.from_bytes(bytes(_times(f, c) for c in generator[1:]), "big") for f in range(256)
    )


def _error_correction(data: bytes, degree: int) -> bytes:
    """The Reed-Solomon codewords of one block: the remainder of the division
    by the generator, kept as one integer (a shift register of `degree` bytes)."""
    table = _remainder_table(degree)
    top = 8 * (degree - 1)
    mask = (1 << 8 * degree) - 1
    remainder = 0
    for byte in data:
        remainder = ((remainder << 8) & mask) ^ table[byte ^ (remainder >> top)]
    return remainder.to_bytes(degree, "big")


_PADS = (0xEC, 0x11)


def _codewords(text: str, version: int) -> bytes:
    """The symbol's codewords as ReportLab's `QRCode.createData` gives them:
    byte mode, the terminator, the padding, then the blocks' data and error
    correction interleaved (ISO/IEC 18004, 7.4 and 7.6)."""
    payload = text.encode("utf-8")
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, _level())
    capacity = sum(block.dataCount for block in blocks)
    length_bits = 8 if version < 10 else 16
    bits = (0x4 << length_bits | len(payload)) << 8 * len(payload) | int.from_bytes(payload, "big")
    count = 4 + length_bits + 8 * len(payload)
    if count > 8 * capacity:
        raise ValueError(f"{count} bits do not fit version {version}")
    terminator = min(4, 8 * capacity - count)
    bits <<= terminator
    count += terminator
    align = -count % 8
    data = (bits << align).to_bytes((count + align) // 8, "big")
    data += bytes(_PADS[n % 2] for n in range(capacity - len(data)))
    pieces: list[bytes] = []
    corrections: list[bytes] = []
    offset = 0
    for block in blocks:
        piece = data[offset:offset + block.dataCount]
        offset += block.dataCount
        pieces.append(piece)
        corrections.append(_error_correction(piece, block.totalCount - block.dataCount))
    interleaved = bytearray()
    for group in (pieces, corrections):
        for column in itertools.zip_longest(*group):
            interleaved.extend(value for value in column if value is not None)
    return bytes(interleaved)


def _data_rows(frame: _Frame, codewords: bytes) -> list[int]:
    """The codewords placed in the symbol, unmasked, as bit rows (bit j: column j)."""
    rows = [0] * len(frame.functions)
    bits = format(int.from_bytes(codewords, "big"), f"0{8 * len(codewords)}b")
    for (column, row), bit in zip(frame.positions, bits, strict=False):
        if bit == "1":
            rows[row] |= 1 << column
    return rows


_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = ("10111010000", "00001011101")


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
    # Every row and column in one string, a separator between them that ends
    # any run or pattern: two searches instead of four per line.
    text = "|".join(lines)
    runs = _RUN.findall(text)
    score = sum(map(len, runs)) - 2 * len(runs)  # 3 + (k - 5) each
    # Neither pattern can overlap itself, so counting them counts every one.
    score += 40 * sum(text.count(pattern) for pattern in _FINDER_LIKE)
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
    probe = qrencoder.QRCode(version, _level())
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


def best_mask(unmasked: Sequence[int], version: int) -> int:
    """The mask pattern with the lowest penalty, as `QRCode.getBestMaskPattern`
    chooses it: each mask scored on the whole symbol, format information light."""
    frame = _frame(version)
    size = len(frame.functions)
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
