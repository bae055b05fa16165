"""The plan library: where plans live, with autosave and review history. No Qt here.

`open_library` gives a `Library`; `describe_changes` says in plain words what
changed between two plans; `transfer` moves a plan in and out as a plan file
or a passphrase-encrypted export. See `store` for durability, threads and
privacy.
"""

from .diff import describe_changes, summarise_changes
from .errors import LibraryError
from .paths import ENV_VAR, default_library_path, library_path
from .store import (
    ClientSummary,
    Draft,
    ImportResult,
    Library,
    RevisionInfo,
    open_library,
)

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
