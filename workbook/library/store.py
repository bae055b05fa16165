"""The plan library: clients, their saved revisions, and autosaved drafts, in SQLite.

One SQLite file (see `paths`) holds every client's plan with its full history.
Every save is a new revision with a time and a short reason; nothing is ever
overwritten. A separate working draft per client (and one for a plan that has
not been saved yet) is what the desktop form autosaves into; it is offered back
after a crash and cleared by the next real save.

Durability. The file runs in WAL mode. A saved revision (and an import or a
deletion) commits with ``synchronous=FULL``: the WAL is flushed to disk before
`save_revision` returns, so a power cut right after "Save" loses nothing. An
autosave commits with ``synchronous=NORMAL``, which survives the program being
killed (the commit is in the operating system's hands) but not a power cut;
so that a dying battery costs at most a few seconds of typing, an autosave
commits with FULL when the last flush is more than `DRAFT_SYNC_SECONDS` old.
The flush costs well under a millisecond on this kind of disk, a few on a
laptop SSD; an autosave without one is a single UPSERT.

Threads. A `Library` may be shared between threads (the desktop program calls
it from the UI thread and from workers): it has one connection and every call
holds an internal lock, so calls are serialised. Several processes may open
the same file at once (the desktop program and the command line); a writer
waits up to `BUSY_TIMEOUT_SECONDS` for another.

Privacy. The file, its ``-wal`` and ``-shm`` companions and a new folder for
them are created readable by the user only; deleting a client removes its
revisions and drafts, zeroes the freed pages (``secure_delete``) and empties
the WAL. Temporary tables stay in memory, never in temporary files. Nothing
here logs, and no error message holds a client's name or plan text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..options import ReviewEntry
from ..plan import Paper, Plan, PlanFileError, plan_from_json, plan_to_json
from ..text.i18n import _
from .diff import describe_changes, summarise_changes
from .errors import LibraryError
from .paths import library_path
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

DRAFT_SYNC_SECONDS = 5.0
# Checkpoints (copying the WAL back into the file, with two flushes) are done
# by this program rather than by SQLite's automatic 1,000-page rule, so that
# they fall after a save, which the counselor asked for, and not in the middle
# of typing: an autosave checkpoints only if the WAL has grown enormous.
CHECKPOINT_AFTER_SAVE_BYTES = 4 * 2**20
CHECKPOINT_IN_AUTOSAVE_BYTES = 64 * 2**20
WAL_SIZE_LIMIT_BYTES = 16 * 2**20
BUSY_TIMEOUT_SECONDS = 5.0
MAX_REASON = 1000
NEW_PLAN_SLOT = 0  # the draft slot of a plan that has no client yet

# A client "has a draft" when its draft differs from its latest revision (the
# form autosaves right after a save too; that is not unsaved work).
_HAS_DRAFT = """EXISTS (
    SELECT 1 FROM drafts d WHERE d.client_id = c.id AND d.plan IS NOT (
        SELECT r.plan FROM revisions r WHERE r.client_id = c.id
        ORDER BY r.number DESC LIMIT 1))"""


@dataclass(frozen=True)
class ClientSummary:
    """One line of the client list: what a counselor needs to find a client."""

    id: int
    name: str
    created: dt.datetime
    updated: dt.datetime
    next_review: dt.date | None
    revisions: int
    has_draft: bool

    def label(self) -> str:
        return self.name or "(no name)"


@dataclass(frozen=True)
class RevisionInfo:
    """One saved revision of a client's plan (without the plan itself)."""

    client_id: int
    number: int
    saved: dt.datetime
    reason: str


@dataclass(frozen=True)
class Draft:
    """Unsaved work found in the library: a client's draft, or a new plan's."""

    client_id: int | None
    updated: dt.datetime
    plan: Plan


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the client it went to, and the new revision number.

    `number` is None when the plan was identical to the client's latest
    revision and nothing was added.
    """

    client_id: int
    number: int | None
    new_client: bool


def _stored_json(plan: Plan) -> str:
    """A plan as the library keeps it: a plan file's JSON without the indentation.

    Read back with `plan_from_json` like any plan file (older schema versions
    are upgraded then). Always made the same way, so equal plans give equal
    text: drafts and imports are compared with the saved plan as text.
    """
    return plan.model_dump_json()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def _parse_stamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def normalise_name(name: str) -> str:
    """A name as compared when looking a client up: case and spacing ignored."""
    return " ".join(name.split()).casefold()


def _clean_reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if len(reason) > MAX_REASON:
        raise LibraryError(
            _(
                "the reason for a save is {count} characters long; keep it under {MAX_REASON} (a "
                "few words such as '30-day review')"
            ).format(count=len(reason), MAX_REASON=MAX_REASON)
        )
    return reason


def _make_private(path: Path) -> None:
    """Owner-only permissions on a file we own; another user's file is left alone."""
    with contextlib.suppress(OSError):
        if path.exists() and path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)


def _describe_sqlite_error(path: Path, error: sqlite3.Error) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    if "locked" in text or "busy" in text:
        return f"{path}: the library is busy (another program is saving to it); try again"
    if "not a database" in text:
        return f"{path}: is not a Recovery Workbook library (not an SQLite database)"
    if "malformed" in text or "corrupt" in text:
        return f"{path}: the library file is damaged ({text})"
    if "full" in text:
        return f"{path}: the disk is full; nothing was saved"
    if "readonly" in text or "read-only" in text:
        return f"{path}: the library cannot be written (read-only)"
    if "unable to open" in text:
        return f"{path}: the library cannot be opened (check the folder and its permissions)"
    return f"{path}: {text}"


class Library:
    """A library file opened for reading and writing; see the module docstring.

    Make one with `open_library`. Client ids are the numbers the command line
    shows; they are never reused after a client is deleted.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._conn = connection
        self._lock = threading.RLock()
        self._bulk_depth = 0
        self._synchronous = ""
        self._last_sync = time.monotonic()
        self._unchecked_bytes = 0  # written to the WAL since our last checkpoint, roughly

    # -- opening and closing -------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the plumbing of every call ------------------------------------------

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite errors become one-line `LibraryError`s naming the file."""
        try:
            yield
        except sqlite3.Error as error:
            raise LibraryError(_describe_sqlite_error(self.path, error)) from None

    def _set_synchronous(self, mode: str) -> None:
        if self._synchronous != mode:
            self._conn.execute(f"PRAGMA synchronous={mode}")
            self._synchronous = mode

    @contextlib.contextmanager
    def _write(self, *, durable: bool) -> Iterator[sqlite3.Connection]:
        """One write transaction (or a part of the `bulk` one around it)."""
        with self._lock, self._errors():
            if self._bulk_depth:
                yield self._conn
                return
            self._set_synchronous("FULL" if durable else "NORMAL")
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            if durable:
                self._last_sync = time.monotonic()
                self._checkpoint_beyond(CHECKPOINT_AFTER_SAVE_BYTES)

    def _checkpoint_beyond(self, limit: int) -> None:
        if self._unchecked_bytes > limit:
            # PASSIVE: never waits for other programs' readers; what it
            # cannot copy now is copied at a later checkpoint.
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self._unchecked_bytes = 0

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """Run many saves as one durable transaction (all or nothing).

        For importing many plans at once, and for building test and benchmark
        libraries; the desktop program does not need it.
        """
        with self._write(durable=True):
            self._bulk_depth += 1
            try:
                yield
            finally:
                self._bulk_depth -= 1

    def _require_client(self, client_id: int) -> None:
        row = self._conn.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone()
        if row is None:
            raise LibraryError(_(
                "there is no client {client_id} in the library"
            ).format(client_id=client_id))

    # -- clients -------------------------------------------------------------

    def clients(self) -> list[ClientSummary]:
        """Every client, sorted by name (then number)."""
        with self._lock, self._errors():
            rows = self._conn.execute(
                f"""
                SELECT c.id, c.name, c.created, c.updated, c.next_review,
                       (SELECT count(*) FROM revisions r WHERE r.client_id = c.id),
                       {_HAS_DRAFT}
                FROM clients c
                """
            ).fetchall()
        summaries = [self._summary(row) for row in rows]
        summaries.sort(key=lambda s: (normalise_name(s.name), s.id))
        return summaries

    def client(self, client_id: int) -> ClientSummary:
        with self._lock, self._errors():
            row = self._conn.execute(
                f"""
                SELECT c.id, c.name, c.created, c.updated, c.next_review,
                       (SELECT count(*) FROM revisions r WHERE r.client_id = c.id),
                       {_HAS_DRAFT}
                FROM clients c WHERE c.id = ?
                """,
                (client_id,),
            ).fetchone()
        if row is None:
            raise LibraryError(_(
                "there is no client {client_id} in the library"
            ).format(client_id=client_id))
        return self._summary(row)

    @staticmethod
    def _summary(row: tuple[object, ...]) -> ClientSummary:
        client_id, name, created, updated, next_review, revisions, has_draft = row
        assert isinstance(client_id, int) and isinstance(name, str)
        assert isinstance(created, str) and isinstance(updated, str)
        assert isinstance(revisions, int) and isinstance(has_draft, int)
        review = dt.date.fromisoformat(next_review) if isinstance(next_review, str) else None
        return ClientSummary(
            id=client_id,
            name=name,
            created=_parse_stamp(created),
            updated=_parse_stamp(updated),
            next_review=review,
            revisions=revisions,
            has_draft=bool(has_draft),
        )

    def find_client(self, text: str) -> int:
        """The client a person means by a number or (part of) a name.

        A number is a client id. Otherwise a name matches when it equals the
        text ignoring case and spacing, or failing that contains it; the match
        must be unambiguous.
        """
        wanted = text.strip()
        with self._lock, self._errors():
            if wanted.isdigit():
                row = self._conn.execute(
                    "SELECT id FROM clients WHERE id = ?", (int(wanted),)
                ).fetchone()
                if row is not None:
                    return int(row[0])
            names = self._conn.execute("SELECT id, name FROM clients").fetchall()
        key = normalise_name(wanted)
        if not key:
            raise LibraryError(_("no client given; use a client's number from `library list`"))
        for matches in (
            [cid for cid, name in names if normalise_name(name) == key],
            [cid for cid, name in names if key in normalise_name(name)],
        ):
            if len(matches) == 1:
                return int(matches[0])
            if len(matches) > 1:
                raise LibraryError(
                    _(
                        "that name fits {count} clients; use the client's number from `library "
                        "list`"
                    ).format(count=len(matches))
                )
        raise LibraryError(_("no client has that number or name; see `library list`"))

    def matching_client(self, plan: Plan) -> int | None:
        """The one client whose name is the plan's name, if there is exactly one."""
        key = normalise_name(plan.display_name())
        if not key:
            return None
        with self._lock, self._errors():
            names = self._conn.execute("SELECT id, name FROM clients").fetchall()
        matches = [cid for cid, name in names if normalise_name(name) == key]
        return int(matches[0]) if len(matches) == 1 else None

    def delete_client(self, client_id: int) -> None:
        """Remove a client with every revision and draft, and scrub the freed space.

        ``secure_delete`` zeroes the freed pages; the checkpoint then copies
        them into the file and empties the WAL, which still held older copies
        of the client's pages. If another program is reading the library at
        that moment the WAL is emptied at a later checkpoint instead.
        """
        with self._write(durable=True) as conn:
            self._require_client(client_id)
            conn.execute("DELETE FROM clients WHERE id = ?", (client_id,))
        with self._lock, self._errors():
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()

    # -- revisions -----------------------------------------------------------

    def save_revision(self, client_id: int | None, plan: Plan, reason: str = "") -> RevisionInfo:
        """Save the plan as the client's next revision and clear the client's draft.

        `client_id` None makes a new client (and clears the new-plan draft).
        Returns once the revision is on disk.
        """
        slot = NEW_PLAN_SLOT if client_id is None else client_id
        return self._add_revision(client_id, plan, _clean_reason(reason), clear_slot=slot)

    def _add_revision(
        self, client_id: int | None, plan: Plan, reason: str, *, clear_slot: int | None
    ) -> RevisionInfo:
        text = _stored_json(plan)
        self._unchecked_bytes += len(text)
        name = plan.display_name()
        review = plan.about.next_review_date
        next_review = review.isoformat() if review else None
        now = _now()
        stamp = _stamp(now)
        with self._write(durable=True) as conn:
            if client_id is None:
                cursor = conn.execute(
                    "INSERT INTO clients (name, created, updated, next_review) VALUES (?, ?, ?, ?)",
                    (name, stamp, stamp, next_review),
                )
                assert cursor.lastrowid is not None
                client_id = cursor.lastrowid
                number = 1
            else:
                cursor = conn.execute(
                    "UPDATE clients SET name = ?, updated = ?, next_review = ? WHERE id = ?",
                    (name, stamp, next_review, client_id),
                )
                if cursor.rowcount != 1:
                    raise LibraryError(_(
                        "there is no client {client_id} in the library"
                    ).format(client_id=client_id))
                (number,) = conn.execute(
                    "SELECT coalesce(max(number), 0) + 1 FROM revisions WHERE client_id = ?",
                    (client_id,),
                ).fetchone()
            conn.execute(
                "INSERT INTO revisions (client_id, number, saved, reason, plan) "
                "VALUES (?, ?, ?, ?, ?)",
                (client_id, number, stamp, reason, text),
            )
            if clear_slot is not None:
                conn.execute("DELETE FROM drafts WHERE slot = ?", (clear_slot,))
        return RevisionInfo(client_id=client_id, number=number, saved=now, reason=reason)

    def history(self, client_id: int) -> list[RevisionInfo]:
        """The client's revisions, oldest first."""
        with self._lock, self._errors():
            self._require_client(client_id)
            rows = self._conn.execute(
                "SELECT number, saved, reason FROM revisions WHERE client_id = ? ORDER BY number",
                (client_id,),
            ).fetchall()
        return [RevisionInfo(client_id, number, _parse_stamp(saved), reason)
                for number, saved, reason in rows]

    def _plan_text(self, client_id: int, number: int | None) -> tuple[int, str]:
        with self._lock, self._errors():
            self._require_client(client_id)
            if number is None:
                row = self._conn.execute(
                    "SELECT number, plan FROM revisions WHERE client_id = ? "
                    "ORDER BY number DESC LIMIT 1",
                    (client_id,),
                ).fetchone()
            else:
                row = self._conn.execute(
                    "SELECT number, plan FROM revisions WHERE client_id = ? AND number = ?",
                    (client_id, number),
                ).fetchone()
        if row is None:
            if number is None:
                raise LibraryError(_(
                    "client {client_id} has no saved revision"
                ).format(client_id=client_id))
            raise LibraryError(_(
                "client {client_id} has no revision {number}"
            ).format(client_id=client_id, number=number))
        return int(row[0]), str(row[1])

    @staticmethod
    def _parse(text: str, source: str) -> Plan:
        # Stored plans open even when over a limit added since they were saved
        # (`plan.limits`); new input is held to the limits.
        try:
            return plan_from_json(text, source, limits=False)
        except PlanFileError as error:
            raise LibraryError(str(error)) from None

    def plan(self, client_id: int, number: int | None = None) -> Plan:
        """A revision of the client's plan (the latest by default), upgraded if old."""
        found, text = self._plan_text(client_id, number)
        return self._parse(text, f"client {client_id}, revision {found}")

    def plan_json(self, client_id: int, number: int | None = None) -> str:
        """A revision as stored, for export; see `plan` for the model."""
        found, text = self._plan_text(client_id, number)
        # Stored text of an older schema version leaves upgraded, in today's format.
        return plan_to_json(self._parse(text, f"client {client_id}, revision {found}"))

    def review_entries(
        self, client_id: int, *, paper: Paper | None = None, up_to: int | None = None
    ) -> tuple[ReviewEntry, ...]:
        """The client's reviews for the printed review log: date, note, what changed.

        `paper` is the workbook's paper size, which decides how dates in the
        summaries are written (see `describe_changes`); `up_to`, a revision
        number, leaves out the reviews saved after it.
        """
        with self._lock, self._errors():
            self._require_client(client_id)
            rows = self._conn.execute(
                "SELECT number, saved, reason, plan FROM revisions "
                "WHERE client_id = ? AND number <= ? ORDER BY number",
                (client_id, up_to if up_to is not None else 2**62),
            ).fetchall()
        # Only revisions saved with a note (a review, not every save) are
        # printed; each says what changed since the one printed before it.
        entries: list[ReviewEntry] = []
        previous: Plan | None = None
        for number, saved, reason, text in rows:
            if not (reason or "").strip():
                continue
            plan = self._parse(text, f"client {client_id}, revision {number}")
            if previous is None:
                summary = "plan written"
            else:
                summary = summarise_changes(describe_changes(previous, plan, paper=paper))
            date = _parse_stamp(saved).astimezone().date()
            entries.append(ReviewEntry(date=date, reason=reason.strip(), summary=summary))
            previous = plan
        return tuple(entries)

    def import_plan(
        self,
        plan: Plan,
        *,
        reason: str = "imported",
        client_id: int | None = None,
        new_client: bool = False,
    ) -> ImportResult:
        """Bring a plan into the library without overwriting anything.

        It becomes a new revision of `client_id` if given, else of the one
        client with the same name (see `matching_client`), else (or with
        `new_client`) a new client. A plan identical to the client's latest
        revision adds nothing. Drafts are left alone: an import never throws
        away unsaved work.
        """
        reason = _clean_reason(reason)
        with self._lock:
            if new_client:
                target = None
            elif client_id is not None:
                target = client_id
            else:
                target = self.matching_client(plan)
            if target is not None:
                latest = self._latest_text(target)
                if latest is not None and latest == _stored_json(plan):
                    return ImportResult(client_id=target, number=None, new_client=False)
            info = self._add_revision(target, plan, reason, clear_slot=None)
        return ImportResult(info.client_id, info.number, new_client=target is None)

    def _latest_text(self, client_id: int) -> str | None:
        with self._errors():
            self._require_client(client_id)
            row = self._conn.execute(
                "SELECT plan FROM revisions WHERE client_id = ? ORDER BY number DESC LIMIT 1",
                (client_id,),
            ).fetchone()
        return None if row is None else str(row[0])

    # -- autosave ------------------------------------------------------------

    def autosave(self, client_id: int | None, plan: Plan) -> None:
        """Keep the form's current plan as the client's working draft.

        Cheap enough to call on every change (the caller debounces): one
        UPSERT, no flush to disk except one every `DRAFT_SYNC_SECONDS`, no
        checkpoint (see `CHECKPOINT_AFTER_SAVE_BYTES`).
        `client_id` None is the draft of a plan not saved yet (one slot).
        """
        text = _stored_json(plan)
        slot = NEW_PLAN_SLOT if client_id is None else client_id
        stamp = _stamp(_now())
        durable = time.monotonic() - self._last_sync >= DRAFT_SYNC_SECONDS
        statement = (
            "INSERT INTO drafts (slot, client_id, plan, updated) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (slot) DO UPDATE SET plan = excluded.plan, updated = excluded.updated"
        )
        with self._lock, self._errors():
            try:
                if self._bulk_depth:
                    self._conn.execute(statement, (slot, client_id, text, stamp))
                    return
                # One statement in autocommit mode is its own transaction.
                self._set_synchronous("FULL" if durable else "NORMAL")
                self._conn.execute(statement, (slot, client_id, text, stamp))
            except sqlite3.IntegrityError:
                raise LibraryError(_(
                    "there is no client {client_id} in the library"
                ).format(client_id=client_id)) from None
            if durable:
                self._last_sync = time.monotonic()
            # The old draft's pages are rewritten too: count them twice.
            self._unchecked_bytes += 2 * len(text)
            self._checkpoint_beyond(CHECKPOINT_IN_AUTOSAVE_BYTES)

    def pending_drafts(self) -> list[Draft]:
        """Unsaved work to offer back after a crash, newest first.

        A draft identical to the client's latest revision, or an untouched
        new plan, is not unsaved work and is not listed.
        """
        with self._lock, self._errors():
            rows = self._conn.execute(
                """
                SELECT d.client_id, d.updated, d.plan,
                       (SELECT r.plan FROM revisions r WHERE r.client_id = d.client_id
                        ORDER BY r.number DESC LIMIT 1)
                FROM drafts d ORDER BY d.updated DESC
                """
            ).fetchall()
        empty = _stored_json(Plan())
        drafts: list[Draft] = []
        for client_id, updated, text, latest in rows:
            if text == latest or (client_id is None and text == empty):
                continue
            source = "draft of a new plan" if client_id is None else f"draft of client {client_id}"
            drafts.append(Draft(client_id, _parse_stamp(updated), self._parse(text, source)))
        return drafts

    def discard_draft(self, client_id: int | None) -> None:
        """Throw away the client's draft (or the new plan's); no error if none."""
        slot = NEW_PLAN_SLOT if client_id is None else client_id
        with self._write(durable=False) as conn:
            conn.execute("DELETE FROM drafts WHERE slot = ?", (slot,))


def _connect(path: Path, *, create: bool) -> sqlite3.Connection:
    mode = "rwc" if create else "rw"
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?mode={mode}",
        uri=True,
        isolation_level=None,  # transactions are begun and committed explicitly
        check_same_thread=False,  # shared between threads under Library._lock
        timeout=BUSY_TIMEOUT_SECONDS,
    )


def _prepare(path: Path, conn: sqlite3.Connection, *, existed: bool = False) -> None:
    """Check that the file is ours, bring it up to date, set the pragmas.

    Only a new file becomes a library: one that `existed` before (an empty
    file, another program's empty database) is refused and left untouched.
    """
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    (app_id,) = conn.execute("PRAGMA application_id").fetchone()
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    (tables,) = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    if app_id != APPLICATION_ID and (existed or app_id != 0 or tables or version):
        raise LibraryError(
            _(
                "{path}: is not a Recovery Workbook library (another program's database?)"
            ).format(path=path)
        )
    if version > SCHEMA_VERSION:
        raise LibraryError(
            _(
                "{path}: was made by a newer Recovery Workbook (library version {version}, this "
                "one reads up to {SCHEMA_VERSION}); please update the program"
            ).format(path=path, version=version, SCHEMA_VERSION=SCHEMA_VERSION)
        )
    (journal,) = conn.execute("PRAGMA journal_mode = WAL").fetchone()
    if str(journal).lower() != "wal":
        raise LibraryError(_(
            "{path}: the library's folder does not allow SQLite's WAL mode"
        ).format(path=path))
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT_BYTES}")
    while version < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have brought the file up to date meanwhile.
            (version,) = conn.execute("PRAGMA user_version").fetchone()
            if version < SCHEMA_VERSION:
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        (version,) = conn.execute("PRAGMA user_version").fetchone()


def _create(target: Path) -> None:
    """Make a new, empty library at `target`: whole, or not at all.

    The library is made under a temporary name beside `target` and linked
    into place only once its tables exist: a program killed while making it
    (on its very first start) leaves no half-made file, which the next start
    would refuse as another program's database. If another process made the
    library meanwhile, theirs is kept.
    """
    partial = target.with_name(f".{target.name}.{os.getpid()}.new")
    companions = [Path(f"{partial}-wal"), Path(f"{partial}-shm"), Path(f"{partial}-journal")]
    for leftover in (partial, *companions):
        leftover.unlink(missing_ok=True)
    try:
        conn = _connect(partial, create=True)
        try:
            _prepare(partial, conn)
        finally:
            conn.close()  # the last connection: SQLite folds the WAL into the file
        try:
            os.link(partial, target)
        except FileExistsError:
            pass  # made by another process meanwhile: theirs is used
        except OSError:  # a file system without hard links
            if not target.exists():
                os.replace(partial, target)
    finally:
        for leftover in (partial, *companions):
            leftover.unlink(missing_ok=True)


def open_library(path: Path | None = None, *, create: bool = True) -> Library:
    """Open the library at `path` (None: environment variable, then the user's data folder).

    With `create` a missing file (and its folder) is made; without it a
    missing library is an error, so that a mistyped path is reported rather
    than answered with an empty list. A file that is not a library, or one
    made by a newer version, is refused and left untouched.
    """
    target = library_path(path)
    if target.is_dir():
        raise LibraryError(_("{target}: is a folder, not a library file").format(target=target))
    existed = target.exists()
    if not existed:
        if not create:
            raise LibraryError(_(
                "{target}: no library here yet (nothing has been saved)"
            ).format(target=target))
        try:
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(
                _(
                    "{parent}: cannot make the library's folder ({strerror})"
                ).format(parent=target.parent, strerror=error.strerror)
            ) from None
    # The file and its -wal and -shm companions are born owner-only; the
    # umask is process-wide, so it is restored at once.
    old_umask = os.umask(0o077)
    conn: sqlite3.Connection | None = None
    try:
        if not existed:
            _create(target)
        conn = _connect(target, create=False)
        _prepare(target, conn, existed=True)
    except sqlite3.Error as error:
        if conn is not None:
            conn.close()
        raise LibraryError(_describe_sqlite_error(target, error)) from None
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    finally:
        os.umask(old_umask)
    for name in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        _make_private(name)
    return Library(target, conn)
