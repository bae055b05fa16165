"""The bundled fonts, registered once under aliases.

Styles name aliases (``Body``, ``Body-Bold``...), never font files. The body
face is Andika, designed for readers who find letters hard to tell apart; it
covers Latin (Vietnamese too), Greek and Cyrillic. Text in other scripts falls
back, character by character (see `markup`), to DejaVu Sans (symbols and more
scripts), Droid Sans Fallback (Chinese, Japanese, Korean) and Symbola (emoji,
drawn in black). Every font is embedded as a subset; nothing is looked up on
the machine, so a workbook prints the same everywhere.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import islice
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from . import streams, tounicode
from .fontcache import load_font, write_cache

BODY = "Body"
BODY_BOLD = "Body-Bold"
BODY_ITALIC = "Body-Italic"
BODY_BOLD_ITALIC = "Body-BoldItalic"


@dataclass(frozen=True)
class Face:
    """One registered font: its alias, the file it comes from, and its bold alias."""

    alias: str
    filename: str
    bold: str  # alias used where bold is asked for (itself when there is no bold cut)


BODY_FACES = (
    Face(BODY, "Andika-Regular.ttf", BODY_BOLD),
    Face(BODY_BOLD, "Andika-Bold.ttf", BODY_BOLD),
    Face(BODY_ITALIC, "Andika-Italic.ttf", BODY_BOLD_ITALIC),
    Face(BODY_BOLD_ITALIC, "Andika-BoldItalic.ttf", BODY_BOLD_ITALIC),
)
# The italic cuts serve only trusted template markup (<i>), which few pages
# use: they are parsed on first use, not on every build.
_LAZY_BODY = frozenset({BODY_ITALIC, BODY_BOLD_ITALIC})

# Tried in this order for a character the body face lacks.
FALLBACK_FACES = (
    Face("Fallback-Symbols", "DejaVuSans.ttf", "Fallback-Symbols-Bold"),
    Face("Fallback-Symbols-Bold", "DejaVuSans-Bold.ttf", "Fallback-Symbols-Bold"),
    Face("Fallback-CJK", "DroidSansFallback.ttf", "Fallback-CJK"),
    Face("Fallback-Emoji", "Symbola.ttf", "Fallback-Emoji"),
)

BODY_ALIASES = frozenset(face.alias for face in BODY_FACES)

# The bold cut of a fallback is used only through `Face.bold`, never for lookup.
_LOOKUP_FALLBACKS = tuple(f for f in FALLBACK_FACES if not f.alias.endswith("-Bold"))

# Maps a Latin-1 character the subset has not (yet) given a code to one that
# Latin-1 cannot encode, so encoding fails and the slow path assigns it.
_UNASSIGNED = "\U0010ffff"


class SubsetFont(TTFont):  # type: ignore[misc]
    """A TrueType font embedded as a subset, whose text is encoded at C speed.

    Drawing a string asks the font for its bytes in the document's subset
    (`splitString`). ReportLab does that one character at a time in Python,
    which was the largest single cost of drawing a workbook. Once every
    character of a string has its code in the first subset (nearly always:
    the first 256 distinct characters of a document), the same bytes come
    from one `str.translate`. Anything else (a character met for the first
    time, or past the first subset) takes ReportLab's own path, which gives
    it its code. The table lives in the font's per-document state, so it is
    built and dropped with each document and never holds one plan's
    characters for another.
    """

    def splitString(self, text: str | bytes, doc: object,
                    encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        state = self.state.get(doc)
        if state is not None and isinstance(text, str):
            encoded = first_subset_bytes(state, text)
            if encoded is not None:
                return [(0, encoded)] if text else []
        split: list[tuple[int, bytes]] = super().splitString(text, doc, encoding)
        return split


def first_subset_bytes(state: TTFont.State, text: str) -> bytes | None:
    """`text` in the first subset of a document's `state`.

    None when a character has no code there yet: ReportLab's own path must give it one.
    """
    try:
        return text.translate(_first_subset(state)).encode("latin-1")
    except UnicodeEncodeError:
        return None  # a character without a code in the first subset yet


def _first_subset(state: TTFont.State) -> dict[int, str]:
    """Character -> its one-byte code, for the characters of the first subset so far."""
    table: dict[int, str] | None = getattr(state, "workbook_table", None)
    if table is None:
        table = dict.fromkeys(range(256), _UNASSIGNED)
        state.workbook_table = table
        state.workbook_known = 0
    assignments: dict[int, int] = state.assignments
    if state.workbook_known != len(assignments):
        # ReportLab only ever adds codes, in order: read the new ones.
        for code, n in islice(assignments.items(), state.workbook_known, None):
            if n < 256:
                table[code] = chr(n)
        state.workbook_known = len(assignments)
        space = assignments.get(32)
        if space is not None and space < 256:
            table[0xA0] = chr(space)  # ReportLab prints a no-break space as a space
    return table


_lock = threading.RLock()
_registered = False
_fallbacks_loaded: set[str] = set()


def font_path(filename: str) -> str:
    """Path of a bundled font file inside the installed package."""
    return str(resources.files("workbook.resources").joinpath("fonts", filename))


def eager_font_files() -> list[Path]:
    """The font files every build parses (the ones `fontcache` keeps parsed)."""
    return [Path(font_path(face.filename)) for face in BODY_FACES if face.alias not in _LAZY_BODY]


def cache_body_fonts() -> None:
    """Keep the body fonts parsed (`fontcache`); run by `scripts/setup.sh` after installing."""
    try:
        for font_file in eager_font_files():
            write_cache(font_file)
    except OSError as error:  # a read-only install: each build parses the fonts instead
        print(f"fontcache: not written ({error.strerror})", file=sys.stderr)


def register_fonts() -> None:
    """Register the Body family now and the fallbacks on first need (idempotent, thread-safe).

    The fallback faces (DejaVu, Droid Sans Fallback, Symbola) hold some 30 MB
    once parsed; most plans never need them, so each is loaded the first time
    a character asks for it (see `face_for`).
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        tounicode.install()  # emoji must stay text for copying and screen readers
        streams.install()  # fast compression, before the first document
        for face in BODY_FACES:
            if face.alias in _LAZY_BODY:
                _LazyFont.register(face)
            else:
                pdfmetrics.registerFont(
                    load_font(face.alias, Path(font_path(face.filename)), SubsetFont))
        pdfmetrics.registerFontFamily(
            BODY,
            normal=BODY,
            bold=BODY_BOLD,
            italic=BODY_ITALIC,
            boldItalic=BODY_BOLD_ITALIC,
        )
        _registered = True


class _LazyFont:
    """Stands in the font registry for a face until something asks for it.

    ReportLab looks a font up by name (`pdfmetrics.getFont`) only when a run
    of text uses it. The stand-in parses the file then, registers the real
    font under the same name, and answers from it from then on.
    """

    _dynamicFont = True
    _multiByte = False

    def __init__(self, face: Face) -> None:
        self.fontName = face.alias
        self._face = face
        self._real: SubsetFont | None = None

    @classmethod
    def register(cls, face: Face) -> None:
        # registerFont() would parse the face at once (it reads face.name),
        # so the stand-in goes straight into the registry.
        pdfmetrics._fonts[face.alias] = cls(face)

    def _load(self) -> SubsetFont:
        with _lock:
            if self._real is None:
                self._real = SubsetFont(self._face.alias, font_path(self._face.filename))
                pdfmetrics._fonts.pop(self._face.alias, None)
                pdfmetrics.registerFont(self._real)
        return self._real

    def __getattr__(self, name: str) -> object:
        return getattr(self._load(), name)


def _ensure_fallback(alias: str) -> None:
    """Register one fallback face, its bold cut and its family, once."""
    if alias in _fallbacks_loaded:
        return
    register_fonts()
    with _lock:
        if alias in _fallbacks_loaded:
            return
        face = next(f for f in FALLBACK_FACES if f.alias == alias)
        for needed in {face, *(f for f in FALLBACK_FACES if f.alias == face.bold)}:
            if needed.alias not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(SubsetFont(needed.alias, font_path(needed.filename)))
        pdfmetrics.registerFontFamily(
            face.alias, normal=face.alias, bold=face.bold, italic=face.alias,
            boldItalic=face.bold,
        )
        _fallbacks_loaded.add(alias)


def register_all_fonts() -> None:
    """Register every bundled face now (for callers that name fallbacks directly)."""
    for face in _LOOKUP_FALLBACKS:
        _ensure_fallback(face.alias)


@cache
def coverage(alias: str) -> frozenset[int]:
    """The characters (code points) one registered face can draw."""
    if alias in BODY_ALIASES:
        register_fonts()
    else:
        _ensure_fallback(alias)
    font = pdfmetrics.getFont(alias)
    return frozenset(font.face.charToGlyph)


@cache
def face_for(codepoint: int) -> str:
    """Alias of the first face that can draw `codepoint` (the body face if none can)."""
    if codepoint in coverage(BODY):
        return BODY
    for face in _LOOKUP_FALLBACKS:
        if codepoint in coverage(face.alias):
            return face.alias
    return BODY


def bold_of(alias: str) -> str:
    for face in (*BODY_FACES, *FALLBACK_FACES):
        if face.alias == alias:
            return face.bold
    raise KeyError(alias)


def embedded_fallback_aliases() -> tuple[str, ...]:
    return tuple(face.alias for face in _LOOKUP_FALLBACKS)
