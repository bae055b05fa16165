"""The plan library: where plans live, with autosave and review history. No Qt here.

`open_library` gives a `Library`; `describe_changes` says in plain words what
changed between two plans; `transfer` moves a plan in and out as a plan file
or a passphrase-encrypted export. See `store` for durability, threads and
privacy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import LibraryError
from .paths import ENV_VAR, default_library_path, library_path

if TYPE_CHECKING:
    from .diff import describe_changes, summarise_changes
    from .store import ClientSummary, Draft, ImportResult, Library, RevisionInfo, open_library

# The store (sqlite3) and the change descriptions load on first use: `build`
# imports this package only for `LibraryError` and the library's path (so that
# no output ever replaces the library), and must not pay for the rest.
_LAZY = {
    "describe_changes": ".diff",
    "summarise_changes": ".diff",
    "ClientSummary": ".store",
    "Draft": ".store",
    "ImportResult": ".store",
    "Library": ".store",
    "RevisionInfo": ".store",
    "open_library": ".store",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "ENV_VAR",
    "ClientSummary",
    "Draft",
    "ImportResult",
    "Library",
    "LibraryError",
    "RevisionInfo",
    "default_library_path",
    "describe_changes",
    "library_path",
    "open_library",
    "summarise_changes",
]
