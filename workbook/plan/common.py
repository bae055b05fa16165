"""Building blocks shared by every part of the plan model.

Every record forbids unknown keys (a typo in a plan file is reported, not
silently dropped) and validates on assignment (the desktop form edits the live
model and learns at once when a value is wrong).
"""

from __future__ import annotations

import os
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
)

from ..text.i18n import N_

# Pydantic looks for plugins in every installed package's entry points the
# first time a model is built: a scan of the whole environment's metadata
# (64 packages with the test tools) on every start, for plugins the workbook
# never uses. A value the user set is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

# Limits on what a person can enter. Long answers are welcome (a client may
# dictate several pages; DESIGN promises at least 5,000 characters) and long
# lists too (at least 200 contacts), but a pasted book or a list of ten
# thousand triggers would freeze the form and take minutes to print. The
# form reads these from the fields (their `max_length`), so it stops typing
# where a plan file would be refused. A plan already in the library that is
# over a limit (saved before the limit existed) still opens: see
# `LENIENT` and `plan.limits.over_limits`.
MAX_TEXT = 20_000
MAX_ITEMS = 500
MAX_NAME = 200  # a preferred name or initials, printed on the cover and cards

# The check for "not blank", as a pattern the JSON Schema can say too.
NOT_BLANK = r"\S"
_VISIBLE = re.compile(NOT_BLANK)

LENIENT = {"limits": False}
"""Validation context for plans already stored: over-limit text and lists are kept."""


def _lenient(info: ValidationInfo) -> bool:
    context = info.context
    return isinstance(context, dict) and context.get("limits") is False


def _only_limits(error: ValidationError) -> bool:
    return all(e["type"] in ("string_too_long", "too_long") for e in error.errors())


def _not_blank(value: str) -> str:
    if not _VISIBLE.search(value):
        raise ValueError(N_("must not be empty"))
    return value


def _stored_text(
    value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
) -> Any:
    """Text over the limit is kept as it is when a stored plan is read (`LENIENT`)."""
    try:
        return handler(value)
    except ValidationError as error:
        if _lenient(info) and isinstance(value, str) and _only_limits(error):
            return value  # stored under the old limits, so never blank
        raise


Text = Annotated[str, Field(max_length=MAX_TEXT), WrapValidator(_stored_text)]
"""Free text in the client's own words; may be empty."""

RequiredText = Annotated[
    str,
    # The schema says "not blank" as the pattern; `_not_blank` checks the same
    # pattern here (and names the problem in plain words).
    Field(max_length=MAX_TEXT, json_schema_extra={"pattern": NOT_BLANK}),
    AfterValidator(_not_blank),
    WrapValidator(_stored_text),
]
"""Free text that must hold at least one visible character."""

Name = Annotated[str, Field(max_length=MAX_NAME), WrapValidator(_stored_text)]
"""A preferred name or initials."""


class Record(BaseModel):
    """Base of every part of the plan."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        use_enum_values=False,
        populate_by_name=True,
    )

    @field_validator("*", mode="wrap")
    @classmethod
    def _stored_list(
        cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> Any:
        """A list over the limit is kept whole when a stored plan is read (`LENIENT`).

        It is validated in pieces no longer than the limit, so each item is
        checked as usual; only the length is let through.
        """
        try:
            return handler(value)
        except ValidationError as error:
            if not (_lenient(info) and isinstance(value, list) and _only_limits(error)):
                raise
            limit = next(
                (e["ctx"]["max_length"] for e in error.errors()
                 if e["type"] == "too_long" and not e["loc"]),
                None,
            )
            if not limit:
                raise
            items: list[Any] = []
            for start in range(0, len(value), limit):
                items.extend(handler(value[start : start + limit]))
            return items


def field(title: str, description: str = "", default: Any = "", **kwargs: Any) -> Any:
    """A model field with the label and help text the form shows."""
    return Field(default=default, title=title, description=description, **kwargs)


def record_field(title: str, factory: type[Record], description: str = "") -> Any:
    """A nested record, created empty by default."""
    return Field(default_factory=factory, title=title, description=description)


def list_field(title: str, description: str = "", **kwargs: Any) -> Any:
    """A list of small records, empty by default, at most `MAX_ITEMS` long."""
    kwargs.setdefault("max_length", MAX_ITEMS)
    return Field(default_factory=list, title=title, description=description, **kwargs)
