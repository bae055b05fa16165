"""Line breaking and fit-to-box text layout: wrap, shrink, and say what still does not fit.

Pure functions of text, sizes and a width-measuring callable, so they are
tested with a fake width table and drawn by any backend. Nothing is ever
clipped: text that does not fit at the minimum size is either shortened (its
last line ends in an ellipsis) or left off, and the result says which.

`wrap` is the program's one line breaker: the cards use it through the
layouts below, the workbook's text blocks through `break_text` (hard line
breaks kept, any number of lines).

Two layouts are offered:

- `fit_stack`: blocks stacked top to bottom (a contact card, the front of the
  wallet card). Blocks shrink in stages (secondary text first, so a phone
  number stays large as long as possible), each never below its minimum.
- `fit_rows`: "label ........ number" rows (the back of the wallet card), one
  size for every row; a row too wide for one line puts its number underneath.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

Measure = Callable[[str, float, bool], float]
"""width_in_points(text, size, bold)"""

ELLIPSIS = "…"
SIZE_STEP = 0.5  # points; type shrinks in steps a reader cannot tell apart
SHORTEN_SCAN = 600  # characters; no line on a card holds this many
# Where a line may break: any white space but the no-break space, which glues
# together what must stay on one line (the parts of a phone number).
_WORD = re.compile(r"(?:\S|\u00a0)+")
# White space a line does not print as it is: any but single spaces between words.
_UNPRINTED_SPACE = re.compile(r"[^\S \u00a0]|  |^ | $")
# Below this character no text is wide (Chinese, Japanese, Korean): it breaks only
# at spaces, so its lines are runs of whole words (see `_word_lines`).
_FIRST_WIDE = "\u0378"
# Characters measured to learn how wide this text runs, to guess where lines end.
_SAMPLE_CHARS = 240


# --------------------------------------------------------------------------- words and lines


# A piece of text that is never broken unless it is wider than a line, and
# whether a space comes before it (a plain tuple: line breaking is hot).
_Atom = tuple[str, bool]


def _is_wide(char: str) -> bool:
    # Chinese, Japanese and Korean text may break between any two characters.
    return unicodedata.east_asian_width(char) in ("W", "F")


def _atoms(text: str) -> Iterator[_Atom]:
    """Break opportunities: between words, and around every wide (CJK) character.

    Lazy: a card takes only its first few lines of a 5,000-character answer.
    """
    if text.isascii():  # no wide characters: the common case, quickly
        return iter([(word, True) for word in _WORD.findall(text)])
    return _mixed_atoms(text)


def _mixed_atoms(text: str) -> Iterator[_Atom]:
    for match in _WORD.finditer(text):
        run = ""
        first = True
        for char in match.group(0):
            if _is_wide(char) and not unicodedata.category(char).startswith("P"):
                if run:
                    yield run, first
                    first = False
                    run = ""
                yield char, first
                first = False
            else:
                run += char
        if run:
            yield run, first


def normalise(text: str) -> str:
    """Cards flow text as one paragraph: runs of spaces and line breaks become one space."""
    return " ".join(text.split())


def _longest_prefix(text: str, fits: Callable[[str], bool]) -> int:
    """Length of the longest prefix of `text` for which `fits` holds (binary search)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle]):
            low = middle
        else:
            high = middle - 1
    return low


def word_cut(word: str, fits: Callable[[str], bool]) -> int:
    """Where a word wider than its line is cut: after as much of it as `fits`, moved back
    to just after its last hyphen in that part when it has one; 0 when not even one
    character fits."""
    cut = _longest_prefix(word, fits)
    if 0 < cut < len(word):
        hyphen = word.rfind("-", 0, cut)
        if hyphen > 0:
            cut = hyphen + 1
    return cut


@dataclass(frozen=True)
class Wrapped:
    lines: tuple[str, ...]
    complete: bool  # False when text remained after the last allowed line


def wrap(
    text: str,
    width: float,
    size: float,
    bold: bool,
    measure: Measure,
    max_lines: int | None,
    first_width: float | None = None,
) -> Wrapped:
    """Greedy line breaking of one paragraph into at most `max_lines` lines (None: any).

    Lines break at white space (never at a no-break space) and around Chinese,
    Japanese and Korean characters; each line is measured whole, so text in
    several fonts measures true. `first_width` is the width of the first line
    when it differs (an inline label before it). A word wider than a line is
    broken between characters, after its last hyphen that fits when it has one.

    `measure` must never shrink as a line grows (true of every font: each
    character adds its own width).
    """
    if not text or max(text) < _FIRST_WIDE:
        lines = _word_lines(text, width, size, bold, measure, max_lines, first_width)
        if lines is not None:
            return Wrapped(*lines)
    return _atom_lines(text, width, size, bold, measure, max_lines, first_width)


def _atom_lines(
    text: str,
    width: float,
    size: float,
    bold: bool,
    measure: Measure,
    max_lines: int | None,
    first_width: float | None,
) -> Wrapped:
    """`wrap`, atom by atom: any text, words wider than a line cut."""
    atoms = _atoms(text)
    pending = next(atoms, None)
    lines: list[str] = []
    current = ""

    while pending is not None:
        atom, space_before = pending
        room = width if lines or first_width is None else first_width
        candidate = current + " " + atom if current and space_before else current + atom
        if measure(candidate, size, bold) <= room:
            current = candidate
            pending = next(atoms, None)
            continue
        if current:
            lines.append(current)
            current = ""
            if len(lines) == max_lines:
                return Wrapped(tuple(lines), False)
            continue
        # A single atom wider than the line: break it between characters.
        def fits_line(part: str, room: float = room) -> bool:
            return measure(part, size, bold) <= room

        cut = word_cut(atom, fits_line)
        if cut == 0:
            if room < width:  # the inline label left no room: start on the next line
                lines.append("")
                if len(lines) == max_lines:
                    return Wrapped(tuple(lines), False)
                continue
            cut = 1  # not even one character fits: never loop forever
        lines.append(atom[:cut])
        rest = atom[cut:]
        pending = (rest, False) if rest else next(atoms, None)
        if len(lines) == max_lines:
            return Wrapped(tuple(lines), pending is None)
    if current:
        lines.append(current)
    return Wrapped(tuple(lines), True)


def _word_lines(
    text: str,
    width: float,
    size: float,
    bold: bool,
    measure: Measure,
    max_lines: int | None,
    first_width: float | None,
) -> tuple[tuple[str, ...], bool] | None:
    """`wrap` for text that breaks only at spaces, with a few measures a line:
    (lines, complete).

    Each line is the longest run of the next words that fits, exactly as the
    word-by-word loop of `wrap` finds it (a line's width never shrinks as
    words are added). Instead of measuring the line after every word, the
    number of words is guessed from how wide the text runs, then the guess is
    measured and moved a word at a time to the longest run that fits: two or
    three measures a line. None when a word is wider than its line: `wrap`'s
    loop cuts it.
    """
    # The words one space apart, as lines print them (most text is so already).
    joined = text if _UNPRINTED_SPACE.search(text) is None else " ".join(_WORD.findall(text))
    if not joined:
        return (), True
    first_room = width if first_width is None else first_width
    sample = joined[:_SAMPLE_CHARS]
    sample_width = measure(sample, size, bold)
    if len(sample) == len(joined) and sample_width <= first_room:
        return (joined,), True  # most answers: one line, measured once
    per_char = max(sample_width / len(sample), 1e-9)
    ends: list[int] = []  # where each word ends in `joined`
    at = -1
    for word in joined.split(" "):
        at += len(word) + 1
        ends.append(at)
    count = len(ends)
    lines: list[str] = []
    first = 0  # index of the line's first word
    start = 0  # and where it starts in `joined`
    while first < count:
        room = first_room if not lines else width

        def fits(taken: int, room: float = room, first: int = first, start: int = start) -> bool:
            return measure(joined[start:ends[first + taken - 1]], size, bold) <= room

        taken = bisect_right(ends, start + room / per_char, first, count) - first
        taken = min(max(taken, 1), count - first)
        if fits(taken):
            while first + taken < count and fits(taken + 1):
                taken += 1
        else:
            taken -= 1
            while taken and not fits(taken):
                taken -= 1
            if not taken:
                return None
        lines.append(joined[start:ends[first + taken - 1]])
        first += taken
        start = ends[first - 1] + 1
        if first < count and len(lines) == max_lines:
            return tuple(lines), False
    return tuple(lines), True


def break_text(text: str, width: float, size: float, bold: bool, measure: Measure) -> list[str]:
    """Every line of `text` broken to `width`: its own line breaks kept, blank lines too."""
    if "\n" not in text and (not text or max(text) < _FIRST_WIDE):
        # One paragraph of words (most text of a workbook): straight to the word breaker.
        words = _word_lines(text, width, size, bold, measure, None, None)
        if words is not None:
            return list(words[0]) or [""]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += wrap(paragraph, width, size, bold, measure, None).lines or ("",)
    return lines


def shorten(text: str, width: float, size: float, bold: bool, measure: Measure) -> str:
    """`text` cut to end in an ellipsis within `width`, at a word end when that wastes little."""
    if measure(text, size, bold) <= width:
        return text
    text = text[:SHORTEN_SCAN]  # more than any card line holds
    if measure(ELLIPSIS, size, bold) > width:
        return ""
    cut = _longest_prefix(text, lambda part: measure(part.rstrip() + ELLIPSIS, size, bold) <= width)
    head = text[:cut]
    space = head.rfind(" ")
    if space > 0 and measure(head[:space], size, bold) >= 0.6 * width:
        head = head[:space]
    return head.rstrip(" ,;:-–—") + ELLIPSIS if head.strip() else ELLIPSIS


def wrap_shortened(
    text: str,
    width: float,
    size: float,
    bold: bool,
    measure: Measure,
    max_lines: int,
    first_width: float | None = None,
) -> tuple[tuple[str, ...], bool]:
    """Like `wrap`, but the last line ends in an ellipsis when text remains. (lines, shortened)"""
    if max_lines <= 0:
        return (), bool(text.strip())
    wrapped = wrap(text, width, size, bold, measure, max_lines, first_width)
    if wrapped.complete:
        return wrapped.lines, False
    kept = wrapped.lines[:-1]
    # The rest of the text, from where the last line starts, shortened onto that line.
    consumed = " ".join(kept)
    rest = _remainder(text, consumed)
    last_width = first_width if (first_width is not None and not kept) else width
    return (*kept, shorten(rest, last_width, size, bold, measure)), True


def _remainder(text: str, consumed: str) -> str:
    """What is left of `text` after the characters of `consumed` (spaces ignored)."""
    need = len(consumed.replace(" ", ""))
    seen = 0
    for position, char in enumerate(text):
        if seen >= need:
            return text[position:].lstrip()
        if not char.isspace():
            seen += 1
    return ""


# --------------------------------------------------------------------------- stacked blocks


@dataclass(frozen=True)
class Block:
    """One piece of text to place, with how far it may shrink.

    key:         the caller's name for it, returned in the result (for reports).
    stage:       blocks of a lower stage shrink to their minimum before the next stage shrinks.
    keep:        when space runs out at minimum size, blocks with the lowest keep lose
                 lines first (the last such block first); a block with no lines left is left off.
    label:       drawn before the first line (e.g. "Helps with: "), in the regular weight;
                 `hanging` indents every line by its width instead (bullets, numbers).
    """

    key: str
    text: str
    preferred: float
    minimum: float
    bold: bool = False
    max_lines: int = 1
    leading: float = 1.2
    space_before: float = 0.0
    stage: int = 0
    keep: int = 0
    label: str = ""
    hanging: bool = False


@dataclass(frozen=True)
class PlacedBlock:
    key: str
    lines: tuple[str, ...]
    size: float
    bold: bool
    top: float  # distance from the top of the box to the top of the first line
    line_height: float
    label: str
    label_width: float
    hanging: bool
    shortened: bool
    left_off: bool

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height


@dataclass(frozen=True)
class StackLayout:
    blocks: tuple[PlacedBlock, ...]
    height: float  # used height

    def block(self, key: str) -> PlacedBlock:
        for block in self.blocks:
            if block.key == key:
                return block
        raise KeyError(key)

    @property
    def shortened(self) -> tuple[str, ...]:
        return tuple(b.key for b in self.blocks if b.shortened and not b.left_off)

    @property
    def left_off(self) -> tuple[str, ...]:
        return tuple(b.key for b in self.blocks if b.left_off)


def _size_states(blocks: Sequence[Block]) -> Iterator[list[float]]:
    """Size assignments from all-preferred to all-minimum, shrinking stage by stage.

    Lazy: the first that fits ends the search (nearly always one of the first).
    """
    sizes = [b.preferred for b in blocks]
    yield list(sizes)
    for stage in sorted({b.stage for b in blocks}):
        members = [i for i, b in enumerate(blocks) if b.stage == stage]
        while any(sizes[i] > blocks[i].minimum for i in members):
            for i in members:
                sizes[i] = max(blocks[i].minimum, sizes[i] - SIZE_STEP)
            yield list(sizes)


def _place(
    blocks: Sequence[Block],
    sizes: Sequence[float],
    line_limits: Sequence[int],
    width: float,
    measure: Measure,
    may_shorten: Sequence[bool],
) -> tuple[list[PlacedBlock], float] | None:
    """Blocks at `sizes`; None when a block that may not be shortened does not fit its lines."""
    placed: list[PlacedBlock] = []
    y = 0.0
    for block, size, limit, shorten_ok in zip(
        blocks, sizes, line_limits, may_shorten, strict=True
    ):
        label_width = measure(block.label, size, False) if block.label else 0.0
        if block.hanging:
            line_width, first_width = width - label_width, None
        else:
            line_width, first_width = width, (width - label_width if block.label else None)
        line_height = size * block.leading
        if limit <= 0:
            placed.append(PlacedBlock(block.key, (), size, block.bold, y, line_height,
                                      block.label, label_width, block.hanging, True, True))
            continue
        if shorten_ok:
            lines, shortened = wrap_shortened(
                block.text, line_width, size, block.bold, measure, limit, first_width
            )
        else:
            wrapped = wrap(block.text, line_width, size, block.bold, measure, limit, first_width)
            if not wrapped.complete:
                return None
            lines, shortened = wrapped.lines, False
        if any(not p.left_off for p in placed):
            y += block.space_before
        placed.append(PlacedBlock(block.key, lines, size, block.bold, y, line_height,
                                  block.label, label_width, block.hanging, shortened, False))
        y += len(lines) * line_height
    return placed, y


def fit_stack(
    blocks: Sequence[Block], width: float, height: float, measure: Measure
) -> StackLayout:
    """Place `blocks` top to bottom in a width x height box, as large as they fit.

    Blocks with empty text are skipped. Sizes shrink stage by stage down to each
    block's minimum; at minimum size, text beyond a block's `max_lines` is
    shortened, and if the stack is still too tall, blocks with the lowest
    `keep` give up lines (shortened) until they are left off.
    """
    # (`replace` only where something changes: a build places some 300 blocks.)
    blocks = [b if (text := normalise(b.text)) == b.text else replace(b, text=text)
              for b in blocks]
    blocks = [b for b in blocks if b.text]
    limits = [b.max_lines for b in blocks]
    minimum = [b.minimum for b in blocks]
    placed, used = _place_shortened(blocks, minimum, limits, width, measure)
    # A block too long for its lines even at its minimum size is shortened whatever
    # happens: it stays at that size and does not drag the other blocks down with it.
    hopeless = [p.shortened for p in placed]
    # Each block first shrinks on its own until it fits its lines across (a long number
    # does not make the name smaller); then stages shrink together until the stack fits.
    sized = [
        b if (size := b.minimum if h else _widest_fit(b, width, measure)) == b.preferred
        else replace(b, preferred=size)
        for b, h in zip(blocks, hopeless, strict=True)
    ]
    for sizes in _size_states(sized):
        result = _place(sized, sizes, limits, width, measure, hopeless)
        if result is not None and result[1] <= height:
            return StackLayout(tuple(result[0]), result[1])
    limits = [len(p.lines) for p in placed]  # lines needed at minimum size, at most max_lines
    # Give up lines, lowest `keep` first, the later block first among equals.
    order = sorted(range(len(blocks)), key=lambda i: (blocks[i].keep, -i))
    while used > height:
        victim = next((i for i in order if limits[i] > 0), None)
        if victim is None:
            break
        limits[victim] -= 1
        placed, used = _place_shortened(blocks, minimum, limits, width, measure)
    return StackLayout(tuple(placed), used)


def _widest_fit(block: Block, width: float, measure: Measure) -> float:
    """The largest size, in steps down from the preferred one, at which `block` fits its lines."""
    size = block.preferred
    while size > block.minimum:
        result = _place([block], [size], [block.max_lines], width, measure, [False])
        if result is not None:
            return size
        size = max(block.minimum, size - SIZE_STEP)
    return block.minimum


def _place_shortened(
    blocks: Sequence[Block],
    sizes: Sequence[float],
    line_limits: Sequence[int],
    width: float,
    measure: Measure,
) -> tuple[list[PlacedBlock], float]:
    result = _place(blocks, sizes, line_limits, width, measure, [True] * len(blocks))
    assert result is not None  # shortening always produces a placement
    return result


# --------------------------------------------------------------------------- label/number rows


@dataclass(frozen=True)
class Row:
    """A "label ... value" line: a name and a phone number, drawn bold.

    `note` (what else the phone field says) goes on one line of its own below.
    """

    key: str
    label: str
    value: str
    note: str = ""
    keep: int = 0


@dataclass(frozen=True)
class PlacedRow:
    key: str
    label_lines: tuple[str, ...]
    value_lines: tuple[str, ...]
    note_lines: tuple[str, ...]
    one_line: bool  # label left and value right on the same line
    top: float
    label_shortened: bool
    value_shortened: bool
    note_shortened: bool
    left_off: bool

    @property
    def shortened(self) -> bool:
        return self.label_shortened or self.value_shortened or self.note_shortened

    @property
    def line_count(self) -> int:
        if self.left_off:
            return 0
        main = 1 if self.one_line else len(self.label_lines) + len(self.value_lines)
        return main + len(self.note_lines)


@dataclass(frozen=True)
class RowsLayout:
    rows: tuple[PlacedRow, ...]
    size: float
    line_height: float
    height: float

    @property
    def shortened(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rows if r.shortened and not r.left_off)

    @property
    def left_off(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rows if r.left_off)


VALUE_MAX_LINES = 2
NOTE_INDENT = 8.0


def _lines(text: str, width: float, size: float, bold: bool, measure: Measure, max_lines: int,
           shorten_ok: bool) -> tuple[tuple[str, ...], bool] | None:
    if shorten_ok:
        return wrap_shortened(text, width, size, bold, measure, max_lines)
    wrapped = wrap(text, width, size, bold, measure, max_lines)
    return (wrapped.lines, False) if wrapped.complete else None


def _place_row(row: Row, width: float, gap: float, size: float, measure: Measure,
               allow_shortening: bool) -> PlacedRow | None:
    note = _lines(row.note, width - NOTE_INDENT, size, False, measure, 1, allow_shortening)
    if note is None:
        return None
    note_lines, note_short = note
    label_w = measure(row.label, size, False)
    value_w = measure(row.value, size, True)
    if label_w + (gap if row.label else 0) + value_w <= width:
        label_lines = (row.label,) if row.label else ()
        return PlacedRow(row.key, label_lines, (row.value,), note_lines, True, 0.0, False, False,
                         note_short, False)
    # Label on its own line, the number below it.
    label = _lines(row.label, width, size, False, measure, 1, allow_shortening)
    value = _lines(row.value, width, size, True, measure, VALUE_MAX_LINES, allow_shortening)
    if label is None or value is None:
        return None
    return PlacedRow(row.key, label[0], value[0], note_lines, False, 0.0, label[1], value[1],
                     note_short, False)


def fit_rows(
    rows: Sequence[Row],
    width: float,
    height: float,
    measure: Measure,
    preferred: float,
    minimum: float,
    leading: float = 1.2,
    row_gap: float = 1.5,
    value_gap: float = 6.0,
    prefer_one_line: bool = True,
) -> RowsLayout:
    """Place label/value rows in order, one type size for all, as large as they fit.

    At the minimum size a label longer than the line is shortened, a value is
    wrapped onto at most two lines and then shortened, a note is shortened to
    one line, and rows that do not fit vertically are left off, the lowest
    `keep` (then the last) first; rows left off are tried again afterwards in
    order, in case a shorter one fits the room that is left.
    """
    rows = [
        r if (label := normalise(r.label), value := normalise(r.value),
              note := normalise(r.note)) == (r.label, r.value, r.note)
        else replace(r, label=label, value=value, note=note)
        for r in rows
    ]
    # Rows read best as one line each: a smaller size is tried before a second line.
    for one_line_only in (True, False) if prefer_one_line else (False,):
        size = preferred
        while True:
            placed = [_place_row(r, width, value_gap, size, measure, False) for r in rows]
            if all(p is not None and (p.one_line or not one_line_only) for p in placed):
                layout = _stack_rows([p for p in placed if p is not None], size, leading,
                                     row_gap)
                if layout.height <= height:
                    return layout
            if size <= minimum:
                break
            size = max(minimum, size - SIZE_STEP)
    size = minimum
    current: list[PlacedRow] = []
    for r in rows:
        placed_row = _place_row(r, width, value_gap, size, measure, True)
        assert placed_row is not None  # shortening always places a row
        current.append(placed_row)
    layout = _stack_rows(current, size, leading, row_gap)
    order = sorted(range(len(rows)), key=lambda i: (rows[i].keep, -i))
    for victim in order:
        if layout.height <= height:
            break
        current[victim] = replace(current[victim], left_off=True)
        layout = _stack_rows(current, size, leading, row_gap)
    for index, row in enumerate(current):
        if row.left_off:
            trial = [*current[:index], replace(row, left_off=False), *current[index + 1:]]
            trial_layout = _stack_rows(trial, size, leading, row_gap)
            if trial_layout.height <= height:
                current, layout = trial, trial_layout
    return layout


def _stack_rows(
    placed: Sequence[PlacedRow], size: float, leading: float, row_gap: float
) -> RowsLayout:
    line_height = size * leading
    y = 0.0
    out: list[PlacedRow] = []
    for row in placed:
        if row.left_off:
            out.append(row if row.top == y else replace(row, top=y))
            continue
        if any(not r.left_off for r in out):
            y += row_gap
        out.append(row if row.top == y else replace(row, top=y))
        y += row.line_count * line_height
    return RowsLayout(tuple(out), size, line_height, y)
