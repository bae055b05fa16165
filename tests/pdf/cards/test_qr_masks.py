"""The QR code worked out on integers: the same symbol ReportLab lays out, the mask
the standard's penalty rules (read literally here) choose, the same path drawn."""

from __future__ import annotations

import itertools
import random
import re

import pytest
from reportlab.pdfgen.pathobject import PDFPathObject

from workbook.pdf.cards import qr

# ReportLab's encoder module as the workbook loads it (see qr._load_qrencoder):
# its classes check each other with isinstance, so the tests use the same copy.
qrencoder = qr.qrencoder
LEVEL = getattr(qrencoder.QRErrorCorrectLevel, qr.LEVEL)

Modules = list[list[bool]]


def reference_penalty(modules: Modules) -> int:
    """ISO/IEC 18004, 7.8.3, read literally: every row and column as a string."""
    size = len(modules)
    lines = ["".join("1" if dark else "0" for dark in row) for row in modules]
    lines += ["".join(column) for column in zip(*lines, strict=True)]
    n1 = sum(3 + len(run) - 5 for line in lines for run in re.findall(r"0{5,}|1{5,}", line))
    n2 = sum(modules[i][j] == modules[i][j + 1] == modules[i + 1][j] == modules[i + 1][j + 1]
             for i in range(size - 1) for j in range(size - 1))
    n3 = sum(line[j:j + 11] in ("10111010000", "00001011101")
             for line in lines for j in range(len(line) - 10))
    dark = sum(map(sum, modules))
    n4 = abs(100 * dark // (size * size) - 50) // 5
    return n1 + 3 * n2 + 40 * n3 + 10 * n4


def _rows(modules: Modules) -> list[int]:
    return [sum(1 << j for j, dark in enumerate(row) if dark) for row in modules]


def _reportlab(text: str, version: int, pattern: int, *, test: bool) -> Modules:
    code = qrencoder.QRCode(version, LEVEL)
    code.addData(qrencoder.QR8bitByte(text))
    code.makeImpl(test, pattern)  # test: the format information left light
    modules: Modules = code.modules
    return modules


def _reference_mask(text: str, version: int) -> int:
    """The mask the standard chooses: each laid out whole by ReportLab and scored."""
    scores = [reference_penalty(_reportlab(text, version, p, test=True)) for p in range(8)]
    return scores.index(min(scores))


def _reference_path(modules: Modules) -> str:
    """One `PDFPathObject.rect` per run of dark modules in a row, as drawn before."""
    path = PDFPathObject()
    for row_index, row in enumerate(modules):
        column = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                path.rect(column, row_index, length, 1)
            column += length
    code: str = path.getCode()
    return code


def _assert_is_reference(text: str, version: int) -> None:
    mask = _reference_mask(text, version)
    expected = _reportlab(text, version, mask, test=False)
    symbol = qr.encode(text, version)
    assert symbol.mask == mask, (version, len(text))
    assert symbol.rows() == tuple(map(tuple, expected)), (version, len(text))
    assert qr.path_code(symbol) == _reference_path(expected), (version, len(text))


def test_penalty_of_a_small_pattern_by_hand() -> None:
    # 6 x 6, all light: N1 = 12 lines x (3 + 1); N2 = 25 blocks x 3;
    # N3 none; N4 = 10 x (50 // 5) for 0 % dark.
    assert qr.mask_penalty(qr.pack([0] * 6), 6) == 12 * 4 + 25 * 3 + 100


def test_penalty_counts_a_finder_like_pattern() -> None:
    row = int("10111010000"[::-1], 2)  # bit j is column j
    # 11 x 11, the pattern in row 0 and the rest light. N1: rows 1-10 are runs
    # of 11 (9 each); columns are runs of 10 under a dark module (8) or of 11
    # (9). N2: 3 blocks under row 0's light pairs, 9 x 10 below. N3: the one
    # pattern. N4: 5 of 121 dark (4 %) -> 9 steps of 5 %.
    expected = 10 * 9 + (5 * 8 + 6 * 9) + 3 * (3 + 90) + 40 + 90
    assert qr.mask_penalty(qr.pack([row] + [0] * 10), 11) == expected


def _random_modules(rng: random.Random) -> Modules:
    size = rng.choice([1, 4, 5, 10, 11, 12, 21, 73, 77, rng.randrange(1, 78)])
    share = rng.random()
    modules = [[rng.random() < share for _ in range(size)] for _ in range(size)]
    for _ in range(rng.randrange(6) if size >= 11 else 0):  # finder-like patterns
        pattern = [c == "1" for c in rng.choice(["10111010000", "00001011101"])]
        line, start = rng.randrange(size), rng.randrange(size - 10)
        for k, dark in enumerate(pattern):
            if rng.random() < 0.5:
                modules[line][start + k] = dark
            else:
                modules[start + k][line] = dark
    return modules


def test_penalty_is_the_standard_read_literally() -> None:
    rng = random.Random(18004)
    for _ in range(300):
        modules = _random_modules(rng)
        size = len(modules)
        assert qr.mask_penalty(qr.pack(_rows(modules)), size) == reference_penalty(modules)


@pytest.mark.parametrize("pattern", range(8))
def test_mask_rows_are_the_standard_conditions(pattern: int) -> None:
    condition = qrencoder.QRUtil.getMask(pattern)
    size = 77
    for row in range(size):
        expected = sum(1 << j for j in range(size) if condition(row, j))
        assert qr._mask_row(pattern, row, size) == expected


@pytest.mark.parametrize("pattern", range(8))
def test_mask_conditions_repeat_every_period_rows(pattern: int) -> None:
    # qr._frame works out MASK_PERIOD rows of each mask and repeats them.
    condition = qrencoder.QRUtil.getMask(pattern)
    for row in range(77):
        assert [condition(row, j) for j in range(77)] == [
            condition(row % qr.MASK_PERIOD, j) for j in range(77)
        ]


def test_rectangle_operands_of_every_place() -> None:
    starts = qr._rect_starts()
    assert len(starts) == qr.STRIDE * qr.STRIDE
    for place, start in enumerate(starts):
        assert start == f" {place % qr.STRIDE} {place // qr.STRIDE} "


def test_remainder_tables_are_bytes_times_reportlabs_generator() -> None:
    # qr._remainder_table builds its rows from the eight single-bit bytes.
    gf = qrencoder.QRMath

    def times(a: int, b: int) -> int:
        return 0 if a == 0 or b == 0 else int(gf.gexp(gf.glog(a) + gf.glog(b)))

    degrees = {b.totalCount - b.dataCount for version in range(1, qr.MAX_VERSION + 1)
               for b in qrencoder.QRRSBlock.getRSBlocks(version, LEVEL)}
    for degree in sorted(degrees):
        generator = qrencoder.QRUtil.getErrorCorrectPolynomial(degree)
        terms = [generator.get(i) for i in range(1, generator.getLength())]
        expected = tuple(int.from_bytes(bytes(times(f, c) for c in terms), "big")
                         for f in range(256))
        assert qr._remainder_table(degree) == expected


def _capacity(version: int) -> int:
    return sum(b.dataCount for b in qrencoder.QRRSBlock.getRSBlocks(version, LEVEL))


def _texts_filling(version: int, rng: random.Random) -> list[str]:
    """Texts from empty to a full symbol: every padding case of the version."""
    capacity = _capacity(version)
    lengths = {0, 1, rng.randrange(capacity), *range(capacity - 4, capacity)}
    texts = ["".join(rng.choice("aZ09\r\n:;,") for _ in range(n)) for n in sorted(lengths)]
    texts.append("Lan Nguyễn, hermana\r\n")  # several bytes to a character
    return [text for text in texts if (qr.version_for(text) or 99) <= version]


@pytest.mark.parametrize("version", range(1, qr.MAX_VERSION + 1))
def test_the_symbol_is_the_one_reportlab_lays_out(version: int) -> None:
    texts = _texts_filling(version, random.Random(version))
    assert len(texts) >= 4
    for text in texts:
        expected = qrencoder.QRCode.createData(version, LEVEL, [qrencoder.QR8bitByte(text)])
        assert list(qr._codewords(text, version)) == expected, (version, len(text))
    # The mask chosen and the symbol: the fullest text and one in between
    # (each reference lays the code out nine times, slowly).
    for text in (texts[-2], texts[2]):
        _assert_is_reference(text, version)


def test_contact_vcards_of_the_sizes_printed_are_the_reference_symbols() -> None:
    rng = random.Random(2026)
    names = ["Sam Ortiz", "Lan Nguyễn", "Maria Delgado", "Walt K.", "Dr. Amara Okafor-Lindqvist"]
    notes = ["Partner", "Sister", "Counselor; ext. 214 (work line, weekdays only)", "", "Sponsor"]
    for _ in range(8):
        contacts = [qr.VCardContact(rng.choice(names), f"({rng.randrange(200, 999)}) 555-"
                                    f"{rng.randrange(10000):04d}", rng.choice(notes), None)
                    for _ in range(rng.randrange(1, 7))]
        while (version := qr.version_for(text := "".join(map(qr.vcard, contacts)))) is None:
            contacts.pop()  # as `qr_payloads` would start the next code
        _assert_is_reference(text, version)


def test_version_is_the_smallest_that_holds_the_text() -> None:
    for version in range(1, qr.MAX_VERSION + 1):
        header = 4 + (8 if version < 10 else 16)
        fits = (8 * _capacity(version) - header) // 8  # bytes
        assert qr.version_for("a" * fits) == version
        assert qr.version_for("é" * (fits // 2)) == version  # two bytes each
        assert (qr.version_for("a" * (fits + 1)) or 99) > version
    assert qr.version_for("a" * 10_000) is None


@pytest.mark.parametrize("version", range(1, 41))
def test_data_places_in_reportlabs_order(version: int) -> None:
    code = qrencoder.QRCode(version, LEVEL)
    code.moduleCount = version * 4 + 17
    expected = [qr.STRIDE * row + column for column, row in code.dataPosIterator()]
    assert qr._data_places(qr._function_modules(version)) == expected
