"""The program's own settings folder, found without loading any plan or profile model.

The desktop reads its settings (the interface language, where the window was)
before it shows its first window, so this module imports nothing heavier than
platformdirs. The facility profile and Qt's own settings both live here.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "recovery-workbook"


def config_folder() -> Path:
    """The program's own settings folder (it may not exist yet)."""
    import platformdirs  # only the desktop's own settings and profile need it

    return platformdirs.user_config_path(APP_NAME, appauthor=False)
