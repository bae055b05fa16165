"""The English workbook and form are written in American English.

Printed and interface words only: the prose templates, the suggestion
catalogues, the plan's field titles and help, the form's pages, the strings
in the code, and the text of built workbooks. Names in the code (the
`Organisation` model, the `organisations` field of plan files) are not
words anyone reads, and renaming a plan file's fields would break old files.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from pdfutil import extract_text

from workbook.example import example_plan
from workbook.options import RenderOptions
from workbook.pdf import build_workbook

# British spellings and their American forms (word starts, so "organisations" counts).
BRITISH = {
    "organis": "organiz", "centre": "center", "counsell": "counsel", "colour": "color",
    "behaviour": "behavior", "neighbour": "neighbor", "favourite": "favorite",
    "honour": "honor", "programme": "program", "recognis": "recogniz", "realis": "realiz",
    "apologis": "apologiz", "travell": "travel", "cancell": "cancel", "defence": "defense",
    "offence": "offense", "licence": "license", "practis": "practic",
    "grey": "gray", "hospitalis": "hospitaliz", "prioritis": "prioritiz", "minimis": "minimiz",
    "dialled": "dialed", "judgement": "judgment", "fulfil ": "fulfill ",
}
PATTERN = re.compile(r"\b(" + "|".join(re.escape(w.strip()) for w in BRITISH) + r")",
                     re.IGNORECASE)
# A name in the code or a plan file's field ("organisations", "support_network.organisations").
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\[\]]*$")
ROOT = Path(__file__).resolve().parents[2] / "workbook"


def british(text: str) -> list[str]:
    return sorted({m.group(0) for m in PATTERN.finditer(text)})


def _code_strings() -> Iterator[tuple[str, str]]:
    """Every string constant in the code that is not a docstring or a name."""
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef
                          | ast.AsyncFunctionDef)
            and node.body and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings and not IDENTIFIER.match(node.value)):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value


def test_no_british_spelling_in_the_strings_of_the_code() -> None:
    found = {where: british(text) for where, text in _code_strings() if british(text)}
    assert found == {}


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_no_british_spelling_in_the_english_templates_and_catalogues() -> None:
    folder = resources.files("workbook").joinpath("templates")
    found = {}
    for entry in folder.joinpath("en").iterdir():
        if british(entry.read_text(encoding="utf-8")):
            found[entry.name] = british(entry.read_text(encoding="utf-8"))
    for entry in folder.joinpath("catalogues").iterdir():  # what is printed: the values
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            words = british(" ".join(_strings(data)))
            if words:
                found[entry.name] = words
    assert found == {}


@pytest.mark.parametrize("plan", [example_plan(), None], ids=["example", "blank"])
def test_no_british_spelling_in_the_printed_workbook(plan: object) -> None:
    text = extract_text(build_workbook(plan, RenderOptions()).pdf)  # type: ignore[arg-type]
    assert british(text) == []


def test_the_check_finds_british_spelling() -> None:
    assert british("A community centre for counselling, in colour.") == [
        "centre", "colour", "counsell"]
