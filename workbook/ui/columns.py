"""How wide a list table's columns are: every heading whole, the table inside its room.

Pure arithmetic on pixel widths, so that the rule is tested without a window.
A column wants the width of its longest cell (capped) but never less than
its heading. When the wanted widths do not fit, short answers (a phone
number) stay whole if they can, the widest columns give up room first,
down to their headings, and their long cells are cut to one
line with an ellipsis (the whole text is in the row's fields below the
table and in the cell's tooltip). Room left over goes to the text columns.
Only when the headings themselves do not fit does the table scroll sideways.
"""

from __future__ import annotations


def fit_widths(wanted: list[int], floors: list[int], room: int, growing: list[int],
               *, keep: list[int] | None = None, first: tuple[int, ...] = ()) -> list[int]:
    """Column widths for `room` pixels.

    `wanted`: each column's preferred width; `floors`: the least each may
    have (its heading); `growing`: the columns that take spare room. `keep`:
    for each column, a width to keep whole when the room allows (0: none):
    a short answer (a time, a first name) or the number in a phone column.
    The long answers give way instead, so "(503) 555-0150" is not cut while
    "What they help with" can be. The columns in `first` (phone numbers) are
    kept before the others, then the narrowest first.
    """
    floors = list(floors)
    keep = keep or [0] * len(wanted)
    for i in sorted(range(len(wanted)), key=lambda i: (i not in first, keep[i])):
        raise_by = keep[i] - floors[i]
        if raise_by > 0 and sum(floors) + raise_by <= room:
            floors[i] = keep[i]
    widths = [max(w, f) for w, f in zip(wanted, floors, strict=True)]
    spare = room - sum(widths)
    if spare >= 0:
        takers = growing or [len(widths) - 1]
        share, left = divmod(spare, len(takers))
        for n, i in enumerate(takers):
            widths[i] += share + (1 if n < left else 0)
        return widths
    # Too wide: lower the widest columns to a common width (never below a
    # column's floor) until the total fits, or every column is at its floor.
    excess = -spare
    while excess > 0:
        above = [i for i, w in enumerate(widths) if w > floors[i]]
        if not above:
            break
        top = max(widths[i] for i in above)
        tallest = [i for i in above if widths[i] == top]
        below = [widths[i] for i in above if widths[i] < top]
        # How far the widest may come down together before they meet the
        # next widest or one of them reaches its floor.
        step = min([top - max(below, default=0), *(top - floors[i] for i in tallest)])
        cut = min(step * len(tallest), excess)
        share, left = divmod(cut, len(tallest))
        for n, i in enumerate(tallest):
            widths[i] -= share + (1 if n < left else 0)
        excess -= cut
    return widths


def break_in_two(heading: str) -> str:
    """A heading broken at the space nearest its middle ("What they\\nhelp with")."""
    words = heading.split(" ")
    if len(words) < 2:
        return heading
    best = min(range(1, len(words)),
               key=lambda k: abs(len(" ".join(words[:k])) - len(" ".join(words[k:]))))
    return " ".join(words[:best]) + "\n" + " ".join(words[best:])


def heading_text(heading: str, required: bool, *, two_lines: bool) -> str:
    """A column's heading as shown: a needed field marked with "*", on one line or two."""
    return (break_in_two(heading) if two_lines else heading) + (" *" if required else "")
