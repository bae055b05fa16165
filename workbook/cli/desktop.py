"""`recovery-workbook` with no command: the desktop program.

Opening the program is the command people wait on most, so it skips the
command line's own imports (the plan model, the facility profile, the output
writer): `workbook.cli.run` sends a plain start (no arguments, or only
``--library PATH``) straight here. Anything else (``--help``, a typo) goes
through the full parser in `main`, which also says when there is no display.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

_LIBRARY = "--library"


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def plain_start(args: Sequence[str]) -> tuple[Path | None] | None:
    """(the --library path or None) for a plain start; None for anything else."""
    if not args:
        return (None,)
    if len(args) == 2 and args[0] == _LIBRARY and args[1] and not args[1].startswith("-"):
        return (Path(args[1]),)
    if len(args) == 1 and args[0].startswith(_LIBRARY + "=") and len(args[0]) > len(_LIBRARY) + 1:
        return (Path(args[0].split("=", 1)[1]),)
    return None


def open_desktop(library: Path | None) -> int:
    from ..ui.app import run

    return run(library)
