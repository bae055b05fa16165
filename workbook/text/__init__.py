"""Words: the printed prose's Jinja2 environment (`templates`)."""

from .templates import DEFAULT_LANGUAGE, TemplateError, languages, render

__all__ = ["DEFAULT_LANGUAGE", "TemplateError", "languages", "render"]
