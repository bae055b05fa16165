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
import operator
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import itemgetter
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


def _length_bits(version: int) -> int:
    """Bits of byte mode's character count (ISO/IEC 18004, table 3)."""
    return 8 if version < 10 else 16


@cache
def _capacities() -> tuple[int, ...]:
    """The data bits each version up to `MAX_VERSION` holds at `LEVEL` (index 0: version 1)."""
    return tuple(
        8 * sum(block.dataCount for block in qrencoder.QRRSBlock.getRSBlocks(version, _level()))
        for version in range(1, MAX_VERSION + 1)
    )


def version_for(text: str) -> int | None:
    """The smallest QR version up to `MAX_VERSION` holding `text`, or None.

    Always byte mode (UTF-8): numeric, alphanumeric and kanji modes would
    misread a vCard that happens to look like one of them.
    """
    payload_bits = 8 * len(text.encode("utf-8"))
    for version, capacity in enumerate(_capacities(), start=1):
        if 4 + _length_bits(version) + payload_bits <= capacity:
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


def _level() -> int:
    level: int = getattr(qrencoder.QRErrorCorrectLevel, LEVEL)
    return level


# --- Codewords -------------------------------------------------------------
# ReportLab's `make()` works out the error correction with polynomial objects
# and lays the code out nine times to score the eight masks, all in pure
# Python: most of a workbook's QR cost, paid for every client with new
# contacts (each row of a batch). Here the codewords are worked out on
# integers, the symbol is one integer, and the masks are scored with a few
# dozen operations on it; the symbol is the same (tests/pdf/cards/test_qr_masks.py).


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
    # Multiplying is linear over XOR ((a ^ b) * c == a * c ^ b * c): the eight
    # single-bit bytes are multiplied out and every other byte is their XOR,
    # 256 XORs instead of 256 x degree products the first time a degree is used.
    bits = {1 << k: int.from_bytes(bytes(_times(1 << k, c) for c in generator[1:]), "big")
            for k in range(8)}
    table = [0] * 256
    for f in range(1, 256):
        lowest = f & -f
        table[f] = table[f ^ lowest] ^ bits[lowest]
    return tuple(table)


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


@dataclass(frozen=True)
class _Blocks:
    """How one version at `LEVEL` splits its codewords (ISO/IEC 18004, 7.5 and 7.6)."""

    data: tuple[int, ...]  # data codewords of each block
    correction: tuple[int, ...]  # error correction codewords of each block
    # The codewords as sent, as indexes into `_block_codewords` (the blocks'
    # data one block after the other, then their error correction the same
    # way): the blocks' first data codewords in turn, then their second ones,
    # and so on, then the error correction codewords likewise.
    order: tuple[int, ...]


@lru_cache(maxsize=MAX_VERSION)
def _blocks(version: int) -> _Blocks:
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, _level())
    data = tuple(block.dataCount for block in blocks)
    correction = tuple(block.totalCount - block.dataCount for block in blocks)
    order: list[int] = []
    start = 0
    for counts in (data, correction):
        starts = list(itertools.accumulate(counts, initial=start))
        for index in range(max(counts)):
            order += [first + index for first, count in zip(starts[:-1], counts, strict=True)
                      if index < count]
        start = starts[-1]
    return _Blocks(data, correction, tuple(order))


_PADS = b"\xec\x11"  # filling the data codewords left, in turn


def _block_codewords(text: str, version: int) -> bytes:
    """The data codewords, block after block, then each block's error
    correction: byte mode, the terminator, the padding (ISO/IEC 18004, 7.4)."""
    payload = text.encode("utf-8")
    blocks = _blocks(version)
    capacity = sum(blocks.data)
    length_bits = _length_bits(version)
    bits = (0x4 << length_bits | len(payload)) << 8 * len(payload) | int.from_bytes(payload, "big")
    count = 4 + length_bits + 8 * len(payload)
    if count > 8 * capacity:
        raise ValueError(f"{count} bits do not fit version {version}")
    terminator = min(4, 8 * capacity - count)
    bits <<= terminator
    count += terminator
    align = -count % 8
    data = (bits << align).to_bytes((count + align) // 8, "big")
    data += (_PADS * capacity)[:capacity - len(data)]
    corrections: list[bytes] = []
    offset = 0
    for data_count, degree in zip(blocks.data, blocks.correction, strict=True):
        corrections.append(_error_correction(data[offset:offset + data_count], degree))
        offset += data_count
    return data + b"".join(corrections)


def _codewords(text: str, version: int) -> bytes:
    """The symbol's codewords as sent, as ReportLab's `QRCode.createData` gives
    them: the blocks interleaved."""
    return bytes(map(_block_codewords(text, version).__getitem__, _blocks(version).order))


# --- The symbol as one integer ---------------------------------------------
# Module (row, column) is bit STRIDE * row + column. One stride for every
# version, one column wider than the largest code: that column is always
# light, so a row's dark run ends at the row's end, and one table of path
# operands (`_rect_starts`) serves every version.
STRIDE = 4 * MAX_VERSION + 17 + 1


def pack(rows: Sequence[int]) -> int:
    """Rows of modules (bit j: column j) as one symbol integer."""
    return sum(row << STRIDE * index for index, row in enumerate(rows))


def _block(rows: int, columns: int) -> int:
    """The first `columns` modules of each of the first `rows` rows."""
    row = (1 << max(columns, 0)) - 1
    return pack([row] * max(rows, 0))


@dataclass(frozen=True)
class _Regions:
    """Where, in a symbol of one size, a penalty feature may start and stay inside it."""

    whole: int
    runs_across: int  # 5 modules to the right
    runs_down: int  # 5 modules down
    blocks: int  # a 2 x 2 block
    finders_across: int  # 11 modules to the right
    finders_down: int  # 11 modules down


@lru_cache(maxsize=MAX_VERSION)
def _regions(size: int) -> _Regions:
    return _Regions(_block(size, size), _block(size, size - 4), _block(size - 4, size),
                    _block(size - 1, size - 1), _block(size, size - 10),
                    _block(size - 10, size))


def _run_points(same: int, step: int, region: int) -> int:
    """N1 in one direction. `same` marks the modules equal to the next one,
    `step` bits on. A run of k >= 5 modules of one colour holds k - 4 windows
    of 5 equal modules, and scores 3 + (k - 5) = (k - 4) + 2: its windows,
    plus 2 for the first of them (no window a step before)."""
    three = same & (same >> step)  # this and the next 2 equal
    five = three & (three >> 2 * step) & region  # this and the next 4 equal
    first = five & ~(five << step)
    return five.bit_count() + 2 * first.bit_count()


def _finder_points(dark: int, light: int, step: int, region: int) -> int:
    """N3 in one direction: how many dark-light-dark-dark-dark-light-dark
    (1:1:3:1:1) patterns have 4 light modules after them, plus how many have
    4 before them. Neither 11-module pattern can overlap itself, so counting
    every start counts what the standard's left-to-right scan finds."""
    three = dark & (dark >> step) & (dark >> 2 * step)
    core = (dark & (light >> step) & (three >> 2 * step) & (light >> 5 * step)
            & (dark >> 6 * step))
    four = light & (light >> step)
    four &= four >> 2 * step  # this and the next 3 light
    after = core & (four >> 7 * step) & region
    before = four & (core >> 4 * step) & region
    return after.bit_count() + before.bit_count()


def mask_penalty(dark: int, size: int) -> int:
    """The standard's penalty score (ISO/IEC 18004, 7.8.3) of a masked symbol
    (see `pack`), rows and columns alike.

    N1: 3 + (k - 5) for each run of k >= 5 modules of one colour in a row or
    column; N2: 3 for each 2 x 2 block of one colour; N3: 40 for each
    finder-like 1:1:3:1:1 pattern with 4 light modules on one side; N4: 10 for
    each 5 % the dark share is away from half. Shifting by 1 looks along the
    rows and by STRIDE down the columns, every row or column at once.
    """
    regions = _regions(size)
    light = dark ^ regions.whole
    across = ~(dark ^ (dark >> 1)) & regions.whole  # same as the module to the right
    down = ~(dark ^ (dark >> STRIDE)) & regions.whole  # same as the module below
    score = _run_points(across, 1, regions.runs_across)
    score += _run_points(down, STRIDE, regions.runs_down)
    score += 3 * (across & down & (down >> 1) & regions.blocks).bit_count()
    score += 40 * (_finder_points(dark, light, 1, regions.finders_across)
                   + _finder_points(dark, light, STRIDE, regions.finders_down))
    score += 10 * (abs(100 * dark.bit_count() // (size * size) - 50) // 5)
    return score


@dataclass(frozen=True)
class _Frame:
    """What every code of one version shares: its function patterns and data places."""

    size: int
    codeword_bits: int
    functions: int  # dark function modules (format information left light)
    # The bits of the block codewords and a "0" -> the symbol's bits, highest
    # first: the data modules unmasked, every other module light.
    place: Callable[[str], tuple[str, ...]]
    flips: tuple[int, ...]  # per mask: the data modules it inverts
    formats: tuple[int, ...]  # per mask: the dark format (and version) modules


_AS_DIGITS = bytes.maketrans(b"\0\1", b"01")


def _from_flags(flags: bytes) -> int:
    """Flags (a byte 0 or 1 per place, place 0 first) as a symbol integer."""
    return int(flags[::-1].translate(_AS_DIGITS), 2)


def _pack_modules(modules: Sequence[Sequence[bool]]) -> int:
    """ReportLab's module matrix (lists of booleans) as a symbol integer."""
    return _from_flags(b"".join(bytes(row).ljust(STRIDE, b"\0") for row in modules))


def _function_modules(version: int) -> list[list[bool | None]]:
    """The function patterns of `version` as ReportLab lays them out, format and
    version information light; None where a data module goes."""
    probe = qrencoder.QRCode(version, _level())
    size = probe.moduleCount = version * 4 + 17
    probe.modules = [[None] * size for _ in range(size)]
    probe.setupPositionProbePattern(0, 0)
    probe.setupPositionProbePattern(size - 7, 0)
    probe.setupPositionProbePattern(0, size - 7)
    probe.setupPositionAdjustPattern()
    probe.setupTimingPattern()
    probe.setupTypeInfo(True, 0)  # test mode: the format information stays light
    if version >= 7:
        probe.setupTypeNumber(True)
    modules: list[list[bool | None]] = probe.modules
    return modules


def _data_places(modules: Sequence[Sequence[bool | None]]) -> list[int]:
    """The data modules' places in the order the codewords' bits fill them
    (ISO/IEC 18004, 7.7.3): two columns at a time from the right, up then
    down in turn, the timing column skipped, every function module passed
    over. The order of ReportLab's `dataPosIterator` (a test holds them
    together), found by one comprehension a column pair instead of a
    generator's step and checks per module: a third of the time of the first
    code of each version a process draws.
    """
    size = len(modules)
    places: list[int] = []
    upward = True
    for right in [*range(size - 1, 6, -2), *range(5, 0, -2)]:
        rows = range(size - 1, -1, -1) if upward else range(size)
        places += [STRIDE * row + column for row in rows for column in (right, right - 1)
                   if modules[row][column] is None]
        upward = not upward
    return places


@lru_cache(maxsize=MAX_VERSION)
def _frame(version: int) -> _Frame:
    modules = _function_modules(version)
    size = len(modules)
    functions = _pack_modules([[module is True for module in row] for row in modules])
    places = _data_places(modules)
    # The codewords as sent fill the data places in that order; each place
    # reads its bit straight from the blocks' codewords (no interleaving step
    # per code). The places past them (remainder bits) and every other module
    # read the "0" after them.
    order = _blocks(version).order
    bit_count = 8 * len(order)
    source = [bit_count] * (STRIDE * size)
    is_data = bytearray(STRIDE * size)
    for place in places:
        is_data[place] = 1
    bits = [8 * codeword + bit for codeword in order for bit in range(8)]
    for place, bit in zip(places[:bit_count], bits, strict=True):  # the rest keep bit_count
        source[place] = bit
    data = _from_flags(bytes(is_data))
    flips = []
    for pattern in range(8):
        # Each condition repeats every 12 rows (it reads the row modulo 2, 3,
        # 4 or 6): 12 rows worked out, not one per row.
        rows = [_mask_row(pattern, phase, size) for phase in range(MASK_PERIOD)]
        flips.append(pack([rows[row % MASK_PERIOD] for row in range(size)]) & data)
    probe = qrencoder.QRCode(version, _level())
    probe.moduleCount = size
    formats = []
    for pattern in range(8):
        probe.modules = [[False] * size for _ in range(size)]
        probe.setupTypeInfo(False, pattern)
        if version >= 7:
            probe.setupTypeNumber(False)
        formats.append(_pack_modules(probe.modules))
    return _Frame(size, bit_count, functions, itemgetter(*reversed(source)), tuple(flips),
                  tuple(formats))


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


MASK_PERIOD = 12  # rows after which every mask condition repeats


def _mask_row(pattern: int, row: int, size: int) -> int:
    """The modules `pattern` darkens in `row`, as an int: every condition repeats
    every 6 columns, so one period is worked out and repeated."""
    period = "".join("1" if _MASKS[pattern](row, j) else "0" for j in range(6))
    repeated = (period * (size // 6 + 1))[:size]
    return int(repeated[::-1], 2)


def _place(frame: _Frame, codewords: bytes) -> int:
    """The block codewords (see `_block_codewords`) in the symbol's data places, unmasked."""
    bits = format(int.from_bytes(codewords, "big"), f"0{8 * len(codewords)}b")
    return int("".join(frame.place(bits + "0")), 2)


def best_mask(unmasked: int, version: int) -> int:
    """The mask pattern with the lowest penalty, as `QRCode.getBestMaskPattern`
    chooses it: each mask scored on the whole symbol, format information light."""
    frame = _frame(version)
    scores = [mask_penalty(frame.functions | (unmasked ^ flips), frame.size)
              for flips in frame.flips]
    return scores.index(min(scores))


@dataclass(frozen=True)
class Symbol:
    """A finished code: `size` x `size` modules, dark ones set (see `pack`)."""

    size: int
    mask: int
    dark: int

    def rows(self) -> tuple[tuple[bool, ...], ...]:
        line = format(self.dark, f"0{STRIDE * self.size}b")[::-1]
        return tuple(tuple(c == "1" for c in line[STRIDE * r:STRIDE * r + self.size])
                     for r in range(self.size))


def encode(text: str, version: int) -> Symbol:
    """`text` as a QR code of `version` in byte mode at `LEVEL`, masked as the standard asks."""
    frame = _frame(version)
    codewords = _block_codewords(text, version)
    assert 8 * len(codewords) == frame.codeword_bits
    unmasked = _place(frame, codewords)
    mask = best_mask(unmasked, version)
    dark = frame.functions | frame.formats[mask] | (unmasked ^ frame.flips[mask])
    return Symbol(frame.size, mask, dark)


# --- Drawing ---------------------------------------------------------------


@cache
def _rect_starts() -> tuple[str, ...]:
    """For each module place: " column row ", a rectangle's first operands as
    `PDFPathObject.rect` writes whole numbers."""
    # Joined from the column and row strings: a third of the time of
    # formatting 6,000 pairs, paid once by the first code a process draws.
    columns = [f" {column} " for column in range(STRIDE)]
    rows = [f"{row} " for row in range(STRIDE)]
    return tuple([column + row for row in rows for column in columns])


@cache
def _rect_ends() -> tuple[str, ...]:
    """For each run length: "length 1 re", the rest of the rectangle."""
    return tuple(f"{length} 1 re" for length in range(STRIDE))


_PLACES = tuple(range(STRIDE * STRIDE))
_AS_FLAGS = bytes.maketrans(b"01", b"\0\1")


def _set_bits(value: int, width: int) -> list[int]:
    """The places of `value`'s set bits below `width`, lowest first."""
    flags = format(value, f"0{width}b")[::-1].encode("ascii").translate(_AS_FLAGS)
    return list(itertools.compress(_PLACES, flags))


def path_code(symbol: Symbol) -> str:
    """The dark modules as path operators in module units, row 0 at the top
    (y grows down): one rectangle per run of dark modules in a row, rows top to
    bottom, left to right, written as `PDFPathObject.rect` writes them.

    A version-15 code has about 1,400 runs; they are found and written by
    C loops (`compress`, `map`, `join`), not one Python step per run.
    """
    dark = symbol.dark
    # Where a run starts (light before it) and where it ends (the first light
    # module after it; the light column past each row ends every run), in turn.
    edges = _set_bits(dark ^ (dark << 1), STRIDE * symbol.size)
    starts = edges[0::2]
    lengths = map(operator.sub, edges[1::2], starts)
    tokens = [""] * len(edges)
    tokens[0::2] = map(_rect_starts().__getitem__, starts)
    tokens[1::2] = map(_rect_ends().__getitem__, lengths)
    return "n" + "".join(tokens)


# The codes of the plan on screen and of the one before the last edit: the
# live preview rebuilds the cards on every edit, mostly with the same contacts.
@lru_cache(maxsize=2 * MAX_CODES)
def _unit_path(text: str, version: int) -> str:
    """The code of `text` as path operators in module units (see `path_code`)."""
    return path_code(encode(text, version))


def draw_qr(canv: Canvas, payload: QrPayload, x: float, y: float, size: float) -> None:
    """The code in a size x size square, quiet zone included, as one filled path.

    Drawing it as one path instead of ReportLab's `QrCodeWidget`'s thousand
    shapes leaves no seams between modules. The path is made in module units
    and placed with a transform.
    """
    count = 4 * payload.version + 17
    module = size / (count + 2 * QUIET_ZONE)
    canv.saveState()
    canv.translate(x + QUIET_ZONE * module, y + size - QUIET_ZONE * module)
    canv.scale(module, -module)
    canv.setFillColor(black)
    # The operators already written out, as the `rect` calls would have.
    canv.drawPath(PDFPathObject(code=[_unit_path(payload.text, payload.version)]),
                  stroke=0, fill=1)
    canv.restoreState()
