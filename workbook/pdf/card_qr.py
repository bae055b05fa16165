"""The contact-card sheet's QR code: the carded contacts as vCards, nothing else.

A phone camera reads the code offline and offers to save the contacts. Only
what is printed on the contact cards goes in (name, number, who they are);
never anything from the rest of the plan.

A code is kept small enough to scan from paper: at most version 15 (77 x 77
modules, about 0.5 mm each on the card). Contacts that do not fit one code
continue in a second, up to `MAX_CODES`; a contact whose vCard alone is too
big, or beyond the last code, is left off the codes and reported (its card is
still printed). Support for several vCards in one code varies between phone
apps; every app reads the first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

from ..options import OverflowNote
from .card_content import ContactCard, quote

QR_WHERE = "contact cards, QR code"
LEVEL = "L"  # 7 % error correction: a clean print, and the most room for contacts
MAX_VERSION = 15
MAX_CODES = 6
QUIET_ZONE = 4  # modules of white around the code, as the standard asks

_NUMBER = re.compile(r"\+?\d[\d\s().\-/]*\d|\d")


@dataclass(frozen=True)
class VCardContact:
    name: str
    tel: str
    note: str
    path: str | None


@dataclass(frozen=True)
class QrPayload:
    text: str
    names: tuple[str, ...]
    version: int


def dialable(phone: str) -> str:
    """The first phone number in `phone` ("555-0100 (cell), text first" -> "555-0100")."""
    match = _NUMBER.search(phone)
    if match is None or sum(c.isdigit() for c in match.group(0)) < 3:
        return ""
    return " ".join(match.group(0).split())


def _escape(value: str) -> str:
    value = " ".join(value.split())
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def vcard(contact: VCardContact) -> str:
    """A vCard 3.0 with the name, the number and, optionally, a note."""
    name = _escape(contact.name)
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:;{name};;;", f"FN:{name}",
             f"TEL:{contact.tel}"]
    if contact.note.strip():
        lines.append(f"NOTE:{_escape(contact.note)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def vcard_contacts(cards: Sequence[ContactCard]) -> list[VCardContact]:
    """The carded contacts that have a number to dial, in card order."""
    contacts = []
    for card in cards:
        tel = dialable(card.phone.text)
        if not tel:
            continue
        # Whatever the phone field says besides the number ("ext. 12, text first") is kept.
        extra = " ".join(card.phone.text.replace(tel, " ", 1).split()).strip(" ,;-")
        note = "; ".join(part for part in (card.role.text.strip(), extra) if part)
        contacts.append(VCardContact(card.name.text.strip(), tel, note, card.name.path))
    return contacts


def _data(text: str) -> qrencoder.QR8bitByte:
    # Always byte mode (UTF-8): numeric, alphanumeric and kanji modes would
    # misread a vCard that happens to look like one of them.
    return qrencoder.QR8bitByte(text)


def version_for(text: str) -> int | None:
    """The smallest QR version up to `MAX_VERSION` holding `text`, or None."""
    data = _data(text)
    level = getattr(qrencoder.QRErrorCorrectLevel, LEVEL)
    for version in range(1, MAX_VERSION + 1):
        blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
        capacity = 8 * sum(block.dataCount for block in blocks)
        if 4 + data.getLengthBits(version) + data.bitlength <= capacity:
            return version
    return None


def qr_payloads(cards: Sequence[ContactCard]) -> tuple[list[QrPayload], list[OverflowNote]]:
    """Pack the carded contacts into as few codes as hold them."""
    payloads: list[QrPayload] = []
    notes: list[OverflowNote] = []
    current: list[VCardContact] = []

    def close() -> None:
        if current:
            text = "".join(vcard(c) for c in current)
            version = version_for(text)
            assert version is not None  # only contacts that fit were added
            payloads.append(QrPayload(text, tuple(c.name for c in current), version))
            current.clear()

    for contact in vcard_contacts(cards):
        if current and version_for("".join(vcard(c) for c in [*current, contact])):
            current.append(contact)
            continue
        close()
        if version_for(vcard(contact)) is None:
            contact = VCardContact(contact.name, contact.tel, "", contact.path)
            if version_for(vcard(contact)) is None:
                notes.append(OverflowNote(QR_WHERE, f"contact {quote(contact.name)}",
                                          "left off (too long for a QR code)", contact.path))
                continue
            notes.append(OverflowNote(QR_WHERE, f"who {quote(contact.name)} is",
                                      "left off (too long for a QR code)", contact.path))
        if len(payloads) >= MAX_CODES:
            notes.append(OverflowNote(QR_WHERE, f"contact {quote(contact.name)}",
                                      f"left off (more than {MAX_CODES} codes)", contact.path))
            continue
        current.append(contact)
    close()
    return payloads, notes


def draw_qr(canv: Canvas, payload: QrPayload, x: float, y: float, size: float) -> None:
    """The code as vector squares in a size x size square, quiet zone included."""
    widget = QrCodeWidget(
        [_data(payload.text)],
        barLevel=LEVEL,
        qrVersion=payload.version,
        barWidth=size,
        barHeight=size,
        barBorder=QUIET_ZONE,
    )
    drawing = Drawing(size, size)
    drawing.add(widget)
    renderPDF.draw(drawing, canv, x, y)
