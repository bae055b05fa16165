"""What changed between two revisions of a plan, in plain words.

`describe_changes` walks the plan model generically: nested sections are
compared field by field, lists of records item by item (matched by their
main text, such as a trigger's name), and every change becomes one short
sentence built from the model's field titles ("added a trigger: payday",
"changed the next review date to 12 January 2027"). A few fields get
friendlier words from the tables below; a field added to the model later is
described from its title without any change here.

Long answers are never quoted: a sentence names an item by at most
`LABEL_LENGTH` characters of its main text and otherwise says which answer
changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import Enum
from typing import Any

from pydantic.fields import FieldInfo

from ..plan import (
    CareAppointment,
    Meeting,
    Paper,
    PathwayChoice,
    Plan,
    Record,
    field_title,
    label,
)
from ..text.dates import format_date

# A date in words, as the workbook prints it for the plan's language and paper.
DateWords = Callable[[dt.date], str]

LABEL_LENGTH = 40
SUMMARY_LIMIT = 6

# What one item of a list is called, and the list as a whole, by field path
# (list indices left out: "goals.goals.steps" is the steps of any goal).
LIST_NAMES: dict[str, tuple[str, str]] = {
    "pathways.chosen": ("pathway", "pathways"),
    "prevention.triggers": ("trigger", "triggers"),
    "prevention.warning_signs": ("warning sign", "warning signs"),
    "prevention.high_risk_situations": ("high-risk situation", "high-risk situations"),
    "prevention.craving_strategies": ("craving strategy", "craving strategies"),
    "prevention.balance": ("way to keep life in balance", "ways to keep life in balance"),
    "prevention.coping_skills": ("coping skill", "coping skills"),
    "support_network.people": ("contact", "contacts"),
    "support_network.meetings": ("meeting", "meetings"),
    "support_network.organisations": ("organisation", "organisations"),
    "support_network.online_communities": ("online community", "online communities"),
    "support_network.mentors": ("sponsor, coach or mentor", "sponsors, coaches and mentors"),
    "support_network.sober_activities": ("sober activity", "sober activities"),
    "whole_health.self_care": ("self-care practice", "self-care practices"),
    "whole_health.medications": ("medication", "medications"),
    "whole_health.checkups": ("check-up", "check-ups"),
    "continuing_care.appointments": ("care appointment", "care schedule"),
    "goals.goals": ("goal", "goals"),
    "goals.goals.steps": ("step", "steps"),
    "crisis_plan.signs": ("crisis sign", "crisis signs"),
    "crisis_plan.steps": ("crisis step", "crisis steps"),
    "crisis_plan.contacts": ("crisis contact", "crisis contacts"),
    "check_ins.check_ins": ("check-in", "check-ins"),
    "check_ins.trackers": ("tracker", "trackers"),
    "check_ins.other_signers": ("signer", "other signers"),
}

# How a single answer is named when its title alone reads badly in a sentence.
FIELD_NAMES: dict[str, str] = {
    "pathways.arrangement": "how the pathways run",
    "pathways.arrangement_notes": "the notes on how the pathways fit together",
    "support_network.family.sessions": "the family sessions",
    "support_network.family.communication_goals": "the family communication goals",
    "support_network.family.boundaries": "the family boundaries",
    "crisis_plan.return_to_treatment": "the treatment to return to",
    "crisis_plan.where_to_go": "where to go in a crisis",
    "crisis_plan.naloxone_location": "where the naloxone is kept",
    "crisis_plan.after_a_crisis": "the plan for after a crisis or a slip",
    "check_ins.review_every": "how often the plan is reviewed",
    "check_ins.client_signature_name": "the client's name for signing",
    "check_ins.counselor_signature_name": "the counselor's name for signing",
    "wallet_card.title": "the wallet card title",
    "print_settings.language": "the workbook language",
}

# Sections whose answers read better with a prefix ("the notes on housing").
SECTION_PREFIXES: dict[str, str] = {
    "about.snapshot": "the assessment of ",
    "continuing_care.daily_life": "the notes on ",
}

# Yes/no answers: what switching each way did.
SWITCHES: dict[str, tuple[str, str]] = {
    "print_settings.large_print": ("switched to large print", "switched to normal print"),
    "crisis_plan.include_standard_lines": (
        "put the national crisis lines in",
        "left the national crisis lines out",
    ),
    "crisis_plan.naloxone_applies": (
        "marked that naloxone applies",
        "marked that naloxone does not apply",
    ),
    "wallet_card.discreet": ("made the wallet card discreet", "made the wallet card plain-spoken"),
}

def describe_changes(old: Plan, new: Plan, *, paper: Paper | None = None) -> list[str]:
    """Each change from `old` to `new` as a short sentence, in the plan's order.

    Dates are written as the workbook prints them for `paper` (by default
    the new plan's own paper size): "January 12, 2027" on Letter, "12 January
    2027" on A4.
    """
    changes: list[str] = []
    on_paper = paper or new.print_settings.paper
    language = new.print_settings.language

    def date_words(day: dt.date) -> str:
        return format_date(day, language=language, paper=on_paper)

    _compare_record(old, new, "", changes, date_words)
    return changes


def summarise_changes(changes: list[str], limit: int = SUMMARY_LIMIT) -> str:
    """Changes as one line for the review log, cut after `limit` of them."""
    if not changes:
        return "no changes"
    shown = changes[:limit]
    more = len(changes) - len(shown)
    if more:
        shown.append(f"and {more} more change{'s' if more != 1 else ''}")
    return "; ".join(shown)


# -- naming ----------------------------------------------------------------------


def _lower_first(title: str) -> str:
    # Keep acronyms ("AA meetings") as they are.
    if len(title) > 1 and title[1].isupper():
        return title
    return title[:1].lower() + title[1:]


def _field_name(path: str, info: FieldInfo) -> str:
    if path in FIELD_NAMES:
        return FIELD_NAMES[path]
    title = _lower_first(field_title(info, path.rsplit(".", 1)[-1]))
    section = path.rsplit(".", 1)[0] if "." in path else ""
    if section in SECTION_PREFIXES:
        return SECTION_PREFIXES[section] + title
    return f"the {title}"


def _list_names(path: str, info: FieldInfo) -> tuple[str, str]:
    if path in LIST_NAMES:
        return LIST_NAMES[path]
    title = _lower_first(field_title(info, path.rsplit(".", 1)[-1]))
    return title, title


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > LABEL_LENGTH:
        text = text[: LABEL_LENGTH - 1].rstrip() + "…"
    return text


def _enum_label(value: Enum) -> str:
    """The choice's words, the same as in the form and the workbook."""
    return label(value)


def _item_label(item: object) -> str:
    """The words that identify one item of a list (a trigger's text, a person's name)."""
    if isinstance(item, Enum):
        return _enum_label(item)
    if isinstance(item, str):
        return _shorten(item)
    if isinstance(item, PathwayChoice):
        return _shorten(item.name) or _enum_label(item.kind)
    if isinstance(item, Meeting):
        return _shorten(item.name or item.group or item.place or item.day)
    if isinstance(item, CareAppointment):
        kind = _enum_label(item.kind)
        return f"{kind} with {_shorten(item.provider)}" if item.provider.strip() else kind
    if isinstance(item, Record):
        fields = type(item).model_fields
        # The first required text is what the item is (a trigger, a name)...
        for name, info in fields.items():
            value = getattr(item, name)
            if info.is_required() and isinstance(value, str):
                return _shorten(value)
        # ...or else its first answer with something in it.
        for name in fields:
            value = getattr(item, name)
            if isinstance(value, str) and value.strip():
                return _shorten(value)
    return ""


# -- comparing -------------------------------------------------------------------


def _compare_record(
    old: Record, new: Record, path: str, out: list[str], date_words: DateWords
) -> None:
    for name, info in type(old).model_fields.items():
        if not path and name == "schema_version":
            continue
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        here = f"{path}.{name}" if path else name
        if isinstance(before, Record) and isinstance(after, Record):
            _compare_record(before, after, here, out, date_words)
        elif isinstance(before, list) and isinstance(after, list):
            _compare_list(before, after, here, info, out)
        else:
            out.append(_describe_value(before, after, here, info, date_words))


def _describe_value(
    before: object, after: object, path: str, info: FieldInfo, date_words: DateWords
) -> str:
    name = _field_name(path, info)
    if isinstance(after, bool) and isinstance(before, bool):
        title = field_title(info, path.rsplit(".", 1)[-1])
        on, off = SWITCHES.get(path, (f"set “{title}” to yes", f"set “{title}” to no"))
        return on if after else off
    if after is None or after == "":
        plain_text = isinstance(before, str) and not isinstance(before, Enum)
        return f"cleared {name}" if plain_text else f"removed {name}"
    if isinstance(after, dt.date):
        verb = "set" if before is None else "changed"
        return f"{verb} {name} to {date_words(after)}"
    if isinstance(after, Enum):
        verb = "set" if before is None else "changed"
        return f"{verb} {name} to {_enum_label(after)}"
    if isinstance(after, str):
        return f"filled in {name}" if before in (None, "") else f"changed {name}"
    return f"changed {name}"


def _take(pool: list[Any], item: Any) -> bool:
    """Remove one item equal to `item` from `pool`; say whether there was one."""
    for index, candidate in enumerate(pool):
        if candidate == item:
            del pool[index]
            return True
    return False


def _compare_list(
    before: list[Any], after: list[Any], path: str, info: FieldInfo, out: list[str]
) -> None:
    singular, plural = _list_names(path, info)
    removed = list(before)
    added = [item for item in after if not _take(removed, item)]
    if not removed and not added:
        out.append(f"reordered the {plural}")
        return
    records = any(isinstance(item, Record) for item in (*removed, *added))
    if not records and removed and added:
        # Plain answers edited in place (crisis steps, signs): one sentence.
        out.append(f"changed the {plural}")
        return
    changed: list[str] = []
    still_added: list[Any] = []
    for item in added:
        label = _item_label(item)
        partner = next(
            (old for old in removed if isinstance(item, Record) and _item_label(old) == label),
            None,
        )
        if partner is None:
            still_added.append(item)
            continue
        removed.remove(partner)
        fields = _changed_fields(partner, item)
        detail = f" ({', '.join(fields)})" if fields else ""
        changed.append(f"changed {_a(singular)}: {label}{detail}" if label
                       else f"changed {_a(singular)}{detail}")
    for item in removed:
        label = _item_label(item)
        out.append(f"removed {_a(singular)}: {label}" if label else f"removed {_a(singular)}")
    out.extend(changed)
    for item in still_added:
        label = _item_label(item)
        out.append(f"added {_a(singular)}: {label}" if label else f"added {_a(singular)}")


def _changed_fields(old: Record, new: Record) -> list[str]:
    names: list[str] = []
    for name, info in type(old).model_fields.items():
        if getattr(old, name) != getattr(new, name):
            names.append(_lower_first(field_title(info, name)))
    return names
