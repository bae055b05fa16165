"""What kind of editor a model field needs, and how its choices are named.

Read from the Pydantic model itself (annotation, title, description), so a
field added to the plan shows up in the form with its own label and help.
No Qt here.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..plan import label
from ..text.i18n import display_name, languages

Kind = Literal["text", "date", "enum", "bool", "literal", "records", "texts", "enums", "record"]



@dataclass(frozen=True)
class FieldKind:
    """`kind` of editor; `item` the enum, record or literal values it chooses from."""

    kind: Kind
    item: Any = None
    optional: bool = False
    required: bool = False


def _strip_annotated(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _is_required_text(tp: Any) -> bool:
    if typing.get_origin(tp) is not typing.Annotated:
        return False
    return any(
        getattr(getattr(meta, "func", None), "__name__", "") == "_not_blank"
        for meta in typing.get_args(tp)[1:]
    )


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Enum)


def _schema_choices(info: FieldInfo, tp: Any) -> tuple[str, ...]:
    """The values a string field allows when its schema lists them (the plan's language)."""
    metadata = list(info.metadata)
    if typing.get_origin(tp) is typing.Annotated:
        metadata += typing.get_args(tp)[1:]
    for meta in metadata:
        schema = getattr(meta, "json_schema", None)
        if isinstance(schema, dict) and "enum" in schema:
            return tuple(str(value) for value in schema["enum"])
    return ()


def classify(info: FieldInfo) -> FieldKind:
    tp = info.annotation
    optional = False
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        optional = len(args) < len(typing.get_args(tp))
        tp = args[0]
        origin = typing.get_origin(tp)
    required = info.is_required() or any(
        getattr(getattr(m, "func", None), "__name__", "") == "_not_blank" for m in info.metadata
    )
    if origin is list:
        (item,) = typing.get_args(tp)
        bare = _strip_annotated(item)
        if isinstance(bare, type) and issubclass(bare, BaseModel):
            return FieldKind("records", bare)
        if _is_enum(bare):
            return FieldKind("enums", bare)
        return FieldKind("texts", required=_is_required_text(item))
    if origin is Literal:
        return FieldKind("literal", typing.get_args(tp), optional)
    choices = _schema_choices(info, tp)
    if choices:
        return FieldKind("literal", choices, optional)
    if tp is bool:
        return FieldKind("bool")
    if tp is dt.date:
        return FieldKind("date", optional=optional)
    if _is_enum(tp):
        return FieldKind("enum", tp, optional)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return FieldKind("record", tp)
    return FieldKind("text", required=required)


def choice_label(value: Any) -> str:
    """How a person reads an enum or literal value."""
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, str) and value in languages():
        # Each language in its own words, so a reader finds theirs: English, Español.
        return display_name(value, value)
    raw = value.value if isinstance(value, StrEnum) else str(value)
    return str(raw).replace("_", " ").capitalize()


def record_fields(record_type: type[BaseModel]) -> list[tuple[str, FieldInfo, FieldKind]]:
    return [(name, info, classify(info)) for name, info in record_type.model_fields.items()]

