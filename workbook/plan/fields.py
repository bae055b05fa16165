"""What a person reads about a field: its title, and what is wrong with its value.

One grammar for the whole program. The form's labels, the printed headings,
the change summaries of the library and the validation messages of plan
files and of the form all take a field's title from the model
(`Field(title=...)`) through `field_title`, and read a Pydantic error through
`first_problem`, so the same field is called the same thing everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from ..text.i18n import N_, SOURCE_LANGUAGE, _, interface_language, ngettext, translator
from . import paths

# A record-level rule names the field it is about: "phone: a person on the ...".
_NAMED_FIELD = re.compile(r"^([a-z_][a-z0-9_]*): (.*)$", re.DOTALL)
# Pydantic's wording for a failed validator, which a person need not read.
_PREFIXES = ("Value error, ", "Assertion failed, ")
# Pydantic's own words for some problems, said plainly.
_PLAIN_WORDS = {
    "extra_forbidden": N_("is not a field of a recovery plan (misspelt?)"),
    "string_too_long": N_("is too long"),
}
# Pydantic writes its messages in English only. In another interface language a
# common problem is said in our own words instead ({expected}: the allowed values).
_DATE = N_("is not a date; write it as year-month-day, for example 2026-11-20")
_WORDS_BY_TYPE = {
    "missing": N_("is required"),
    "string_type": N_("should be text"),
    "bool_parsing": N_("should be true or false"),
    "bool_type": N_("should be true or false"),
    "date_parsing": _DATE,
    "date_type": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "enum": N_("should be one of: {expected}"),
    "literal_error": N_("should be one of: {expected}"),
    "list_type": N_("should be a list"),
    "dict_type": N_("should be a group of fields"),
    "model_type": N_("should be a group of fields"),
    "model_attributes_type": N_("should be a group of fields"),
    "int_parsing": N_("should be a whole number"),
    "int_type": N_("should be a whole number"),
}


def field_title(
    owner: type[BaseModel] | BaseModel | FieldInfo, name: str, language: str | None = None
) -> str:
    """The title of field `name` of a record (or of its `FieldInfo`), in `language`.

    Every field of the plan has a title; should one be missing, its name is
    written in words ("next_review_date" -> "Next review date"). Titles are
    message IDs (workbook/text/extract.py): None reads them in the interface
    language (the form, messages); the print passes the plan's language.
    """
    if isinstance(owner, FieldInfo):
        info = owner
    else:
        model = owner if isinstance(owner, type) else type(owner)
        info = model.model_fields[name]
    title = str(info.title or name.replace("_", " ").capitalize())
    return translator(language or interface_language()).gettext(title)


def field_description(info: FieldInfo, language: str | None = None) -> str:
    """A field's help text (`Field(description=...)`), in `language` (None: the interface's)."""
    text = str(info.description or "")
    return translator(language or interface_language()).gettext(text) if text else ""


def path_title(root: BaseModel, path: str) -> str:
    """The title of the field at `path` (for a list element, the list's title)."""
    name = next(step for step in reversed(paths.parse(path)) if isinstance(step, str))
    return field_title(paths.field_info(root, path), name)


@dataclass(frozen=True)
class Problem:
    """The first thing wrong in a validation error.

    `path` is the field path it is about ("" for the plan as a whole),
    `message` what is wrong in plain words ("must not be empty"), `more` how
    many further problems the error holds.
    """

    path: str
    message: str
    more: int = 0


def first_problem(error: ValidationError, record: str = "recovery plan") -> Problem:
    """The first problem of a Pydantic validation error, located and in plain words.

    `record` is what was being read ("facility profile"), for an unknown field.
    """
    problems = error.errors(include_url=False)
    first = problems[0]
    loc: tuple[paths.Step, ...] = tuple(first["loc"])
    message = str(first["msg"])
    for prefix in _PREFIXES:
        message = message.removeprefix(prefix)
    if first["type"] in ("value_error", "assertion_error"):
        # The plan's own rules raise message IDs ("phone: a person on the wallet ...").
        message = _(message)
    named = _NAMED_FIELD.match(message)
    if named:
        loc = (*loc, named.group(1))
        message = named.group(2)
    kind = first["type"]
    limit = _limit_words(first)
    if limit is not None:
        message = limit
    elif kind == "extra_forbidden" and record != "recovery plan":
        message = _(N_("is not a field of a facility profile (misspelt?)"))
    elif kind in _PLAIN_WORDS:
        message = _(_PLAIN_WORDS[kind])
    elif kind in _WORDS_BY_TYPE and interface_language() != SOURCE_LANGUAGE:
        expected = str(first.get("ctx", {}).get("expected", "")).replace(" or ", ", ")
        message = _(_WORDS_BY_TYPE[kind]).format(expected=expected)
    return Problem(paths.join(loc), message, len(problems) - 1)


def _limit_words(problem: Any) -> str | None:
    """What is over a limit, by how much, in plain words (never the text itself)."""
    limit = (problem.get("ctx") or {}).get("max_length")
    if limit is None:
        return None
    if problem["type"] == "string_too_long":
        length = len(problem["input"]) if isinstance(problem["input"], str) else limit + 1
        return ngettext(
            "is {length:,} characters long; it can be at most {limit:,}",
            "is {length:,} characters long; it can be at most {limit:,}",
            length,
        ).format(length=length, limit=limit)
    if problem["type"] == "too_long":
        count = (problem.get("ctx") or {}).get("actual_length") or limit + 1
        return ngettext(
            "holds {count:,} entries; a list can hold at most {limit:,}",
            "holds {count:,} entries; a list can hold at most {limit:,}",
            count,
        ).format(count=count, limit=limit)
    return None


def describe_validation_error(error: ValidationError, record: str = "recovery plan") -> str:
    """The first problem as ``path: message``, and how many more there are (for files)."""
    problem = first_problem(error, record)
    more = problem.more
    tail = " " + ngettext("(and {count} more problem)", "(and {count} more problems)",
                          more).format(count=more) if more else ""
    return f"{problem.path or _('plan')}: {problem.message}{tail}"


def field_error_message(error: Exception, title: str) -> str:
    """One line for a person editing the field called `title`: what is wrong."""
    if isinstance(error, ValidationError):
        return f"{title}: {first_problem(error).message}"
    return f"{title}: {error}"
