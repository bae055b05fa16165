"""The contact sheet's QR codes: only the carded contacts, split when many, readable by a phone."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from cardplans import base_plan, stress_plan

from workbook.options import RenderOptions
from workbook.pdf.cards import build_cards_pdf
from workbook.pdf.cards.content import contact_cards
from workbook.pdf.cards.qr import qr_payloads, vcard_contacts


def test_qr_codes_hold_only_the_carded_contacts() -> None:
    plan = base_plan()
    cards = contact_cards(plan)
    payloads, notes = qr_payloads(cards)
    assert notes == []
    text = "".join(p.text for p in payloads)
    assert [c.name for c in vcard_contacts(cards)] == [n for p in payloads for n in p.names]
    assert text.count("BEGIN:VCARD") == len(cards)
    assert "TEL:(503) 555-0142\r\n" in text
    assert "NOTE:Friend from work\\; ext. 214 (work line\\, weekdays only)\r\n" in text
    for private in ("Listening, rides", "Any time", "I stop answering", "Kitchen drawer",
                    "Old friend", "J. R."):
        assert private not in text


def test_qr_codes_split_and_report_what_they_cannot_hold() -> None:
    plan = stress_plan()
    payloads, notes = qr_payloads(contact_cards(plan))
    assert 1 < len(payloads) <= 6
    assert all(p.version <= 15 for p in payloads)
    held = {n for p in payloads for n in p.names}
    left = {re.sub(r"^contact '(.*)'$", r"\1", n.item) for n in notes}
    assert held | left == {c.name.text for c in contact_cards(plan)}
    assert all(n.where == "contact cards, QR code" for n in notes)


def test_qr_codes_decode_to_the_vcards(tmp_path: Path) -> None:
    import zxingcpp  # a QR reader, as a phone camera would (declared in the test extras)
    from PIL import Image

    plan = stress_plan()
    payloads, _ = qr_payloads(contact_cards(plan))
    pdf = tmp_path / "cards.pdf"
    pdf.write_bytes(build_cards_pdf(plan, RenderOptions.for_plan(plan), "contact").pdf)
    # Rendered at 150 dpi, as a plain office printer would print it.
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "3", "-l", "3", str(pdf),
                    str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    decoded = {r.text for r in zxingcpp.read_barcodes(Image.open(png))}
    assert decoded == {p.text for p in payloads}
    assert all("TEL:(503) 555-01" in text for text in decoded)
