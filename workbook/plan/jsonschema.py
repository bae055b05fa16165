"""The plan file's JSON Schema, saying what `validate` enforces.

Pydantic writes most of it from the model: types, choices, lengths, and the
"not blank" rule as ``pattern: "\\S"`` (the same pattern `common._not_blank`
checks). What a model cannot say by itself is added here: `schema_version`
is required in a file (a file without one is refused), and a person on the
wallet card needs a phone number (`SupportPerson`'s rule across two fields),
as ``if``/``then``.
"""

from __future__ import annotations

from typing import Any

from .common import NOT_BLANK
from .model import Plan


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file (draft 2020-12, as Pydantic writes it)."""
    schema = Plan.model_json_schema()
    required = schema.setdefault("required", [])
    if "schema_version" not in required:
        required.insert(0, "schema_version")
    person = schema["$defs"]["SupportPerson"]
    person["if"] = {
        "properties": {"on_wallet_card": {"const": True}},
        "required": ["on_wallet_card"],
    }
    person["then"] = {
        "properties": {"phone": {"pattern": NOT_BLANK}},
        "required": ["phone"],
    }
    return schema
