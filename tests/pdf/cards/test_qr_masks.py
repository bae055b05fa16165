"""The QR code: codewords and mask worked out on integers, the same symbol ReportLab lays out."""

from __future__ import annotations

import random

import pytest

from workbook.pdf.cards import qr

# ReportLab's encoder module as the workbook loads it (see qr._load_qrencoder):
# its classes check each other with isinstance, so the tests use the same copy.
qrencoder = qr.qrencoder


def _rows(modules: list[list[bool]]) -> list[int]:
    return [sum(1 << j for j, dark in enumerate(row) if dark) for row in modules]


def test_penalty_of_a_small_pattern_by_hand() -> None:
    # 6 x 6, all light: N1 = 12 lines x (3 + 1); N2 = 25 blocks x 3;
    # N3 none; N4 = 10 x (50 // 5) for 0 % dark.
    assert qr.mask_penalty([0] * 6, 6) == 12 * 4 + 25 * 3 + 100


def test_penalty_counts_a_finder_like_pattern() -> None:
    row = int("10111010000"[::-1], 2)  # bit j is column j
    # 11 x 11, the pattern in row 0 and the rest light. N1: rows 1-10 are runs
    # of 11 (9 each); columns are runs of 10 under a dark module (8) or of 11
    # (9). N2: 3 blocks under row 0's light pairs, 9 x 10 below. N3: the one
    # pattern. N4: 5 of 121 dark (4 %) -> 9 steps of 5 %.
    expected = 10 * 9 + (5 * 8 + 6 * 9) + 3 * (3 + 90) + 40 + 90
    assert qr.mask_penalty([row] + [0] * 10, 11) == expected


@pytest.mark.parametrize("text", ["BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n",
                                  "BEGIN:VCARD\r\nFN:Maria Reyes\r\nTEL:(503) 555-0150\r\n"
                                  "NOTE:Sister. Rides.\r\nEND:VCARD\r\n" * 3])
def test_best_mask_scores_each_mask_as_if_laid_out_whole(text: str) -> None:
    version = qr.version_for(text)
    assert version is not None
    level = getattr(qrencoder.QRErrorCorrectLevel, qr.LEVEL)
    scores = []
    for pattern in range(8):
        code = qrencoder.QRCode(version, level)
        code.addData(qr._data(text))
        code.makeImpl(True, pattern)  # the whole symbol, format information light
        scores.append(qr.mask_penalty(_rows(code.modules), code.moduleCount))
    unmasked = qr._data_rows(qr._frame(version), qr._codewords(text, version))
    assert qr.best_mask(unmasked, version) == scores.index(min(scores))


@pytest.mark.parametrize("pattern", range(8))
def test_mask_rows_are_the_standard_conditions(pattern: int) -> None:
    condition = qrencoder.QRUtil.getMask(pattern)
    size = 77
    for row in range(size):
        expected = sum(1 << j for j in range(size) if condition(row, j))
        assert qr._mask_row(pattern, row, size) == expected


def _texts_filling(version: int, rng: random.Random) -> list[str]:
    """Texts from empty to a full symbol: every padding case of the version."""
    level = getattr(qrencoder.QRErrorCorrectLevel, qr.LEVEL)
    capacity = sum(b.dataCount for b in qrencoder.QRRSBlock.getRSBlocks(version, level))
    lengths = {0, 1, rng.randrange(capacity), *range(capacity - 4, capacity)}
    texts = ["".join(rng.choice("aZ09\r\n:;,") for _ in range(n)) for n in sorted(lengths)]
    texts.append("Lan Nguyễn, hermana\r\n")  # several bytes to a character
    return [text for text in texts if (qr.version_for(text) or 99) <= version]


@pytest.mark.parametrize("version", range(1, qr.MAX_VERSION + 1))
def test_the_symbol_is_the_one_reportlab_lays_out(version: int) -> None:
    level = getattr(qrencoder.QRErrorCorrectLevel, qr.LEVEL)
    texts = _texts_filling(version, random.Random(version))
    assert len(texts) >= 4
    for text in texts:
        data = qr._data(text)
        expected = qrencoder.QRCode.createData(version, level, [data])
        codewords = qr._codewords(text, version)
        assert list(codewords) == expected, (version, len(text))
        mask = qr.best_mask(qr._data_rows(qr._frame(version), codewords), version)
        code = qrencoder.QRCode(version, level)
        code.addData(data)
        code.makeImpl(False, mask)
        assert qr._modules.__wrapped__(text, version) == tuple(map(tuple, code.modules))
