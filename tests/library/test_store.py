"""The library file: clients, revisions, drafts, privacy, and refusing files that are not ours."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from workbook.library import LibraryError, library_path, open_library
from workbook.library.paths import ENV_VAR
from workbook.library.schema import APPLICATION_ID, SCHEMA_VERSION
from workbook.library.store import DRAFT_SYNC_SECONDS, Library
from workbook.plan import SCHEMA_VERSION as PLAN_VERSION
from workbook.plan import Paper, Plan, SupportPerson, Trigger


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _named(name: str, **about: object) -> Plan:
    plan = Plan()
    plan.about.preferred_name = name
    for key, value in about.items():
        setattr(plan.about, key, value)
    return plan


# -- where the file is, and who may read it --------------------------------------


def test_path_order_explicit_then_environment_then_user_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert library_path(tmp_path / "given.sqlite3") == tmp_path / "given.sqlite3"
    assert library_path(None) == tmp_path / "env.sqlite3"
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert library_path(None) == tmp_path / "data" / "recovery-workbook" / "library.sqlite3"


def test_open_without_path_uses_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(target))
    with open_library() as library:
        library.save_revision(None, Plan(), "first")
    assert target.exists()


def test_file_and_its_companions_are_owner_only(library: Library, library_file: Path) -> None:
    library.save_revision(None, _named("A. B."), "session 1")
    names = [library_file, Path(f"{library_file}-wal"), Path(f"{library_file}-shm")]
    assert all(name.exists() for name in names)
    assert {_mode(name) for name in names} == {0o600}
    assert _mode(library_file.parent) == 0o700


def test_an_existing_readable_file_is_made_private(library_file: Path) -> None:
    open_library(library_file).close()
    os.chmod(library_file, 0o644)
    with open_library(library_file):
        assert _mode(library_file) == 0o600


def test_wal_mode_foreign_keys_and_secure_delete(library: Library) -> None:
    conn = library._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


# -- files that are not a library ------------------------------------------------


def _foreign_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()


def _future_library(path: Path) -> None:
    open_library(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_foreign_database, "is not a Recovery Workbook library"),
        (lambda p: p.write_text("hello, I am a text file\n" * 100), "not an SQLite database"),
        (lambda p: p.write_bytes(os.urandom(8192)), "not an SQLite database"),
        (_future_library, "made by a newer Recovery Workbook"),
    ],
    ids=["foreign-sqlite", "text", "random", "future-version"],
)
def test_files_that_are_not_a_library_are_refused_and_untouched(
    tmp_path: Path, make: object, expected: str
) -> None:
    path = tmp_path / "library.sqlite3"
    make(path)  # type: ignore[operator]
    before = _digest(path)
    with pytest.raises(LibraryError) as caught:
        open_library(path)
    message = str(caught.value)
    assert expected in message and "\n" not in message and str(path) in message
    assert _digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_a_truncated_library_gives_one_line(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with open_library(path) as library, library.bulk():
        for n in range(30):
            library.save_revision(None, _named(f"client {n}", counselor="x" * 3000), "s")
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.truncate(size // 3)
    with pytest.raises(LibraryError) as caught, open_library(path) as library:
        for client in library.clients():
            library.plan(client.id)
    assert "\n" not in str(caught.value)


def test_missing_library_without_create_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "typo.sqlite3"
    with pytest.raises(LibraryError, match="no library here yet"):
        open_library(path, create=False)
    assert not path.exists()


def test_a_folder_is_not_a_library(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="is a folder"):
        open_library(tmp_path)


# -- clients and revisions -------------------------------------------------------


def test_revisions_are_numbered_and_kept(library: Library, plan: Plan) -> None:
    first = library.save_revision(None, plan, "session 1")
    changed = plan.model_copy(deep=True)
    changed.prevention.triggers.append(Trigger(trigger="payday"))
    second = library.save_revision(first.client_id, changed, "  30-day\nreview ")
    assert (first.number, second.number) == (1, 2)
    assert second.reason == "30-day review"
    assert [r.number for r in library.history(first.client_id)] == [1, 2]
    assert library.plan(first.client_id, 1) == plan
    assert library.plan(first.client_id) == changed
    assert library.plan(first.client_id, 2) == changed


def test_the_list_shows_name_last_saved_next_review_and_count(library: Library) -> None:
    a = library.save_revision(None, _named("Bea", next_review_date=dt.date(2027, 1, 12)), "s1")
    library.save_revision(a.client_id, _named("Bea", next_review_date=dt.date(2027, 2, 1)), "s2")
    b = library.save_revision(None, _named("al"), "s1")
    listed = library.clients()
    assert [(c.id, c.name, c.revisions) for c in listed] == [
        (b.client_id, "al", 1),
        (a.client_id, "Bea", 2),
    ]
    bea = listed[1]
    assert bea.next_review == dt.date(2027, 2, 1)
    assert bea.updated >= bea.created
    assert bea.updated.tzinfo is not None
    assert library.client(a.client_id) == bea


def test_unknown_client_and_revision(library: Library) -> None:
    info = library.save_revision(None, Plan(), "s")
    with pytest.raises(LibraryError, match="no client 99"):
        library.plan(99)
    with pytest.raises(LibraryError, match="no revision 5"):
        library.plan(info.client_id, 5)
    with pytest.raises(LibraryError, match="no client 99"):
        library.save_revision(99, Plan(), "s")
    assert library.history(info.client_id)[-1].number == 1


def test_a_reason_that_is_a_whole_essay_is_refused(library: Library) -> None:
    with pytest.raises(LibraryError, match="reason"):
        library.save_revision(None, Plan(), "word " * 1000)
    assert library.clients() == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2", 2), ("bea", 1), ("  BEA  ", 1), ("jo", 3), ("jordan lee", 3)],
)
def test_find_client_by_number_or_name(library: Library, text: str, expected: int) -> None:
    for name in ("Bea", "Beatrix", "Jordan  Lee"):
        library.save_revision(None, _named(name), "s")
    assert library.find_client(text) == expected


@pytest.mark.parametrize("text", ["bea", "nobody", "", "42"])
def test_find_client_refuses_without_naming_anyone(library: Library, text: str) -> None:
    for name in ("Bea Smith", "Bea Jones"):
        library.save_revision(None, _named(name), "s")
    with pytest.raises(LibraryError) as caught:
        library.find_client(text)
    message = str(caught.value)
    assert "Smith" not in message and "Jones" not in message
    assert "library list" in message


def test_client_ids_are_never_reused(library: Library) -> None:
    first = library.save_revision(None, _named("A"), "s")
    library.delete_client(first.client_id)
    second = library.save_revision(None, _named("B"), "s")
    assert second.client_id > first.client_id


# -- deleting --------------------------------------------------------------------


def test_delete_removes_revisions_drafts_and_the_words_on_disk(
    library: Library, library_file: Path
) -> None:
    secret = "Zebulon-Quetzalcoatl-7731"
    keep = library.save_revision(None, _named("Keep"), "s")
    plan = _named(secret)
    plan.support_network.people.append(SupportPerson(name=f"{secret} sister", phone="555-0100"))
    gone = library.save_revision(None, plan, "s1")
    library.save_revision(gone.client_id, plan, "s2")
    library.autosave(gone.client_id, _named(secret + " draft"))
    library.delete_client(gone.client_id)

    assert [c.id for c in library.clients()] == [keep.client_id]
    conn = library._conn
    assert conn.execute(
        "SELECT count(*) FROM revisions WHERE client_id = ?", (gone.client_id,)
    ).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0
    wal = Path(f"{library_file}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    on_disk = library_file.read_bytes()
    assert secret.encode() not in on_disk
    with pytest.raises(LibraryError):
        library.plan(gone.client_id)


def test_delete_unknown_client(library: Library) -> None:
    with pytest.raises(LibraryError, match="no client 5"):
        library.delete_client(5)


# -- autosave and drafts ---------------------------------------------------------


def test_autosave_keeps_one_draft_per_client_until_saved(library: Library) -> None:
    info = library.save_revision(None, _named("Ana"), "s1")
    for n in range(5):
        library.autosave(info.client_id, _named("Ana", counselor=f"typing {n}"))
    drafts = library.pending_drafts()
    assert [(d.client_id, d.plan.about.counselor) for d in drafts] == [(info.client_id, "typing 4")]
    assert library.client(info.client_id).has_draft
    # The saved revisions are untouched by autosave.
    assert library.plan(info.client_id).about.counselor == ""
    library.save_revision(info.client_id, drafts[0].plan, "s2")
    assert library.pending_drafts() == []
    assert not library.client(info.client_id).has_draft


def test_new_plan_draft_and_discard(library: Library) -> None:
    library.autosave(None, Plan())
    assert library.pending_drafts() == []  # an untouched form is not unsaved work
    library.autosave(None, _named("New person"))
    [draft] = library.pending_drafts()
    assert draft.client_id is None and draft.plan.about.preferred_name == "New person"
    library.discard_draft(None)
    assert library.pending_drafts() == []
    library.discard_draft(None)  # nothing to discard is fine


def test_saving_a_new_plan_clears_its_draft(library: Library) -> None:
    library.autosave(None, _named("New person"))
    library.save_revision(None, _named("New person"), "s1")
    assert library.pending_drafts() == []


def test_a_draft_identical_to_the_saved_plan_is_not_offered(library: Library) -> None:
    info = library.save_revision(None, _named("Ana"), "s1")
    library.autosave(info.client_id, _named("Ana"))
    assert library.pending_drafts() == []
    assert not library.clients()[0].has_draft


def test_autosave_for_an_unknown_client(library: Library) -> None:
    with pytest.raises(LibraryError, match="no client 7"):
        library.autosave(7, Plan())


def test_drafts_newest_first(library: Library) -> None:
    a = library.save_revision(None, _named("A"), "s")
    b = library.save_revision(None, _named("B"), "s")
    library.autosave(a.client_id, _named("A", counselor="x"))
    library.autosave(b.client_id, _named("B", counselor="y"))
    assert [d.client_id for d in library.pending_drafts()] == [b.client_id, a.client_id]


def test_autosave_flushes_to_disk_now_and_then(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    statements: list[str] = []
    library._conn.set_trace_callback(statements.append)
    library._last_sync -= DRAFT_SYNC_SECONDS + 1
    library.autosave(None, _named("A"))
    library.autosave(None, _named("B"))
    library._conn.set_trace_callback(None)
    pragmas = [s for s in statements if s.startswith("PRAGMA synchronous")]
    assert pragmas == ["PRAGMA synchronous=FULL", "PRAGMA synchronous=NORMAL"]


# -- reviews and imports ---------------------------------------------------------


def test_review_entries_date_reason_and_summary(library: Library, plan: Plan) -> None:
    info = library.save_revision(None, plan, "intake")
    changed = plan.model_copy(deep=True)
    changed.prevention.triggers.append(Trigger(trigger="payday"))
    changed.about.next_review_date = dt.date(2027, 1, 12)
    library.save_revision(info.client_id, changed, "30-day review")
    library.save_revision(info.client_id, changed, "")
    entries = library.review_entries(info.client_id)
    today = dt.datetime.now().astimezone().date()
    # Only the reviews (revisions saved with a note) are printed, not every save.
    assert [(e.date, e.reason) for e in entries] == [(today, "intake"), (today, "30-day review")]
    assert entries[0].summary == "plan written"
    assert entries[1].summary == (
        "changed the next review date to January 12, 2027; added a trigger: payday"
    )
    a4 = library.review_entries(info.client_id, paper=Paper.A4)
    assert a4[1].summary.startswith("changed the next review date to 12 January 2027;")


def test_a_review_says_what_changed_since_the_review_before_it(
    library: Library, plan: Plan
) -> None:
    info = library.save_revision(None, plan, "intake")
    changed = plan.model_copy(deep=True)
    changed.prevention.triggers.append(Trigger(trigger="payday"))
    library.save_revision(info.client_id, changed, "")  # a plain save: not a review
    library.save_revision(info.client_id, changed, "  30-day review ")
    entries = library.review_entries(info.client_id)
    assert [e.reason for e in entries] == ["intake", "30-day review"]
    assert entries[1].summary == "added a trigger: payday"
    # A workbook printed from revision 2 lists the reviews up to it, not later ones.
    assert [e.reason for e in library.review_entries(info.client_id, up_to=2)] == ["intake"]


def test_import_matches_by_name_and_never_overwrites(library: Library) -> None:
    first = library.save_revision(None, _named("Dana R."), "s1")
    library.autosave(first.client_id, _named("Dana R.", counselor="unsaved typing"))
    incoming = _named("dana  r.", counselor="from the clinic laptop")
    result = library.import_plan(incoming)
    assert (result.client_id, result.number, result.new_client) == (first.client_id, 2, False)
    assert library.plan(first.client_id, 1) == _named("Dana R.")
    assert library.history(first.client_id)[-1].reason == "imported"
    # The draft of unsaved work survives an import.
    assert library.pending_drafts()[0].plan.about.counselor == "unsaved typing"
    again = library.import_plan(incoming)
    assert again.number is None and len(library.history(first.client_id)) == 2


def test_import_makes_a_new_client_when_the_name_is_ambiguous_or_asked(library: Library) -> None:
    library.save_revision(None, _named("J.S."), "s")
    library.save_revision(None, _named("J.S."), "s")
    assert library.import_plan(_named("J.S.")).new_client
    assert library.import_plan(_named("Other"), new_client=True).new_client
    assert library.import_plan(_named("")).new_client
    assert len(library.clients()) == 5


def test_bulk_is_all_or_nothing(library: Library) -> None:
    with pytest.raises(RuntimeError), library.bulk():
        library.save_revision(None, _named("A"), "s")
        library.autosave(None, _named("B"))
        raise RuntimeError("stop")
    assert library.clients() == []
    assert library.pending_drafts() == []


# -- sharing ---------------------------------------------------------------------


def test_one_library_shared_between_threads(library: Library) -> None:
    info = library.save_revision(None, _named("Shared"), "s0")
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(20):
                library.autosave(info.client_id, _named("Shared", counselor=f"{n}-{i}"))
                library.save_revision(info.client_id, _named("Shared"), f"t{n}-{i}")
                library.clients()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [r.number for r in library.history(info.client_id)] == list(range(1, 82))


def test_two_connections_to_one_file(library: Library, library_file: Path) -> None:
    info = library.save_revision(None, _named("Two"), "s1")
    with open_library(library_file) as other:
        other.save_revision(info.client_id, _named("Two", counselor="cli"), "s2")
        assert library.plan(info.client_id).about.counselor == "cli"
        library.autosave(info.client_id, _named("Two", counselor="ui"))
        assert other.pending_drafts()[0].plan.about.counselor == "ui"


def test_checkpoints_follow_saves_not_typing(library: Library, plan: Plan) -> None:
    statements: list[str] = []
    info = library.save_revision(None, plan, "s1")
    library._conn.set_trace_callback(statements.append)
    for n in range(400):  # about 16 MB of drafts
        plan.about.counselor = f"typing {n}"
        library.autosave(info.client_id, plan)
    assert not [s for s in statements if "wal_checkpoint" in s]
    library.save_revision(info.client_id, plan, "s2")
    library._conn.set_trace_callback(None)
    assert [s for s in statements if "wal_checkpoint" in s] == ["PRAGMA wal_checkpoint(PASSIVE)"]


def test_a_revision_saved_as_version_1_still_opens(library: Library, plan: Plan) -> None:
    info = library.save_revision(None, plan, "session 1")
    old = (Path(__file__).parents[1] / "plan" / "data" / "plan-v1.json").read_text("utf-8")
    with library._write(durable=True) as connection:
        connection.execute("UPDATE revisions SET plan = ? WHERE client_id = ?",
                           (old, info.client_id))
    opened = library.plan(info.client_id)
    assert opened.crisis_plan.reasons_to_keep_going == []
    assert opened.crisis_plan.steps == plan.crisis_plan.steps
    assert f'"schema_version": {PLAN_VERSION}' in library.plan_json(info.client_id)


@pytest.mark.parametrize("kind", ["empty file", "empty database", "other database"])
def test_an_existing_file_never_becomes_a_library(tmp_path: Path, kind: str) -> None:
    import sqlite3

    from workbook.cli.main import main

    path = tmp_path / "data.sqlite3"
    if kind == "empty file":
        path.write_bytes(b"")
    else:
        connection = sqlite3.connect(path)
        if kind == "other database":
            connection.execute("CREATE TABLE notes (body TEXT)")
        connection.commit()
        connection.close()
    before = path.read_bytes()
    for create in (False, True):
        with pytest.raises(LibraryError, match="is not a Recovery Workbook library"):
            open_library(path, create=create)
    assert main(["--library", str(path), "library", "list"]) == 1
    assert main(["--library", str(path), "library", "import", str(tmp_path / "x.json")]) == 1
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.sqlite3"]


KILLED_WHILE_CREATING = """
import os, signal, sys
from pathlib import Path
from workbook.library import store

class KillOnFirstStep(list):
    # The file exists and is in WAL mode; its tables are about to be made.
    def __getitem__(self, index):
        os.kill(os.getpid(), signal.SIGKILL)

store.MIGRATIONS = KillOnFirstStep()
store.open_library(Path(sys.argv[1]))
"""


def test_a_library_killed_while_being_made_is_made_again(tmp_path: Path) -> None:
    # Before: the half-made file was left under the library's name, and every
    # later start refused it as "another program's database".
    path = tmp_path / "library.sqlite3"
    child = subprocess.run([sys.executable, "-c", KILLED_WHILE_CREATING, str(path)], check=False)
    assert child.returncode == -9
    assert not path.exists()
    with open_library(path) as library:
        assert library.clients() == []
