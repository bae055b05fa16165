"""The one line breaker (cards and text blocks), and fit-to-box layout on a card.

Measured with a fake width table (every character is half the type size
wide, bold 10 % wider), so these tests need no fonts.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import workbook.geometry.fit as fit
from workbook.geometry import (
    ELLIPSIS,
    Block,
    Measure,
    Row,
    break_text,
    fit_rows,
    fit_stack,
    normalise,
    shorten,
    wrap,
    wrap_shortened,
)


def fake_width(text: str, size: float, bold: bool) -> float:
    return len(text) * size * (0.55 if bold else 0.5)


def test_wrap_breaks_between_words() -> None:
    wrapped = wrap("the quick brown fox jumps", 50, 10, False, fake_width, 5)
    assert wrapped.lines == ("the quick", "brown fox", "jumps")
    assert wrapped.complete


def test_wrap_stops_at_max_lines_and_says_so() -> None:
    wrapped = wrap("the quick brown fox jumps", 50, 10, False, fake_width, 2)
    assert wrapped.lines == ("the quick", "brown fox")
    assert not wrapped.complete


def test_wrap_breaks_chinese_between_characters() -> None:
    wrapped = wrap("王小明住在河内市", 20, 10, False, fake_width, 5)
    assert wrapped.lines == ("王小明住", "在河内市")


def test_wrap_breaks_a_word_wider_than_the_line() -> None:
    wrapped = wrap("x" * 25, 50, 10, False, fake_width, 5)
    assert wrapped.lines == ("x" * 10, "x" * 10, "x" * 5)


def test_wrap_leaves_room_for_an_inline_label() -> None:
    wrapped = wrap("aaaa bbbb", 50, 10, False, fake_width, 3, first_width=25)
    assert wrapped.lines == ("aaaa", "bbbb")


def test_a_long_word_is_cut_after_a_hyphen_where_one_fits() -> None:
    # The two breakers differed here: the cards cut such a word anywhere
    # ("Castillo-O" / "kafor"), the text blocks after a hyphen. Both now do
    # what the text blocks did.
    wrapped = wrap("Fernández-Castillo-Okafor", 50, 10, False, fake_width, 5)
    assert wrapped.lines == ("Fernández-", "Castillo-", "Okafor")
    assert break_text("x-" + "y" * 12, 50, 10, False, fake_width) == ["x-", "y" * 10, "yy"]


def test_a_no_break_space_never_breaks() -> None:
    lines = break_text("call (503)\u00a0555-0142 now", 80, 10, False, fake_width)
    assert lines == ["call", "(503)\u00a0555-0142", "now"]


def test_break_text_keeps_line_breaks_and_blank_lines() -> None:
    assert break_text("one\ntwo\n\nthree", 500, 10, False, fake_width) == [
        "one", "two", "", "three"]
    assert break_text("", 500, 10, False, fake_width) == [""]
    assert break_text("  \t ", 500, 10, False, fake_width) == [""]


@given(st.text(alphabet="abc de-fgh\nij\u00a0k王", max_size=300), st.floats(5, 300),
       st.booleans())
@settings(max_examples=60, deadline=None)
def test_break_text_keeps_every_word_and_fits_the_width(
    text: str, width: float, bold: bool
) -> None:
    lines = break_text(text, width, 10, bold, fake_width)
    assert "".join("".join(lines).split()) == "".join(text.split())
    assert len(lines) >= text.count("\n") + 1
    for line in lines:
        assert fake_width(line, 10, bold) <= width or len(line) == 1


def test_shorten_ends_in_an_ellipsis_within_the_width() -> None:
    text = "Dr. Maria Fernández-Castillo (Community Health Center)"
    short = shorten(text, 100, 10, False, fake_width)
    assert short.endswith(ELLIPSIS)
    assert fake_width(short, 10, False) <= 100
    assert text.startswith(short[:-1].rstrip())
    assert shorten("short", 100, 10, False, fake_width) == "short"
    assert shorten("anything", 2, 10, False, fake_width) == ""  # not even "…" fits


def test_wrap_shortened_reports_when_text_was_cut() -> None:
    lines, shortened = wrap_shortened("one two three four five six", 40, 10, False,
                                      fake_width, 2)
    assert shortened
    assert lines[0] == "one two"
    assert lines[-1].endswith(ELLIPSIS)
    assert wrap_shortened("one two", 40, 10, False, fake_width, 2) == (("one two",), False)


# --------------------------------------------------------------------------- fit_stack


def contact_blocks(name: str = "Anna Nguyen", phone: str = "555-0100",
                   helps: str = "Rides and a listening ear") -> list[Block]:
    return [
        Block("name", name, 13, 8, bold=True, max_lines=2, stage=1, keep=9),
        Block("phone", phone, 20, 8, bold=True, stage=2, keep=10, space_before=4),
        Block("helps", helps, 9, 8, max_lines=3, keep=1, label="Helps: "),
    ]


def test_fit_stack_keeps_preferred_sizes_when_everything_fits() -> None:
    layout = fit_stack(contact_blocks(), 234, 126, fake_width)
    assert [b.size for b in layout.blocks] == [13, 20, 9]
    assert layout.shortened == () and layout.left_off == ()
    assert layout.height <= 126


def test_fit_stack_shrinks_secondary_text_first() -> None:
    # 60 pt tall: the helper text (stage 0) and the name (stage 1) give way before the phone.
    layout = fit_stack(contact_blocks(helps="word " * 20), 234, 60, fake_width)
    sizes = {b.key: b.size for b in layout.blocks}
    assert sizes["phone"] == 20
    assert sizes["helps"] < 9
    assert layout.height <= 60
    assert layout.shortened == ()


def test_a_long_number_shrinks_without_shrinking_the_name() -> None:
    layout = fit_stack(contact_blocks(phone="1-800-555-0100 ext 1234"), 234, 126, fake_width)
    sizes = {b.key: b.size for b in layout.blocks}
    assert sizes["name"] == 13
    assert 8 < sizes["phone"] < 20
    assert fake_width(layout.block("phone").lines[0], sizes["phone"], True) <= 234


def test_fit_stack_never_goes_below_the_minimum_and_reports_what_it_shortened() -> None:
    layout = fit_stack(contact_blocks(helps="Rides to appointments " * 40), 234, 126,
                       fake_width)
    helps = layout.block("helps")
    assert helps.size == 8
    assert len(helps.lines) == 3
    assert helps.lines[-1].endswith(ELLIPSIS)
    assert layout.shortened == ("helps",)
    # Text that cannot be whole anyway does not drag the others down.
    assert layout.block("phone").size == 20
    assert layout.block("name").size == 13


def test_fit_stack_leaves_off_the_least_kept_block_when_space_runs_out() -> None:
    layout = fit_stack(contact_blocks(), 234, 30, fake_width)
    assert layout.left_off == ("helps",)
    assert layout.block("helps").lines == ()
    assert layout.block("phone").lines == ("555-0100",)
    assert layout.height <= 30


def test_fit_stack_gives_up_lines_before_leaving_a_block_off() -> None:
    blocks = [Block("a", "x " * 60, 8, 8, max_lines=3, keep=1),
              Block("b", "keep me", 8, 8, keep=5)]
    layout = fit_stack(blocks, 100, 8 * 1.2 * 3, fake_width)
    assert len(layout.block("a").lines) == 2
    assert layout.shortened == ("a",)
    assert layout.block("b").lines == ("keep me",)


def test_fit_stack_skips_empty_blocks() -> None:
    layout = fit_stack([Block("a", "  ", 10, 8), Block("b", "text", 10, 8)], 100, 100,
                       fake_width)
    assert [b.key for b in layout.blocks] == ["b"]


words = st.text(alphabet="abcdefghij 王明ễ", min_size=0, max_size=300)


@settings(max_examples=30, deadline=None)
@given(texts=st.lists(words, min_size=1, max_size=5),
       width=st.floats(min_value=30, max_value=300),
       height=st.floats(min_value=5, max_value=200))
def test_fit_stack_never_overflows_and_never_loses_text_silently(
    texts: list[str], width: float, height: float
) -> None:
    blocks = [Block(str(i), text, 12, 7, max_lines=3, keep=i, label="L: " if i % 2 else "")
              for i, text in enumerate(texts)]
    layout = fit_stack(blocks, width, height, fake_width)
    assert layout.height <= height + 1e-9
    for placed in layout.blocks:
        assert 7 <= placed.size <= 12
        for index, line in enumerate(placed.lines):
            room = width - (placed.label_width if index == 0 and placed.label else 0)
            assert fake_width(line, placed.size, placed.bold) <= room + 1e-9
        original = normalise(texts[int(placed.key)])
        printed = "".join(placed.lines).replace(" ", "")
        if not (placed.shortened or placed.left_off):
            assert printed == original.replace(" ", "")
        elif placed.left_off:
            assert placed.lines == ()
    kept = {p.key for p in layout.blocks}
    assert kept == {str(i) for i, t in enumerate(texts) if t.strip()}


# --------------------------------------------------------------------------- fit_rows


def test_fit_rows_prefers_one_line_per_row() -> None:
    rows = [Row("a", "Sam Ortiz", "555-0142"), Row("b", "988 Lifeline", "Call or text 988")]
    layout = fit_rows(rows, 150, 100, fake_width, preferred=12, minimum=7)
    assert all(r.one_line for r in layout.rows)
    assert layout.size < 12  # smaller, rather than a second line


def test_fit_rows_puts_the_number_under_a_long_name() -> None:
    rows = [Row("a", "A very long name for one line", "555-0142")]
    layout = fit_rows(rows, 120, 100, fake_width, preferred=8, minimum=7,
                      prefer_one_line=False)
    (row,) = layout.rows
    assert layout.size == 8
    assert not row.one_line
    assert row.label_lines == ("A very long name for one line",)
    assert row.value_lines == ("555-0142",)
    assert not row.shortened


def test_fit_rows_shortens_and_leaves_off_and_reports_it() -> None:
    rows = [Row(str(i), f"Person {i}", f"555-01{i:02d}") for i in range(20)]
    rows.append(Row("long", "Dr. Maria Fernández-Castillo (Community Health Center)",
                    "555-0199"))
    rows.append(Row("line", "Emergency", "911", keep=1))
    layout = fit_rows(rows, 100, 60, fake_width, preferred=9, minimum=7)
    assert layout.size == 7
    assert layout.height <= 60
    assert "line" not in layout.left_off  # kept: higher `keep`
    assert layout.left_off  # personal rows from the end first
    placed = {r.key: r for r in layout.rows}
    assert not placed["0"].left_off
    assert placed["long"].left_off or placed["long"].label_shortened


def test_fit_rows_puts_a_note_on_its_own_line() -> None:
    rows = [Row("a", "Dale", "555-0100", note="work line, weekdays only")]
    layout = fit_rows(rows, 150, 100, fake_width, preferred=9, minimum=7)
    (row,) = layout.rows
    assert row.one_line and row.note_lines == ("work line, weekdays only",)
    assert row.line_count == 2


def test_fit_rows_fills_room_left_by_a_dropped_row() -> None:
    rows = [Row("a", "A", "1"), Row("big", "x " * 30, "2"), Row("c", "C", "3")]
    line = 7 * 1.2
    layout = fit_rows(rows, 60, 2 * line + 1.5, fake_width, preferred=7, minimum=7)
    assert [r.key for r in layout.rows if not r.left_off] == ["a", "c"]
    assert layout.left_off == ("big",)


def uneven_width(text: str, size: float, bold: bool) -> float:
    """Widths that differ by character, like a real font's (and a wide space)."""
    return sum((1.7 if c == " " else 0.3 + (ord(c) % 7) * 0.15) for c in text) * size * (
        1.1 if bold else 1.0)


@given(
    st.text(alphabet=st.sampled_from(list("aeiou xyz-WM.é\u00a0ñ")), max_size=400),
    st.floats(4, 400),
    st.one_of(st.none(), st.integers(1, 6)),
    st.one_of(st.none(), st.floats(0, 400)),
    st.sampled_from([fake_width, uneven_width]),
)
@settings(max_examples=400, deadline=None)
def test_the_few_measures_breaker_finds_the_word_by_word_lines(
    text: str, width: float, max_lines: int | None, first_width: float | None,
    measure: Measure,
) -> None:
    # Text that breaks only at spaces takes a shortcut (a guess at each line's
    # end, measured and corrected); it must give the word-by-word loop's lines.
    expected = fit._atom_lines(text, width, 10, False, measure, max_lines, first_width)
    assert wrap(text, width, 10, False, measure, max_lines, first_width) == expected


def test_the_shortcut_measures_a_one_line_answer_once() -> None:
    calls: list[str] = []

    def counting(text: str, size: float, bold: bool) -> float:
        calls.append(text)
        return fake_width(text, size, bold)

    assert wrap("a short answer of six words", 500, 10, False, counting, None).lines == (
        "a short answer of six words",)
    assert len(calls) == 1
    calls.clear()
    paragraph = " ".join(["word"] * 400)
    assert len(wrap(paragraph, 200, 10, False, counting, None).lines) == 50
    assert len(calls) <= 3 * 50 + 1  # the loop measured after every word: 450 times


@given(
    st.text(alphabet=st.sampled_from(list("aeiou xyz-WM.é\u00a0ñ\n\t\u2003")), max_size=300),
    st.floats(4, 400),
    st.sampled_from([fake_width, uneven_width]),
)
@settings(max_examples=400, deadline=None)
def test_break_text_gives_each_paragraph_the_word_by_word_lines(
    text: str, width: float, measure: Measure,
) -> None:
    # One paragraph of words goes straight to the shortcut, its spaces taken as
    # they are when they are single spaces between words; the reference is the
    # word-by-word loop, paragraph by paragraph.
    expected = [line for paragraph in text.split("\n")
                for line in fit._atom_lines(paragraph, width, 10, False, measure, None,
                                            None).lines or ("",)]
    assert break_text(text, width, 10, False, measure) == expected
