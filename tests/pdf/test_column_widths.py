"""Table column widths: the shortcut of the column scan against measuring every word."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import workbook.pdf.worksheet as worksheet
from workbook.pdf.fonts import register_fonts
from workbook.pdf.markup import widest
from workbook.pdf.phones import glue_phones
from workbook.pdf.styles import styles_for
from workbook.pdf.worksheet import Column, column_widths

register_fonts()


def every_word(text: str, size: float, bold: bool, longest: float) -> tuple[float, float]:
    """The reference: each word and each line of the cell measured."""
    glued = glue_phones(text)
    words = [w for w in glued.replace("\n", " ").split(" ") if w.strip()]
    return max(longest, widest(words, size, bold)), widest(glued.split("\n"), size, bold)


cells = st.text(alphabet=st.sampled_from(list("ab WMi-é中 \n\t(503)555-0150")), max_size=60)


@given(st.lists(st.tuples(st.text(alphabet="Name Phone", min_size=1, max_size=12),
                          st.booleans()), min_size=1, max_size=3).flatmap(
    lambda heads: st.tuples(st.just(heads),
                            st.lists(st.lists(cells, min_size=len(heads), max_size=len(heads)),
                                     max_size=6))),
       st.booleans(), st.sampled_from([200.0, 504.0]))
@settings(max_examples=150, deadline=None)
def test_the_column_scan_gives_the_widths_of_measuring_every_word(
    table: tuple[list[tuple[str, bool]], list[list[str]]], large: bool, total: float,
) -> None:
    heads, rows = table
    columns = [Column(title, strong=strong) for title, strong in heads]
    st_ = styles_for(large)
    args = (columns, rows, total, st_.cell, st_.cell_strong, st_.cell_head, 4.0)
    fast = column_widths(*args)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(worksheet, "_extent", every_word)
        assert fast == column_widths(*args)


def test_a_long_word_sets_the_least_width_and_a_long_line_the_wish() -> None:
    st_ = styles_for(False)
    columns = [Column("Who"), Column("Why")]
    rows = [["Al", "Because extraordinarily long answers take room"], ["Bo", "ok"]]
    narrow, wide = column_widths(columns, rows, 504.0, st_.cell, st_.cell_strong,
                                 st_.cell_head, 4.0)
    assert wide > narrow
    assert narrow >= widest(["Who"], st_.cell_head.fontSize, True)
