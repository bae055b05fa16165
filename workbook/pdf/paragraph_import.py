"""Import ReportLab's paragraph module without compiling its URL pattern at start-up.

`reportlab.platypus.paragraph` compiles one case-insensitive pattern for URLs
over the whole Unicode range when it is imported; that single `re.compile`
costs about 20 ms, more than a tenth of a `build`'s start-up, and the pattern
is only used when a word is hyphenated (never, in the workbook). The pattern
is handed out as a stand-in that compiles it on first use instead. Nothing
else about the module changes.
"""

from __future__ import annotations

import re
import sys
import threading
from typing import Any

# The start of ReportLab's `uri_pat`: only that pattern is deferred.
_URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class DeferredPattern:
    """A compiled pattern that is compiled on first use."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def _pattern(self) -> re.Pattern[str]:
        with self._lock:
            if self._compiled is None:
                self._compiled = re.compile(*self._source)
            return self._compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached for what the stand-in lacks: match, search, pattern, ...
        return getattr(self._pattern(), name)


def import_paragraph() -> None:
    """Import `reportlab.platypus.paragraph` (once) with its URL pattern deferred."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    compile_now = re.compile

    def compile_or_defer(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(_URI_PATTERN_START):
            return DeferredPattern(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_or_defer
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = compile_now
