"""Babel extraction of the model's field titles and help texts.

The plan model's fields carry the titles and help texts the form shows and
the workbook prints (`field("Phone", "As the client would dial it.")`). They
are message IDs: extracted here, translated in the catalogues, and looked up
in the interface language by the form and in the plan's language by the
print. Babel's own Python extraction handles `_()`, `N_()`, `gettext()`...;
this adds the string arguments of the model's field helpers, so a field added
to the model is in the catalogue without any extra marking.

Used by `babel.cfg` (`scripts/i18n.sh extract`); never imported at run time.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any, cast

from babel.messages.extract import extract_python

# Helper -> positions of (title, description); keyword arguments are read too.
FIELD_HELPERS: dict[str, tuple[int, ...]] = {
    "field": (0, 1),
    "list_field": (0, 1),
    "record_field": (0, 2),
    "Field": (),
}
_KEYWORDS = ("title", "description")


def _callee(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def field_messages(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of every literal title and description given to a field helper."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        positions = FIELD_HELPERS.get(_callee(node))
        if positions is None:
            continue
        values = [node.args[i] for i in positions if i < len(node.args)]
        values += [kw.value for kw in node.keywords if kw.arg in _KEYWORDS]
        for value in values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value:
                yield value.lineno, value.value


def extract(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: dict[str, Any],
) -> Iterator[tuple[Any, ...]]:
    """Babel's Python messages, then the field titles and help texts of the same file."""
    yield from extract_python(fileobj, keywords, comment_tags, cast(Any, options))
    fileobj.seek(0)
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    for line, text in field_messages(source):
        yield line, None, text, []  # as Babel's extractors: line, function, message, comments
