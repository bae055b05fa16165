"""Which words on a card would tell a stranger that the client is in treatment."""

from __future__ import annotations

import pytest

from workbook.pdf.cards.discreet import treatment_words


@pytest.mark.parametrize(
    ("text", "words"),
    [("Call my sponsor", ["sponsor"]), ("NA meeting at 7", ["NA"]), ("Na and Minh", []),
     ("Relapsing is not failing", ["Relapsing"]), ("12-step group", ["12-step"]),
     ("Go for a walk", [])],
)
def test_treatment_words(text: str, words: list[str]) -> None:
    assert treatment_words(text) == words
