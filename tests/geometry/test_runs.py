"""Line breaking of text in two weights (bold labels in a sentence).

Measured with the fake width table of test_fit (every character half the type
size wide, bold 10 % wider), so no fonts are needed.
"""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.geometry import break_text
from workbook.geometry.runs import Line, Run, break_runs, line_text

SIZE = 10.0


def fake_width(text: str, size: float, bold: bool) -> float:
    return len(text) * size * (0.55 if bold else 0.5)


def line_width(line: Line) -> float:
    return sum(fake_width(text, SIZE, bold) for text, bold in line)


def test_a_bold_label_leads_the_first_line_and_the_words_follow() -> None:
    lines = break_runs([("Where I go:", True), (" the hospital on Park Avenue", False)],
                       130, SIZE, fake_width)
    assert lines == [(("Where I go:", True), (" the hospital", False)),
                     (("on Park Avenue", False),)]


def test_each_line_takes_as_many_words_as_fit_measured_in_their_own_weight() -> None:
    # "aaaa bbbb": 47 wide when the first word is bold, 45 when not.
    assert len(break_runs([("aaaa", True), (" bbbb", False)], 46, SIZE, fake_width)) == 2
    assert len(break_runs([("aaaa", False), (" bbbb", False)], 46, SIZE, fake_width)) == 1


def test_white_space_prints_as_one_space_in_the_weight_it_was_written_in() -> None:
    (line,) = break_runs([("one", True), ("  \t", True), ("two", False), ("  three ", False)],
                         500, SIZE, fake_width)
    assert line == (("one ", True), ("two three", False))


def test_a_word_may_change_weight_inside_and_is_never_broken_there() -> None:
    lines = break_runs([("xx ", False), ("Label", True), (": words", False)], 40, SIZE,
                       fake_width)
    assert [line_text(line) for line in lines] == ["xx", "Label:", "words"]
    assert lines[1] == (("Label", True), (":", False))


def test_line_breaks_are_kept_and_blank_lines_too() -> None:
    lines = break_runs([("1.", True), (" one\n", False), ("2.", True), (" two\n\nend", False)],
                       500, SIZE, fake_width)
    assert [line_text(line) for line in lines] == ["1. one", "2. two", "", "end"]


def test_a_no_break_space_glues_a_phone_number_together() -> None:
    lines = break_runs([("Call:", True), (" now (503)\u00a0555-0150 please", False)], 90,
                       SIZE, fake_width)
    assert "(503)\u00a0555-0150" in [line_text(line).strip() for line in lines]


def test_a_word_wider_than_the_line_is_cut_after_its_hyphen() -> None:
    lines = break_runs([("see", True), (" well-being-matters-here", False)], 60, SIZE,
                       fake_width)
    texts = [line_text(line) for line in lines]
    assert texts[0] == "see"
    assert texts[1].endswith("-")
    assert "".join(texts[1:]) == "well-being-matters-here"
    assert all(line_width(line) <= 60 for line in lines)


def test_nothing_fits_still_moves_on() -> None:
    lines = break_runs([("ab", True)], 1, SIZE, fake_width)
    assert [line_text(line) for line in lines] == ["a", "b"]


runs = st.lists(st.tuples(st.text(alphabet="ab cd-\n\u00a0", max_size=30), st.booleans()),
                max_size=8)


@given(runs, st.floats(5, 200))
@settings(max_examples=200, deadline=None)
def test_every_word_is_kept_in_order_and_every_line_fits(pieces: list[Run], width: float,
                                                         ) -> None:
    lines = break_runs(pieces, width, SIZE, fake_width)
    text = "".join(piece for piece, _ in pieces)
    printed = "\n".join(line_text(line) for line in lines)
    # Every character but white space, in order (a word too long for a line is cut).
    assert "".join(printed.split()) == "".join(text.split())
    # Bold where it was bold.
    assert [c for line in lines for run, bold in line for c in run if bold and not c.isspace()] == [
        c for run, bold in pieces for c in run if bold and not c.isspace()]
    assert len(lines) >= text.count("\n") + 1
    for line in lines:
        # A line wider than the room holds one character: nothing less can be printed.
        assert line_width(line) <= width + 1e-9 or len(line_text(line)) == 1
        assert all(run for run, _ in line)  # no empty runs
        assert all(a[1] != b[1] for a, b in pairwise(line))


@given(st.text(alphabet="ab cd-\n\u00a0", max_size=200), st.floats(5, 200))
@settings(max_examples=200, deadline=None)
def test_text_in_one_weight_breaks_exactly_as_break_text(text: str, width: float) -> None:
    for bold in (False, True):
        lines = break_runs([(text, bold)], width, SIZE, fake_width)
        assert [line_text(line) for line in lines] == break_text(text, width, SIZE, bold,
                                                                 fake_width)
