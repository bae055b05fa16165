"""Extraction of the model's field titles and help texts for the catalogues."""

from __future__ import annotations

import io

from workbook.text.extract import extract, field_messages

SOURCE = '''
from .common import field, list_field, record_field
from pydantic import Field

class Person(Record):
    name: str = field("Name", "What they like to be called.", ...)
    kids: list[str] = list_field("Children", "")
    home: Home = record_field("Home", Home, "Where they live.")
    other: str = Field(default="", title="Other", description="Anything else.")
    computed: str = field(TITLE)  # not a literal: nothing to extract
    label = N_("A marked string")
'''


def test_titles_and_descriptions_are_found() -> None:
    texts = [text for _, text in field_messages(SOURCE)]
    assert sorted(texts) == sorted([
        "Name", "What they like to be called.", "Children", "Home", "Where they live.",
        "Other", "Anything else.",
    ])


def test_babel_markers_are_extracted_too() -> None:
    found = list(extract(io.BytesIO(SOURCE.encode()), {"N_": None}, [], {}))
    messages = [message for _, _, message, _ in found]
    assert "A marked string" in messages
    assert "Name" in messages
