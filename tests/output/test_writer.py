"""The one output writer, attacked through every command that writes a file.

No output replaces an input, the library or a device; files are 0600 and new
folders 0700 whatever the umask; part files of a killed write are cleaned up.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.cli.main import main
from workbook.example import example_plan
from workbook.library import open_library
from workbook.plan import plan_to_json


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextlib.contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def write_plan(path: Path) -> bytes:
    data = plan_to_json(example_plan()).encode("utf-8")
    path.write_bytes(data)
    return data


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    folder = tmp_path / "L"
    folder.mkdir()
    path = folder / "library.sqlite3"
    with open_library(path) as library:
        library.save_revision(None, example_plan(), "first")
    return path


def library_still_holds_the_client(path: Path) -> bool:
    with open_library(path, create=False) as library:
        return [c.id for c in library.clients()] == [1]


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


# -- 1. no output replaces an input or the library -----------------------------------


@pytest.mark.parametrize("target", ["library.sqlite3", "library.sqlite3-wal", "hardlink", "link"])
def test_library_export_onto_the_library_is_refused(
    library_file: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = library_file.parent
    with open_library(library_file) as library:  # keeps the -wal file in place
        assert library.clients()
    if target == "hardlink":
        os.link(library_file, folder / "hardlink")
    if target == "link":
        (folder / "link").symlink_to(library_file)
    before = library_file.read_bytes()
    status = main(["--library", str(library_file), "library", "export", "1", "-o",
                   str(folder / target)])
    assert status == 1
    message = one_line(capsys.readouterr().err)
    assert "the plan library" in message
    assert library_file.read_bytes() == before
    assert library_still_holds_the_client(library_file)


def test_library_build_onto_the_library_is_refused(
    library_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["library", "--library", str(library_file), "build", "1", "-o",
                   str(library_file)])
    assert status == 1
    assert "the plan library" in one_line(capsys.readouterr().err)
    assert library_still_holds_the_client(library_file)


def test_the_default_library_is_protected_without_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = Path(os.environ["RECOVERY_WORKBOOK_LIBRARY"])
    library.parent.mkdir(parents=True, exist_ok=True)
    with open_library(library) as opened:
        opened.save_revision(None, example_plan(), "first")
    assert main(["example", "-o", str(library)]) == 1
    assert "the plan library" in one_line(capsys.readouterr().err)
    assert library_still_holds_the_client(library)


@pytest.mark.parametrize("how", ["same", "dotdot", "hardlink", "symlink"])
def test_build_onto_its_own_plan_is_refused(
    tmp_path: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    data = write_plan(plan)
    (tmp_path / "sub").mkdir()
    out = {
        "same": plan,
        "dotdot": tmp_path / "sub" / ".." / "plan.json",
        "hardlink": tmp_path / "hard.pdf",
        "symlink": tmp_path / "soft.pdf",
    }[how]
    if how == "hardlink":
        os.link(plan, out)
    if how == "symlink":
        out.symlink_to(plan)
    assert main(["build", str(plan), "-o", str(out)]) == 1
    assert "is an input" in one_line(capsys.readouterr().err)
    assert plan.read_bytes() == data


def test_build_onto_the_facility_profile_or_its_logo_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    write_plan(plan)
    logo = tmp_path / "logo.png"
    logo.write_bytes((Path(__file__).parents[2] / "resources/logo/sample-logo.png").read_bytes())
    profile = tmp_path / "facility.toml"
    profile.write_text('name = "Riverside"\nlogo = "logo.png"\n', encoding="utf-8")
    for target in (profile, logo):
        before = target.read_bytes()
        assert main(["build", str(plan), "--facility", str(profile), "-o", str(target)]) == 1
        assert "is an input" in one_line(capsys.readouterr().err)
        assert target.read_bytes() == before


# -- 2. only regular files are replaced -------------------------------------------------


def test_a_named_pipe_is_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo)
    assert main(["blank", "-o", str(fifo)]) == 1
    assert "not a regular file" in one_line(capsys.readouterr().err)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_is_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    device = tmp_path / "nulldev"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    link = tmp_path / "link.pdf"
    link.symlink_to(device)
    for target in (device, link):
        assert main(["schema", "-o", str(target)]) == 1
        assert "not a regular file" in one_line(capsys.readouterr().err)
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert os.path.islink(link)


def test_dev_null_is_refused() -> None:
    # Only checked, never written: a regression run as root must not be able
    # to replace the real /dev/null (the device test above writes to a copy).
    from workbook.output.writer import OutputError, check_output

    with pytest.raises(OutputError, match="not a regular file"):
        check_output(Path("/dev/null"))


# -- 5. private files, whatever the umask ----------------------------------------------


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o277])
def test_every_command_writes_owner_only_files(
    tmp_path: Path, library_file: Path, mask: int
) -> None:
    plan = tmp_path / "plan.json"
    write_plan(plan)
    roster = tmp_path / "roster.csv"
    roster.write_text("name\nA. B.\n", encoding="utf-8")
    out = tmp_path / "out"
    commands = {
        "build.pdf": ["build", str(plan), "-o", str(out / "build.pdf")],
        "blank.pdf": ["blank", "-o", str(out / "blank.pdf")],
        "example.json": ["example", "-o", str(out / "example.json")],
        "schema.json": ["schema", "-o", str(out / "schema.json")],
        "export.json": ["--library", str(library_file), "library", "export", "1", "-o",
                        str(out / "export.json")],
        "library.pdf": ["--library", str(library_file), "library", "build", "1", "-o",
                        str(out / "library.pdf")],
    }
    out.mkdir()
    with umask(mask):
        for args in commands.values():
            assert main(args) == 0, args
        assert main(["batch", str(roster), "-o", str(tmp_path / "new" / "batch"),
                     "--jobs", "1"]) == 0
    for name in commands:
        assert mode(out / name) == 0o600, name
    assert mode(tmp_path / "new" / "batch" / "a-b.pdf") == 0o600
    assert mode(tmp_path / "new" / "batch") == 0o700
    assert mode(tmp_path / "new") == 0o700


# -- 7. names that cannot be written ---------------------------------------------------


def test_a_300_character_output_name_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["blank", "-o", str(tmp_path / ("x" * 300 + ".pdf"))]) == 1
    message = one_line(capsys.readouterr().err)
    assert "file name is too long" in message
    assert len(message) < 300
    assert list(tmp_path.iterdir()) == []


def test_a_folder_or_a_missing_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["blank", "-o", str(tmp_path)]) == 1
    assert "is a folder" in one_line(capsys.readouterr().err)
    assert main(["blank", "-o", str(tmp_path / "missing" / "out.pdf")]) == 1
    assert "no such folder" in one_line(capsys.readouterr().err)


# -- 8. part files ---------------------------------------------------------------------

_KILLED_WRITE = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from workbook.output import writer

    def die(*args):
        os.kill(os.getpid(), signal.SIGKILL)

    writer.os.replace = die
    writer.write_output(Path(sys.argv[1]), b"a whole plan, in plain text")
    """
)


def test_a_write_killed_before_its_rename_is_cleaned_up_next_time(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_WRITE, str(target)], capture_output=True, check=False
    )
    assert killed.returncode == -signal.SIGKILL
    (part,) = tmp_path.iterdir()
    assert part.name.startswith(".plan.json.") and part.name.endswith(".part")
    assert mode(part) == 0o600
    assert main(["example", "-o", str(tmp_path / "other.json")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.json"]


def test_part_files_of_running_writers_and_other_names_are_kept(tmp_path: Path) -> None:
    from workbook.output.writer import clean_stale_parts

    live = tmp_path / f".a.pdf.rw{os.getppid()}-abcdefgh.part"
    foreign = tmp_path / ".a.pdf.abcdefgh.part"
    mine = tmp_path / "notes.part"
    for path in (live, foreign, mine):
        path.write_bytes(b"x")
    assert clean_stale_parts(tmp_path) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (live, foreign, mine)
    )


# -- the writer itself -------------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    from workbook.output.writer import write_output

    path = tmp_path / "out.pdf"
    path.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_output(path, object())  # type: ignore[arg-type]
    assert path.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["out.pdf"]
    write_output(path, b"new")
    assert path.read_bytes() == b"new"
    assert mode(path) == 0o600
    assert sorted(os.listdir(tmp_path)) == ["out.pdf"]


def test_without_overwrite_an_existing_file_is_kept(tmp_path: Path) -> None:
    from workbook.output.writer import OutputExists, write_output

    path = tmp_path / "out.pdf"
    path.write_bytes(b"old")
    with pytest.raises(OutputExists, match="already exists"):
        write_output(path, b"new", overwrite=False)
    assert path.read_bytes() == b"old"
    write_output(tmp_path / "new.pdf", b"new", overwrite=False)
    assert (tmp_path / "new.pdf").read_bytes() == b"new"
    assert sorted(os.listdir(tmp_path)) == ["new.pdf", "out.pdf"]


def test_a_refused_build_is_refused_before_it_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbook import pdf
    from workbook.options import RenderOptions
    from workbook.output.writer import OutputError, write_build

    def no_build(*args: object) -> None:
        raise AssertionError("built although the output was refused")

    monkeypatch.setattr(pdf, "build_pdf", no_build)
    plan = tmp_path / "plan.json"
    write_plan(plan)
    with pytest.raises(OutputError):
        write_build(plan, None, RenderOptions(), inputs=(plan,))


def test_the_schema_still_goes_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Plan"


def test_a_batchs_remembered_resolutions_still_catch_a_link_made_after_the_first_check(
    tmp_path: Path,
) -> None:
    """The rows of a batch share one `Resolutions` (resolved names only): a hard link
    or a symbolic link to an input made while the batch runs is still refused, and
    the same input under another spelling ("x/../plan.json") too."""
    from workbook.output.writer import OutputError, Resolutions, check_output

    plan = tmp_path / "plan.json"
    plan.write_text("{}")
    (tmp_path / "x").mkdir()
    resolve = Resolutions()
    check_output(tmp_path / "a.pdf", inputs=(plan,), resolve=resolve)  # remembers plan.json
    os.link(plan, tmp_path / "hard.pdf")
    (tmp_path / "soft.pdf").symlink_to(plan)
    for target in ("hard.pdf", "soft.pdf", "x/../plan.json"):
        with pytest.raises(OutputError, match="is an input"):
            check_output(tmp_path / target, inputs=(plan,), resolve=resolve)
    check_output(tmp_path / "b.pdf", inputs=(plan,), resolve=resolve)
