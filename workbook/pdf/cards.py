"""Contact cards and the wallet crisis card (placeholder until the cards work lands)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..options import OverflowNote, RenderOptions
from ..plan import Plan


def card_story(plan: Plan | None, options: RenderOptions) -> tuple[list[Flowable], list[OverflowNote]]:
    return [], []


def card_overflow(plan: Plan | None, options: RenderOptions) -> list[OverflowNote]:
    return []
