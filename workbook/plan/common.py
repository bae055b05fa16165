"""Building blocks shared by every part of the plan model.

Every record forbids unknown keys (a typo in a plan file is reported, not
silently dropped) and validates on assignment (the desktop form edits the live
model and learns at once when a value is wrong).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..text.i18n import N_

# Long answers are welcome (a client may dictate a page); the cap only stops a
# pasted book from freezing the form.
MAX_TEXT = 100_000


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError(N_("must not be empty"))
    return value


Text = Annotated[str, Field(max_length=MAX_TEXT)]
"""Free text in the client's own words; may be empty."""

RequiredText = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_not_blank)]
"""Free text that must hold at least one visible character."""


class Record(BaseModel):
    """Base of every part of the plan."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        use_enum_values=False,
        populate_by_name=True,
    )


def field(title: str, description: str = "", default: Any = "", **kwargs: Any) -> Any:
    """A model field with the label and help text the form shows."""
    return Field(default=default, title=title, description=description, **kwargs)


def record_field(title: str, factory: type[Record], description: str = "") -> Any:
    """A nested record, created empty by default."""
    return Field(default_factory=factory, title=title, description=description)


def list_field(title: str, description: str = "", **kwargs: Any) -> Any:
    """A list of small records, empty by default."""
    return Field(default_factory=list, title=title, description=description, **kwargs)
