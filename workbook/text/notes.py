"""Overflow notes in the reader's language.

The card builders describe what did not fit in English, as fixed phrases
around the client's own words ("wallet card, back: phone of 'Sam' shortened").
The phrases are message IDs listed here; a note is translated when it is
shown, in the interface language of the person reading it, by matching its
English words against these phrases. The client's words (always in single
quotes) and numbers pass through unchanged. A phrase not listed here is shown
as written, so a new kind of note is never lost, only untranslated (the
catalogue test lists it).
"""

from __future__ import annotations

import re
from functools import cache

from .i18n import N_, _

#: Which card and side ("wallet card, back").
PLACES: tuple[str, ...] = (
    N_("wallet card, front"),
    N_("wallet card, back"),
    N_("contact cards"),
    N_("contact cards, QR code"),
)

#: What was shortened or left off; {name}, {role} and {title} hold quoted words.
ITEMS: tuple[str, ...] = (
    N_("who {name} is ({role})"),
    N_("who {name} is"),
    N_("what {name} helps with"),
    N_("when to call {name}"),
    N_("phone of {name}"),
    N_("name {name}"),
    N_("contact {name}"),
    N_("crisis line {name}"),
    N_("title {name}"),
    N_("warning sign {name}"),
    N_("step {number} {name}"),
    N_("where naloxone is kept"),
)

#: What happened to it.
ACTIONS: tuple[str, ...] = (
    N_("shortened"),
    N_("left off"),
    N_("left off (discreet card)"),
    N_("left off the card; in the workbook on page {number}"),
    N_("left off the card; only in the workbook"),
    N_("left off (too long for a QR code)"),
    N_("left off (more than {number} codes)"),
    N_("replaced by {title} (discreet card)"),
)


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """The English phrase as a pattern: quoted words and numbers as named groups."""
    parts = re.split(r"\{(\w+)\}", template)
    regex = ""
    for i, part in enumerate(parts):
        if i % 2 == 0:
            regex += re.escape(part)
        else:
            regex += rf"(?P<{part}>\d+)" if part == "number" else rf"(?P<{part}>'.*')"
    return re.compile(regex + r"\Z", re.DOTALL)


def translate_phrase(text: str, templates: tuple[str, ...]) -> str:
    """`text` in the interface language, if it is one of `templates` filled in."""
    for template in templates:
        found = _pattern(template).match(text)
        if found:
            return _(template).format(**found.groupdict())
    return text


def note_message(where: str, item: str, action: str) -> str:
    """One overflow note as a line for a person: "where: item action"."""
    return _("{where}: {item} {action}").format(
        where=translate_phrase(where, PLACES),
        item=translate_phrase(item, ITEMS),
        action=translate_phrase(action, ACTIONS),
    )
