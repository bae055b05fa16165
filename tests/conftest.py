"""Test-wide settings: Qt runs headless, and no test touches a real user's data."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
