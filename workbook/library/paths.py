"""Where the plan library lives on disk.

The first of these wins: an explicit path (``--library PATH``), the
``RECOVERY_WORKBOOK_LIBRARY`` environment variable (tests, and facilities that
keep the library on an encrypted drive), the user's data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from ..folders import APP_NAME

ENV_VAR = "RECOVERY_WORKBOOK_LIBRARY"
FILE_NAME = "library.sqlite3"


def default_library_path() -> Path:
    """The library file in the user's data folder (it may not exist yet)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / FILE_NAME


def library_path(explicit: Path | None = None) -> Path:
    """The library file to use: explicit path, then the environment, then the default."""
    if explicit is not None:
        return explicit.expanduser()
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_library_path()
