"""Plans out of the library and back in: plan files and passphrase-encrypted exports."""

from __future__ import annotations

import json
import stat
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import plans

from workbook.library import LibraryError, open_library
from workbook.library.transfer import (
    HEADER_SIZE,
    MAGIC,
    decrypt,
    encrypt,
    export_bytes,
    plan_from_bytes,
    read_plan_file,
)
from workbook.output.writer import OutputError, write_output
from workbook.plan import SCHEMA_VERSION, Plan, plan_to_json

PASSPHRASE = "correct horse battery"


def write_export(path: Path, plan: Plan, passphrase: str | None = None) -> None:
    write_output(path, export_bytes(plan, passphrase))


def _ask(passphrase: str = PASSPHRASE):  # type: ignore[no-untyped-def]
    return lambda: passphrase


def test_a_plain_export_is_a_plan_file(plan: Plan, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    write_export(out, plan)
    assert out.read_text(encoding="utf-8") == plan_to_json(plan)
    assert read_plan_file(out) == plan
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_an_encrypted_export_hides_the_plan(plan: Plan, tmp_path: Path) -> None:
    out = tmp_path / "plan.rwbk"
    write_export(out, plan, PASSPHRASE)
    data = out.read_bytes()
    assert data.startswith(MAGIC + b"\x01")
    assert plan.about.preferred_name.encode() not in data
    assert b"schema_version" not in data
    assert read_plan_file(out, _ask()) == plan
    # Two exports of the same plan differ (fresh salt and nonce each time).
    assert export_bytes(plan, PASSPHRASE) != export_bytes(plan, PASSPHRASE)


def test_the_passphrase_is_compared_as_text_not_as_keystrokes(plan: Plan) -> None:
    composed = "café au lait, très fort"
    sealed = export_bytes(plan, composed)
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert plan_from_bytes(sealed, "f", _ask(decomposed)) == plan


def test_a_short_passphrase_is_refused(plan: Plan, tmp_path: Path) -> None:
    out = tmp_path / "plan.rwbk"
    with pytest.raises(LibraryError, match="too short"):
        write_export(out, plan, "1234")
    assert not out.exists()


def _one_line(error: pytest.ExceptionInfo[LibraryError], source: str) -> str:
    message = str(error.value)
    assert "\n" not in message and message.startswith(source)
    return message


def test_wrong_passphrase(plan: Plan) -> None:
    sealed = export_bytes(plan, PASSPHRASE)
    with pytest.raises(LibraryError) as caught:
        plan_from_bytes(sealed, "stick.rwbk", _ask("correct horse battery!"))
    assert "wrong passphrase" in _one_line(caught, "stick.rwbk")


@pytest.mark.parametrize(
    "offset", [0, 8, 9, 20, 30, HEADER_SIZE, HEADER_SIZE + 5, -1], ids=lambda o: f"byte{o}"
)
def test_any_changed_byte_is_detected(plan: Plan, offset: int) -> None:
    sealed = bytearray(export_bytes(plan, PASSPHRASE))
    sealed[offset] ^= 0x01
    with pytest.raises(LibraryError) as caught:
        plan_from_bytes(bytes(sealed), "f", _ask())
    _one_line(caught, "f")


@pytest.mark.parametrize("keep", [len(MAGIC), len(MAGIC) + 1, HEADER_SIZE, HEADER_SIZE + 15, -1])
def test_a_cut_short_encrypted_file(plan: Plan, keep: int) -> None:
    sealed = export_bytes(plan, PASSPHRASE)[:keep]
    with pytest.raises(LibraryError) as caught:
        plan_from_bytes(sealed, "f", _ask())
    _one_line(caught, "f")


def test_a_newer_encrypted_format(plan: Plan) -> None:
    sealed = bytearray(export_bytes(plan, PASSPHRASE))
    sealed[len(MAGIC)] = 2
    with pytest.raises(LibraryError) as caught:
        plan_from_bytes(bytes(sealed), "f", _ask())
    assert "update the program" in _one_line(caught, "f")


def test_an_encrypted_file_without_a_way_to_ask(plan: Plan) -> None:
    with pytest.raises(LibraryError, match="passphrase is needed"):
        plan_from_bytes(export_bytes(plan, PASSPHRASE), "f", None)


def test_decrypt_refuses_a_plain_file() -> None:
    with pytest.raises(LibraryError, match="not an encrypted"):
        decrypt(b"{}", PASSPHRASE, "f")


def _future_plan() -> bytes:
    data = json.loads(plan_to_json(Plan()))
    data["schema_version"] = SCHEMA_VERSION + 1
    return json.dumps(data).encode()


BAD_FILES = {
    "empty": (b"", "empty"),
    "blank": (b"  \n\n", "empty"),
    "truncated": (plan_to_json(Plan()).encode()[:40], "not valid JSON"),
    "not-json": (b"name,phone\nSam,555\n", "not valid JSON"),
    "array": (b"[1, 2, 3]", "JSON object"),
    "foreign-json": (b'{"type": "FeatureCollection"}', "not a recovery plan"),
    "future": (_future_plan(), "newer Recovery Workbook"),
    "bad-field": (
        plan_to_json(Plan()).replace('"counselor": ""', '"counselor": 7').encode(),
        "about.counselor",
    ),
    "binary": (bytes(range(256)) * 4, "not"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF"),
    "library": (b"SQLite format 3\x00" + bytes(100), "a library file"),
    "zip": (b"PK\x03\x04" + bytes(30), "zip"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_give_one_line_and_change_nothing(
    tmp_path: Path, library_file: Path, name: str
) -> None:
    content, expected = BAD_FILES[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(content)
    with open_library(library_file) as library:
        library.save_revision(None, Plan(), "s")
    before = library_file.read_bytes()
    with pytest.raises(LibraryError) as caught:
        read_plan_file(path, _ask())
    assert expected in _one_line(caught, str(path))
    assert library_file.read_bytes() == before


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="no such file"):
        read_plan_file(tmp_path / "nope.json")
    with pytest.raises(LibraryError, match="is a folder"):
        read_plan_file(tmp_path)
    with pytest.raises(OutputError, match="no such folder"):
        write_export(tmp_path / "missing" / "out.json", Plan())


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])
@given(plan=plans())
def test_round_trip_through_the_library(tmp_path: Path, plan: Plan) -> None:
    """Save, export, import into another library, reload: the same plan."""
    folder = tmp_path / "round"
    folder.mkdir(exist_ok=True)
    source_file, target_file = folder / "a.sqlite3", folder / "b.sqlite3"
    for path in folder.iterdir():
        path.unlink()
    with open_library(source_file) as source:
        info = source.save_revision(None, plan, "s1")
        out = folder / "plan.json"
        write_export(out, source.plan(info.client_id))
    with open_library(target_file) as target:
        result = target.import_plan(read_plan_file(out))
        assert target.plan(result.client_id) == plan
    with open_library(target_file) as reopened:
        assert reopened.plan(result.client_id) == plan
        assert reopened.plan_json(result.client_id) == plan_to_json(plan)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans(), passphrase=st.text(min_size=8, max_size=30).filter(
    lambda p: len("".join(p.split())) >= 8))  # spaces do not count towards the length
def test_round_trip_encrypted(plan: Plan, passphrase: str) -> None:
    assert plan_from_bytes(encrypt(plan_to_json(plan).encode(), passphrase), "f",
                           _ask(passphrase)) == plan


@pytest.mark.parametrize("passphrase", [" " * 8, " " * 20, "a b c d e f g", "\t\n" * 6])
def test_a_passphrase_of_mostly_spaces_is_refused(plan: Plan, passphrase: str) -> None:
    with pytest.raises(LibraryError, match="too short"):
        export_bytes(plan, passphrase)
