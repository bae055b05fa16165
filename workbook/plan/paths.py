"""Field paths into a plan: ``support_network.people[2].phone``.

The same spelling as `OverflowNote.field_path` and the model's validation
messages, so a note about a card can lead the form to the field it came from.
Pure Python: no Qt here, so the form's logic is testable without widgets.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

Step = str | int
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_PATH = re.compile(rf"{_NAME}(?:\[\d+\])*(?:\.{_NAME}(?:\[\d+\])*)*")
_STEP = re.compile(rf"({_NAME})|\[(\d+)\]")


class PathError(ValueError):
    """A path that does not name a place in the plan."""


def parse(path: str) -> tuple[Step, ...]:
    """``a.b[2].c`` -> ``("a", "b", 2, "c")``."""
    if not _PATH.fullmatch(path):
        raise PathError(f"{path!r} is not a field path")
    steps: list[Step] = []
    for name, index in _STEP.findall(path):
        steps.append(name if name else int(index))
    return tuple(steps)


def join(steps: tuple[Step, ...] | list[Step]) -> str:
    text = ""
    for step in steps:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else step
    return text


def child(path: str, *steps: Step) -> str:
    return join((*parse(path), *steps)) if path else join(steps)


def get(root: Any, path: str) -> Any:
    value = root
    for step in parse(path):
        try:
            value = value[step] if isinstance(step, int) else getattr(value, step)
        except (IndexError, AttributeError):
            raise PathError(f"{path!r}: no {step!r} here") from None
    return value


def split_last(path: str) -> tuple[str, Step]:
    steps = parse(path)
    return join(steps[:-1]), steps[-1]


def set_value(root: BaseModel, path: str, value: Any) -> None:
    """Assign `value` at `path`, validated by the model; the plan is unchanged on error.

    A list element is replaced by assigning a new list to its owner, so every
    change goes through the model's validation.
    """
    parent_path, last = split_last(path)
    parent = get(root, parent_path) if parent_path else root
    if isinstance(last, int):
        if not isinstance(parent, list) or not 0 <= last < len(parent):
            raise PathError(f"{path!r}: no item {last}")
        items = list(parent)
        items[last] = value
        set_value(root, parent_path, items)
        return
    if not isinstance(parent, BaseModel):
        raise PathError(f"{path!r}: {parent_path or 'plan'} is not a record")
    if last not in type(parent).model_fields:
        raise PathError(f"{path!r}: no field {last!r}")
    old = parent.__dict__[last]
    try:
        setattr(parent, last, value)
    except Exception:
        # Pydantic keeps a value that a record-level rule rejected; put the old one back.
        parent.__dict__[last] = old
        raise


def field_info(root: BaseModel, path: str) -> Any:
    """The pydantic FieldInfo behind `path` (for list elements: the list's field)."""
    steps = parse(path)
    while steps and isinstance(steps[-1], int):
        steps = steps[:-1]
    owner = get(root, join(steps[:-1])) if len(steps) > 1 else root
    name = steps[-1]
    assert isinstance(name, str)
    return type(owner).model_fields[name]
