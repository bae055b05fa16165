"""Words: the printed prose's Jinja2 environment (`templates`).

The names below load on first use (PEP 562): every room speaks through
`text.i18n`, and the desktop shows its first window before Jinja2 is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .templates import DEFAULT_LANGUAGE, TemplateError, languages, render

__all__ = ["DEFAULT_LANGUAGE", "TemplateError", "languages", "render"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import templates

        return getattr(templates, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
