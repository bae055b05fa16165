"""The body fonts as ReportLab parsed them, kept next to the font files.

ReportLab reads a TrueType file's tables in pure Python (about 14 ms for one
Andika cut): every `build` is a new process and would parse the two cuts it
always uses again. `scripts/setup.sh` runs `fonts.cache_body_fonts` once: it
stores what the parse produced, and `load_font` uses it when it matches the
font file and the ReportLab version, or parses the file as before when it
does not (a missing, stale or unreadable cache is never an error). The output
is the same either way: a test draws with both and compares the bytes.

The cache holds font data only, nothing about any plan.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from ..text.cachefiles import replace_cache_file

CACHE_DIRNAME = "__cache__"
# The face's one attribute that pickle cannot carry (a lambda ReportLab makes
# from unitsPerEm); rebuilt below exactly as ReportLab writes it.
_SCALE = "_pdfScale"


def _scale(units_per_em: int) -> Callable[[float], float]:
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def cache_path(font_file: Path) -> Path:
    """Where the parsed form of `font_file` is kept: its name says which file
    (size and modification time) and which ReportLab made it."""
    stat = font_file.stat()
    name = f"{font_file.stem}-{stat.st_size}-{stat.st_mtime_ns}-rl{reportlab.Version}.pickle"
    return font_file.parent / CACHE_DIRNAME / name


def _from_cache(alias: str, font_file: Path, kind: type[TTFont] = TTFont) -> TTFont | None:
    try:
        with cache_path(font_file).open("rb") as stream:
            font_state, face_state = pickle.load(stream)
    except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError,
            pickle.UnpicklingError):
        return None
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(face_state)
    face.filename = str(font_file)
    setattr(face, _SCALE, _scale(face.unitsPerEm))
    font: TTFont = object.__new__(kind)
    font.__dict__.update(font_state)
    font.fontName = alias
    font.face = face
    font.state = WeakKeyDictionary()  # per document: starts empty, as after parsing
    return font


def load_font(alias: str, font_file: Path, kind: type[TTFont] = TTFont) -> TTFont:
    """The font `font_file` registered as `alias`: from the cache when it is current.

    `kind` is the TTFont class to make (`fonts.SubsetFont`, which encodes text faster).
    """
    return _from_cache(alias, font_file, kind) or kind(alias, str(font_file))


def _states(font: TTFont) -> tuple[dict[str, Any], dict[str, Any]]:
    font_state = {k: v for k, v in vars(font).items() if k not in ("face", "state")}
    face_state = {k: v for k, v in vars(font.face).items() if k != _SCALE}
    return font_state, face_state


def write_cache(font_file: Path) -> Path:
    """Parse `font_file` and store the result (atomically; old versions removed)."""
    target = cache_path(font_file)
    data = pickle.dumps(_states(TTFont(font_file.stem, str(font_file))),
                        protocol=pickle.HIGHEST_PROTOCOL)
    replace_cache_file(target, data, older=f"{font_file.stem}-*.pickle")
    return target
