"""The printed prose: one Jinja2 environment for every template in the workbook.

Templates live in ``workbook/templates/<language>/<name>.j2`` inside the installed
package and produce ReportLab paragraph markup (only ``<b>``, ``<i>`` and ``<br/>``
written literally in the templates). Everything passed in as context is
autoescaped, so a client's name can never inject markup.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from .cachefiles import replace_cache_file

TEMPLATE_PACKAGE = "workbook"
TEMPLATE_DIR = "templates"
DEFAULT_LANGUAGE = "en"

#: Every template the workbook prints, in the order they appear (roughly).
TEMPLATE_NAMES: tuple[str, ...] = (
    "cover_tagline",
    "how_to_use",
    "pathways",
    "pathway_self_management",
    "pathway_clinical",
    "pathway_mutual_support",
    "pathway_faith_based",
    "pathway_other",
    "prevention",
    "support_network",
    "online_privacy",
    "whole_health",
    "continuing_care",
    "goals",
    "crisis_plan",
    "safer_surroundings",
    "keep_going",
    "overdose",
    "after_crisis",
    "check_ins",
    "trackers",
    "tracker_daily_check_in",
    "tracker_craving_log",
    "tracker_meeting_log",
    "tracker_mood",
    "review_log",
    "signatures",
    "contact_cards",
    "wallet_card",
)


class TemplateError(LookupError):
    """A template or language that does not exist (one-line message)."""


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in ``templates/__cache__`` inside the package.

    Compiling the workbook's 29 templates costs about 10 ms of every `build`
    (a new process each time). `scripts/setup.sh` compiles them once
    (`compile_templates`); a build reads the compiled code and never writes:
    Jinja checks each entry against the template's source and compiles in
    memory, as without a cache, when it is missing or stale.
    """

    def __init__(self, directory: Path, *, writable: bool = False) -> None:
        self.directory = directory
        self.writable = writable

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            with (self.directory / bucket.key).open("rb") as stream:
                bucket.load_bytecode(stream)
        except OSError:
            pass  # no entry: Jinja compiles the template itself

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if not self.writable:
            return
        replace_cache_file(self.directory / bucket.key, bucket.bytecode_to_string())


def _cache_directory() -> Path:
    return Path(str(resources.files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_DIR, "__cache__")))


class TextEnvironment(jinja2.Environment):
    """The one environment for printed prose: autoescaped, strict, package-loaded."""

    def __init__(self, bytecode_cache: jinja2.BytecodeCache | None = None) -> None:
        super().__init__(
            loader=jinja2.PackageLoader(TEMPLATE_PACKAGE, TEMPLATE_DIR),
            bytecode_cache=bytecode_cache or CompiledTemplates(_cache_directory()),
            # Every template is markup for ReportLab paragraphs, whatever its
            # file extension, so escaping is switched on unconditionally.
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )


@cache
def environment() -> TextEnvironment:
    """The shared environment, created once (it caches compiled templates)."""
    return TextEnvironment()


def compile_templates() -> int:
    """Compile every template of every language into the package's cache (run by
    `scripts/setup.sh`); the number compiled. Old entries are removed first."""
    directory = _cache_directory()
    directory.mkdir(exist_ok=True)
    for old in directory.iterdir():
        old.unlink()
    env = TextEnvironment(CompiledTemplates(directory, writable=True))
    names = env.list_templates(filter_func=lambda name: name.endswith(".j2"))
    for name in names:
        env.get_template(name)
    return len(names)


@cache
def languages() -> tuple[str, ...]:
    """Languages that have a template folder in the installed package."""
    root = resources.files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_DIR)
    return tuple(
        sorted(
            entry.name
            for entry in root.iterdir()
            if entry.is_dir() and entry.name != "catalogues" and not entry.name.startswith("_")
        )
    )


def _tidy(text: str) -> str:
    """Collapse the template's layout into paragraphs separated by one blank line.

    Inside a paragraph, line breaks in the template source are just spaces
    (none after a literal ``<br/>``); a blank line (or more) starts a new
    paragraph.
    """
    paragraphs: list[str] = []
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
            current = ""
        elif not current or current.endswith("<br/>"):
            # No space after a forced break, or the next line would start with one.
            current += stripped
        else:
            current += " " + stripped
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def render(name: str, /, *, language: str = DEFAULT_LANGUAGE, **ctx: Any) -> str:
    """Render ``templates/<language>/<name>.j2`` to ReportLab paragraph markup.

    ``name`` is positional-only so that the context can carry the client's
    ``name`` too: ``render("how_to_use", name="Jo", ...)``.

    Context every template expects: ``name`` (preferred name, "" when blank),
    ``pathways`` (list of PathwayKind values), ``blank`` (bool) and
    ``facility`` (facility name or ""). A missing variable raises
    ``jinja2.UndefinedError``; a missing template or language raises
    ``TemplateError``.
    """
    if language not in languages():
        raise TemplateError(
            f"no printed text for language {language!r} (available: {', '.join(languages())})"
        )
    if "/" in name or "\\" in name or name.startswith("."):
        raise TemplateError(f"invalid template name {name!r}")
    try:
        template = environment().get_template(f"{language}/{name}.j2")
    except jinja2.TemplateNotFound:
        raise TemplateError(f"no template {name!r} for language {language!r}") from None
    return _tidy(template.render(**ctx))
