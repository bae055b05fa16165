"""The library's tables, and the steps that bring an older library file up to date.

``PRAGMA user_version`` holds how many steps of `MIGRATIONS` a file has had;
``PRAGMA application_id`` marks the file as ours, so that another program's
SQLite database is recognised and left alone.
"""

from __future__ import annotations

# "RWBK" as a 32-bit number: the mark of a Recovery Workbook library file.
APPLICATION_ID = 0x5257424B

# MIGRATIONS[n] brings a file from user_version n to n + 1. Keep every step
# forever: a library made years ago must still open. Each step runs in one
# transaction together with the user_version update.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        # Clients are numbered for the command line; AUTOINCREMENT so that the
        # number of a deleted client is never given to somebody else.
        """
        CREATE TABLE clients (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            next_review TEXT
        )
        """,
        # Every save is a revision; the plan is kept as the JSON a plan file holds,
        # so an old revision is read (and upgraded) exactly like an old file.
        """
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            saved TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            plan TEXT NOT NULL,
            UNIQUE (client_id, number)
        )
        """,
        # One working draft per client, and slot 0 for a plan not saved yet.
        """
        CREATE TABLE drafts (
            slot INTEGER PRIMARY KEY,
            client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
            plan TEXT NOT NULL,
            updated TEXT NOT NULL,
            CHECK (slot = coalesce(client_id, 0))
        )
        """,
        "CREATE INDEX drafts_client ON drafts(client_id)",
    ),
]

SCHEMA_VERSION = len(MIGRATIONS)
