"""Column widths of the list tables: headings whole, the table inside its room."""

from __future__ import annotations

from workbook.ui.columns import break_in_two, fit_widths, heading_text


def test_spare_room_goes_to_the_text_columns() -> None:
    assert fit_widths([100, 60, 80], [70, 50, 100], 430, [0, 2]) == [185, 60, 185]


def test_too_wide_the_widest_give_way_first_never_below_their_headings() -> None:
    widths = fit_widths([280, 60, 280, 140], [70, 50, 100, 60], 430, [0, 2, 3])
    # The three wide ones meet at one width; the narrow one keeps its own.
    assert widths == [123, 60, 123, 124]
    # Headings alone wider than the room: every column at its heading (it scrolls).
    assert fit_widths([300, 300], [200, 250], 300, [0, 1]) == [200, 250]


def test_short_answers_stay_whole_while_long_ones_give_way() -> None:
    # The people table at 1440 x 900: name, relationship, phone, what they
    # help with, best time, two tick boxes; 632 px of room.
    wanted, floors = [110, 130, 115, 280, 100, 28, 28], [60, 90, 50, 80, 70, 55, 55]
    growing = [0, 1, 3, 4]
    assert fit_widths(wanted, floors, 632, growing)[2] < 115  # the phone number was cut
    keep = [110, 130, 115, 0, 100, 0, 0]
    widths = fit_widths(wanted, floors, 632, growing, keep=keep)
    assert (widths[0], widths[2], widths[4]) == (110, 115, 100)  # name, phone, time whole
    assert sum(widths) == 632 and widths[3] < 280 and widths[1] >= 90
    # A little less room: the phone number is kept before the other short answers.
    widths = fit_widths(wanted, floors, 560, growing, keep=keep, first=(2,))
    assert widths[2] == 115 and sum(widths) == 560
    # With no room beyond the headings, nothing is kept whole.
    assert fit_widths(wanted, floors, 470, growing, keep=keep) == fit_widths(
        wanted, floors, 470, growing)


def test_a_long_heading_breaks_near_its_middle() -> None:
    assert break_in_two("What they help with") == "What they\nhelp with"
    assert break_in_two("Phone") == "Phone"
    assert heading_text("Name", True, two_lines=True) == "Name *"
    assert heading_text("Best time to call", False, two_lines=True) == "Best time\nto call"
