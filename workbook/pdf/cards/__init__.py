"""Contact cards and the wallet crisis card: a program of their own beside the workbook.

Contact cards are business-card size (3.5 x 2 in), ten to a sheet in the
positions of Avery 5371/8371 (Letter) or Avery L7414 (A4); see
`workbook.geometry.sheets`. The wallet card is ISO ID-1, front and back side
by side with a fold line. Rooms: `content` (what goes on a card, from the
plan), `layout` (fitting, pure), `draw` (thin ReportLab drawing), `qr`,
`discreet`, `contact` (sheets), `wallet`, `build` (the entry points).
"""

from .build import CardSheet, build_cards_pdf, card_overflow, card_story

__all__ = ["CardSheet", "build_cards_pdf", "card_overflow", "card_story"]
