"""Compiled templates kept between runs: the same text, and never written by a build."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.text import templates
from workbook.text.templates import CompiledTemplates, TextEnvironment

CONTEXT = {"name": "Jo <b>", "pathways": [], "blank": False, "facility": "Riverside"}


def _render(env: TextEnvironment, name: str) -> str:
    return env.get_template(f"en/{name}.j2").render(**CONTEXT)


def test_compiled_templates_render_the_same_text(tmp_path: Path) -> None:
    writer = TextEnvironment(CompiledTemplates(tmp_path, writable=True))
    expected = _render(writer, "how_to_use")
    entries = list(tmp_path.iterdir())
    assert len(entries) == 1
    reader = TextEnvironment(CompiledTemplates(tmp_path))
    assert _render(reader, "how_to_use") == expected
    assert "Jo &lt;b&gt;" in expected  # still autoescaped


def test_a_build_never_writes_the_cache(tmp_path: Path) -> None:
    reader = TextEnvironment(CompiledTemplates(tmp_path))
    _render(reader, "how_to_use")
    assert list(tmp_path.iterdir()) == []


def test_a_stale_entry_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writer = TextEnvironment(CompiledTemplates(tmp_path, writable=True))
    _render(writer, "how_to_use")
    (entry,) = tmp_path.iterdir()
    # Put another template's compiled code under this template's key: the
    # source checksum no longer matches, so Jinja compiles the real source.
    other = tmp_path / "other"
    other.mkdir()
    _render(TextEnvironment(CompiledTemplates(other, writable=True)), "goals")
    (goals_entry,) = other.iterdir()
    entry.write_bytes(goals_entry.read_bytes())
    reader = TextEnvironment(CompiledTemplates(tmp_path))
    assert _render(reader, "how_to_use") == _render(TextEnvironment(), "how_to_use")


def test_the_cache_folder_is_not_a_language() -> None:
    assert "__cache__" not in templates.languages()
    assert templates.languages() == ("en", "es")
