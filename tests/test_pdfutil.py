"""The test helper that finds typed text in a PDF's extraction must be able to say no."""

from __future__ import annotations

from pdfutil import found_in_order


def test_whole_and_page_broken_text_is_found() -> None:
    needle = "NguyễnThịLan&#60;đibộmỗingày"
    assert found_in_order(needle, "xx" + needle + "yy")
    # Cut by a page break, with the next page's header in between, after many
    # earlier fields that begin with the same words.
    decoys = "NguyễnThịLanwalk" * 30
    assert found_in_order(needle, decoys + "NguyễnThịLan&#60;đi" + "NameRelationship" + "bộmỗingày")


def test_scattered_letters_are_not_a_match() -> None:
    needle = "NguyễnThịLan&#60;đibộmỗingày"
    assert not found_in_order(needle, "Nguyễn ThịLan đi bộ mỗi ngày")
    assert not found_in_order(needle, "bộmỗingày" + "NguyễnThịLan&#60;đi")  # wrong order
    assert not found_in_order("abcdefghijklmnop", "abcd" + "XX" + "efghijklmnop")  # piece < 8


def test_a_short_piece_counts_only_where_its_page_ends() -> None:
    # A table row cut by a page break: the cell's first words close one page,
    # the next page repeats the table's header, then the rest of the cell.
    needle = "☕cảmơn(503)555-0142"
    text = "xxxx☕cảmơn" + "ComunidadogrupoNombre" + "(503)555-0142"
    end = len("xxxx☕cảmơn")
    assert found_in_order(needle, text, frozenset({end}))
    assert not found_in_order(needle, text)  # anywhere else, 6 letters are not enough
    assert not found_in_order(needle, text, frozenset({end + 3}))
