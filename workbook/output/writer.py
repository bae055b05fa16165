"""The one output writer: every file the program produces is written here.

`write_output` writes bytes; `write_build` builds a workbook or cards and
writes them; `save_plan` writes a plan file. The command line (`build`,
`blank`, `example`, `schema -o`, `batch`, `library build`, `library export`)
and the desktop's exports all come through here, so the rules hold for each:

- Atomic. The bytes go to a temporary file in the target's folder, are
  flushed to disk, and only then renamed over the target (and the folder is
  flushed): a reader sees the old file or the new one, never half of one.
- Private. Files are created 0600 and new folders 0700, whatever the umask:
  a workbook holds health information.
- No output replaces an input. A target that is the same file as an input,
  the plan library or its ``-wal``/``-shm``/``-journal`` companions is
  refused, compared by resolved path and by device and inode (so hard links,
  symbolic links and case-insensitive file systems are caught too).
- Only regular files are replaced. A device, named pipe or socket (or a
  symbolic link to one) is refused, so ``-o /dev/null`` run as root cannot
  turn ``/dev/null`` into a file.
- `overwrite=False` (batch printing) never replaces an existing file, even
  one that appears while the batch runs.
- Temporary files are named ``.NAME.rwPID-XXXXXXXX.part``, made 0600, and
  removed on any failure. One left behind by a process that was killed
  (``kill -9``, a power cut) is removed the next time anything is written to
  that folder: the PID in its name says whose it was.

Every refusal is an `OutputError` whose message is one line naming the path;
nothing is written then.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..facility import Facility
from ..library.paths import library_path
from ..options import BuildResult, RenderOptions, Which
from ..plan import Plan, plan_to_json
from ..plan.io import shown
from ..text.i18n import _

FILE_MODE = 0o600
FOLDER_MODE = 0o700
# A part file whose process is still running is left alone, unless it is
# this old: by then the process number has been given to another program.
STALE_AFTER_SECONDS = 24 * 3600
# The target's name is shortened in the part file's name so that a long
# (but allowed) name still leaves room for the suffix.
_PART_NAME_CHARS = 80
_PART_FILE = re.compile(r"^\..*\.rw(\d+)-[a-z0-9_]+\.part$", re.DOTALL)
# Companions SQLite keeps next to a database file.
_COMPANIONS = ("-wal", "-shm", "-journal")


class OutputError(Exception):
    """An output that cannot or must not be written; one line, naming the path."""


class OutputExists(OutputError):
    """The target exists and overwriting was not allowed."""


# -- what may not be written -----------------------------------------------------


def _libraries(library: Path | None) -> set[Path]:
    """The library named on the command line, and the one in the environment or the
    user's data folder: both are protected."""
    return {library_path(), library_path(library)}


def protected_paths(
    inputs: Iterable[Path] = (), library: Path | None = None,
    libraries: set[Path] | None = None,
) -> list[tuple[Path, Path]]:
    """(path, what it belongs to): the inputs, the plan library, and their SQLite companions.

    `library` is a library named on the command line; the one in the
    environment or the user's data folder is protected as well.
    """
    libraries = _libraries(library) if libraries is None else libraries
    pairs: list[tuple[Path, Path]] = []
    for original in (*inputs, *sorted(libraries)):
        pairs.append((original, original))
        pairs.extend((Path(f"{original}{suffix}"), original) for suffix in _COMPANIONS)
    return pairs


def facility_files(profile: Path | None, facility: Facility | None) -> tuple[Path, ...]:
    """A facility profile and its logo: inputs that no output may replace."""
    if profile is None:
        return ()
    if facility is None or facility.logo is None:
        return (profile,)
    return (profile, facility.logo)


def _resolved(path: Path) -> Path | None:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):  # a symlink loop, a name too long
        return None


# How a path is resolved for the same-file check: `_resolved`, or a `Resolutions`.
Resolve = Callable[[Path], "Path | None"]


class Resolutions:
    """`_resolved`, remembered: for the checks of one batch, whose rows share inputs.

    Each row of a roster protects the same roster, facility files and library
    (with their SQLite companions): resolving those a dozen times per row was
    most of the parent's work while the workers built. Only resolved names are
    kept, for the length of one batch; whether two paths are the same file by
    device and inode is still asked of the disk every time.
    """

    def __init__(self) -> None:
        self._known: dict[Path, Path | None] = {}

    def __call__(self, path: Path) -> Path | None:
        try:
            return self._known[path]
        except KeyError:
            resolved = self._known[path] = _resolved(path)
            return resolved


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _same_file(mine: Path | None, identity: tuple[int, int] | None, other: Path,
               resolve: Resolve) -> bool:
    """Whether `other` is the target: `mine` is the target resolved, `identity` its
    device and inode (both found once per check, not once per protected path)."""
    if mine is not None and mine == resolve(other):
        return True
    return identity is not None and identity == _identity(other)


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def _folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _describe_os_error(path: Path, error: OSError) -> str:
    if error.errno == errno.ENAMETOOLONG:
        return f"{shown(path)}: the path is too long"
    if error.errno == errno.ENOSPC:
        return f"{shown(path)}: the disk is full; nothing was written"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"{shown(path)}: cannot be written (permission denied)"
    if error.errno == errno.EROFS:
        return f"{shown(path)}: cannot be written (the disk is read-only)"
    reason = error.strerror or type(error).__name__
    return f"{shown(path)}: cannot be written ({reason})"


def check_output(
    path: Path,
    *,
    inputs: Iterable[Path] = (),
    library: Path | None = None,
    overwrite: bool = True,
    resolve: Resolve = _resolved,
) -> None:
    """Raise `OutputError` if `path` must not be written; see the module docstring.

    `resolve` may be a batch's `Resolutions`, shared by its rows' checks.
    """
    name = os.fsencode(path.name)
    folder = _folder_of(path)
    if not path.name or path.name in (".", ".."):
        raise OutputError(_("{path}: give a file name").format(path=shown(path)))
    if len(name) > _name_max(folder):
        raise OutputError(
            _(
                "{path}: the file name is too long ({count} characters); use a shorter name"
            ).format(path=shown(path), count=len(path.name))
        )
    inputs = tuple(inputs)
    libraries = _libraries(library)
    mine, identity = _resolved(path), _identity(path)
    for protected, original in protected_paths(inputs, library, libraries):
        if _same_file(mine, identity, protected, resolve):
            kind = "the plan library" if original in libraries else "an input"
            raise OutputError(
                _(
                    "{path}: is {kind} ({original}); choose another name for the output (nothing "
                    "was written)"
                ).format(path=shown(path), kind=kind, original=shown(original))
            )
    try:
        folder_info = os.stat(folder)
    except FileNotFoundError:
        raise OutputError(_("{folder}: no such folder").format(folder=shown(folder))) from None
    except OSError as error:
        raise OutputError(_describe_os_error(folder, error)) from None
    if not stat.S_ISDIR(folder_info.st_mode):
        raise OutputError(_("{folder}: is not a folder").format(folder=shown(folder)))
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
        if os.path.lexists(path) and not overwrite:  # a dangling symbolic link
            raise OutputExists(f"{shown(path)}: already exists") from None
    except OSError as error:
        raise OutputError(_describe_os_error(path, error)) from None
    if info is None:
        return
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(_("{path}: is a folder; give a file name").format(path=shown(path)))
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(
            _(
                "{path}: is not a regular file (a device, a named pipe or a socket); nothing was "
                "written"
            ).format(path=shown(path))
        )
    if not overwrite:
        raise OutputExists(f"{shown(path)}: already exists")


# -- part files ------------------------------------------------------------------


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process: assume it is still writing
    return True


def clean_stale_parts(folder: Path) -> int:
    """Remove part files of ours whose writer is gone; return how many."""
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _PART_FILE.match(entry.name)
        if match is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
                continue
            pid = int(match.group(1))
            stale = now - info.st_mtime > STALE_AFTER_SECONDS
            if stale or (pid != os.getpid() and not _process_alive(pid)):
                os.unlink(entry.path)
                removed += 1
        except (OSError, ValueError):
            continue
    return removed


# Part files being written by this process, for `abandon_parts`.
_in_progress: set[str] = set()


def abandon_parts() -> None:
    """Remove this process's unfinished part files (before a hurried exit)."""
    for name in list(_in_progress):
        with contextlib.suppress(OSError):
            os.unlink(name)
        _in_progress.discard(name)


@contextlib.contextmanager
def _part_file(path: Path) -> Iterator[tuple[int, str]]:
    """A new 0600 part file next to `path`; removed unless it was renamed away."""
    folder = _folder_of(path)
    stem = path.name[:_PART_NAME_CHARS]
    fd, name = tempfile.mkstemp(prefix=f".{stem}.rw{os.getpid()}-", suffix=".part", dir=folder)
    _in_progress.add(name)
    try:
        os.fchmod(fd, FILE_MODE)
        yield fd, name
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    finally:
        _in_progress.discard(name)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _move_into_place(part: str, path: Path, *, overwrite: bool) -> None:
    # Checked again at the last moment: a device or pipe put there meanwhile
    # is still refused, and with overwrite=False a file that appeared is kept.
    with contextlib.suppress(FileNotFoundError):
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(_(
                "{path}: is not a regular file; nothing was written"
            ).format(path=shown(path)))
    if overwrite:
        os.replace(part, path)
        return
    try:
        # A hard link is created only if the name is free: no race.
        os.link(part, path)
    except FileExistsError:
        raise OutputExists(f"{shown(path)}: already exists") from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        # File systems without hard links (FAT on a USB stick): check, then rename.
        if os.path.lexists(path):
            raise OutputExists(f"{shown(path)}: already exists") from None
        os.replace(part, path)
        return
    os.unlink(part)


def write_output(
    path: Path,
    data: bytes,
    *,
    inputs: Iterable[Path] = (),
    library: Path | None = None,
    overwrite: bool = True,
    resolve: Resolve = _resolved,
) -> None:
    """Write `data` to `path` safely (see the module docstring), or raise `OutputError`.

    `inputs` are the files the output was made from; `library` a plan
    library named on the command line (the usual one is always protected);
    `resolve` as for `check_output`.
    """
    inputs = tuple(inputs)
    check_output(path, inputs=inputs, library=library, overwrite=overwrite, resolve=resolve)
    folder = _folder_of(path)
    clean_stale_parts(folder)
    try:
        with _part_file(path) as (fd, part):
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
            os.close(fd)
            _move_into_place(part, path, overwrite=overwrite)
    except OSError as error:
        raise OutputError(_describe_os_error(path, error)) from None
    _sync_folder(folder)


def write_build(
    path: Path,
    plan: Plan | None,
    options: RenderOptions,
    which: Which = "workbook",
    *,
    inputs: Iterable[Path] = (),
    library: Path | None = None,
    overwrite: bool = True,
) -> BuildResult:
    """Build the workbook (or cards) and write it to `path`.

    The target is checked before the build, so a refused output costs
    nothing; it is checked again when written.
    """
    inputs = tuple(inputs)
    check_output(path, inputs=inputs, library=library, overwrite=overwrite)
    from ..pdf import build_pdf  # ReportLab loads only for a build that will be written

    result = build_pdf(plan, options, which)
    write_output(path, result.pdf, inputs=inputs, library=library, overwrite=overwrite)
    return result


def save_plan(
    plan: Plan, path: Path, *, inputs: Iterable[Path] = (), overwrite: bool = True
) -> None:
    """Write a plan file."""
    write_output(path, plan_to_json(plan).encode("utf-8"), inputs=inputs, overwrite=overwrite)


def make_folder(path: Path) -> None:
    """Make a folder (and missing parents) owner-only; an existing one is left as it is."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        if current.is_symlink():
            raise OutputError(_(
                "{current}: is a broken link, not a folder"
            ).format(current=shown(current)))
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    if current.exists() and not current.is_dir():
        raise OutputError(_("{current}: is a file, not a folder").format(current=shown(current)))
    for folder in reversed(missing):
        try:
            os.mkdir(folder, FOLDER_MODE)
            os.chmod(folder, FOLDER_MODE)  # the umask may have taken bits away
        except FileExistsError:
            if not folder.is_dir():
                raise OutputError(_(
                    "{folder}: is a file, not a folder"
                ).format(folder=shown(folder))) from None
        except OSError as error:
            raise OutputError(_describe_os_error(folder, error)) from None
