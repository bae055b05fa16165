"""`recovery-workbook library ...`: the plan library from the command line.

Plugged into the main parser by `register`. CLIENT is a client's number (as
`library list` shows it) or an unambiguous part of their name. Every problem
is one line on standard error with exit status 1, and leaves the library
and any output file as they were. Nothing is logged.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..library.errors import LibraryError
from ..library.paths import library_path
from ..output.writer import OutputError, facility_files, write_build, write_output
from ..plan import Paper, Plan, PlanFileError
from ..plan.limits import limits_note
from ..text.dates import format_date, format_moment
from ..text.i18n import _, interface_language
from .terminal import clean, clean_json, fail, report_overflow, say

if TYPE_CHECKING:
    from ..library.store import Library

# The store, the change descriptions and the encrypted transfer are imported
# by the commands that use them: every `build` loads this module (to list the
# library commands) and would otherwise pay for sqlite3 and the rest.

PROG = "recovery-workbook"
NAME_WIDTH = 28

Command = Callable[[argparse.Namespace], int]




def _reports_errors(func: Command) -> Command:
    """One line on stderr and exit status 1 instead of a traceback."""

    @functools.wraps(func)
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except (LibraryError, PlanFileError, OutputError) as error:
            return fail(error)

    return run


def _open(args: argparse.Namespace, *, create: bool = False) -> Library:
    from ..library.store import open_library

    path: Path | None = getattr(args, "library", None)
    return open_library(path, create=create)


def _when(moment: dt.datetime) -> str:
    return format_moment(moment, language=interface_language())


def _short_date(day: dt.date | None) -> str:
    return format_date(day, language=interface_language(), style="medium") if day else "-"


def _fit(text: str, width: int) -> str:
    text = clean(" ".join(text.split()))  # escapes first: they take room too
    return text if len(text) <= width else text[: width - 1] + "…"


# -- passphrases -----------------------------------------------------------------


def _passphrase_from_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LibraryError(_("{path}: no such passphrase file").format(path=path)) from None
    except (OSError, UnicodeDecodeError):
        raise LibraryError(_(
            "{path}: the passphrase file cannot be read"
        ).format(path=path)) from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise LibraryError(_("{path}: the passphrase file is empty").format(path=path))
    return lines[0]


def _ask_passphrase(*, confirm: bool) -> str:
    if not sys.stdin.isatty():
        raise LibraryError(_("a passphrase is needed: give --passphrase-file FILE"))
    from ..library.transfer import check_passphrase

    try:
        first = getpass.getpass("Passphrase: ")
        if confirm:
            check_passphrase(first)
            if getpass.getpass("Passphrase again: ") != first:
                raise LibraryError(_("the two passphrases differ; nothing was written"))
    except (EOFError, KeyboardInterrupt):
        raise LibraryError(_("no passphrase given; nothing was done")) from None
    return first


# -- commands --------------------------------------------------------------------


@_reports_errors
def cmd_list(args: argparse.Namespace) -> int:
    path = library_path(getattr(args, "library", None))
    if not path.exists():
        say(f"No clients yet (no library at {path}).")
        return 0
    with _open(args) as library:
        clients = library.clients()
    if not clients:
        say("No clients in the library yet.")
        return 0
    saved = [_when(client.updated) for client in clients]
    review = [_short_date(client.next_review) for client in clients]
    saved_width = max(len("Last saved"), *map(len, saved))
    review_width = max(len("Next review"), *map(len, review))
    say(f"{'No.':>5}  {'Name':<{NAME_WIDTH}}  {'Last saved':<{saved_width}}  "
          f"{'Next review':<{review_width}}  Revisions")
    for client, when, next_review in zip(clients, saved, review, strict=True):
        draft = "  unsaved draft" if client.has_draft else ""
        say(
            f"{client.id:>5}  {_fit(client.label(), NAME_WIDTH):<{NAME_WIDTH}}  "
            f"{when:<{saved_width}}  {next_review:<{review_width}}  "
            f"{client.revisions:>9}{draft}"
        )
    return 0


def _plan_counts(plan: Plan) -> str:
    counts = [
        (len(plan.prevention.triggers), "trigger"),
        (len(plan.prevention.warning_signs), "warning sign"),
        (len(plan.support_network.people), "contact"),
        (len(plan.support_network.meetings), "meeting"),
        (len(plan.goals.goals), "goal"),
        (len(plan.crisis_plan.steps), "crisis step"),
    ]
    return ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts)


def _note_limits(plan: Plan, client_id: int) -> None:
    """A stored plan over a limit opens as it is; say so once (on standard error)."""
    note = limits_note(plan)
    if note is not None:
        say(f"{PROG}: note: client {client_id}: {note}", stream=sys.stderr)


@_reports_errors
def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as library:
        client_id = library.find_client(args.client)
        if args.json:
            sys.stdout.write(clean_json(library.plan_json(client_id, args.revision)))
            return 0
        client = library.client(client_id)
        history = library.history(client_id)
        plan = library.plan(client_id, args.revision)
    _note_limits(plan, client_id)
    latest = history[-1] if history else None
    say(f"Client {client.id}: {client.label()}")
    say(f"Created:      {_when(client.created)}")
    if latest is not None:
        reason = f", {latest.reason}" if latest.reason else ""
        say(f"Last saved:   {_when(latest.saved)} (revision {latest.number}{reason})")
    review = client.next_review
    settings = plan.print_settings
    next_review = format_date(review, language=settings.language, paper=settings.paper)
    say(f"Next review:  {next_review or '-'}")
    say(f"Revisions:    {client.revisions}")
    if client.has_draft:
        say("Unsaved draft: yes (open the desktop program to recover or discard it)")
    shown = f"revision {args.revision}" if args.revision else "latest revision"
    say(f"Plan ({shown}): {_plan_counts(plan)}")
    return 0


@_reports_errors
def cmd_history(args: argparse.Namespace) -> int:
    from ..library.diff import describe_changes

    with _open(args) as library:
        client_id = library.find_client(args.client)
        history = library.history(client_id)
        plans = [library.plan(client_id, info.number) for info in history]
    previous: Plan | None = None
    for info, plan in zip(history, plans, strict=True):
        reason = f" — {info.reason}" if info.reason else ""
        say(f"Revision {info.number}, {_when(info.saved)}{reason}")
        changes = ["plan written"] if previous is None else describe_changes(previous, plan)
        for change in changes or ["no changes"]:
            say(f"  - {change}")
        previous = plan
    return 0


@_reports_errors
def cmd_export(args: argparse.Namespace) -> int:
    from ..library.transfer import check_passphrase, export_bytes

    passphrase: str | None = None
    if args.passphrase_file is not None:
        passphrase = _passphrase_from_file(args.passphrase_file)
    elif args.encrypt:
        passphrase = _ask_passphrase(confirm=True)
    if passphrase is not None:
        check_passphrase(passphrase)
    with _open(args) as library:
        client_id = library.find_client(args.client)
        plan = library.plan(client_id, args.revision)
        number = args.revision or library.history(client_id)[-1].number
        path = library.path
    _note_limits(plan, client_id)
    write_output(args.output, export_bytes(plan, passphrase), inputs=_passphrase_inputs(args),
                 library=path)
    sealed = " (encrypted)" if passphrase is not None else ""
    say(f"Exported client {client_id}, revision {number}, to {args.output}{sealed}.")
    return 0


@_reports_errors
def cmd_import(args: argparse.Namespace) -> int:
    from ..library.transfer import read_plan_file

    def passphrase() -> str:
        if args.passphrase_file is not None:
            return _passphrase_from_file(args.passphrase_file)
        return _ask_passphrase(confirm=False)

    # Everything is read and validated before the library is touched.
    plan = read_plan_file(args.file, passphrase)
    with _open(args, create=True) as library:
        target = library.find_client(args.client) if args.client is not None else None
        result = library.import_plan(
            plan, reason=args.reason, client_id=target, new_client=args.new
        )
        name = library.client(result.client_id).label()
    if result.number is None:
        say(f"Client {result.client_id} ({name}) already has this plan; nothing was added.")
    elif result.new_client:
        say(f"Added client {result.client_id} ({name}).")
    else:
        say(f"Added revision {result.number} to client {result.client_id} ({name}).")
    return 0


def _passphrase_inputs(args: argparse.Namespace) -> tuple[Path, ...]:
    path: Path | None = getattr(args, "passphrase_file", None)
    return () if path is None else (path,)


@_reports_errors
def cmd_build(args: argparse.Namespace) -> int:
    from ..facility import load_facility
    from ..options import RenderOptions

    facility = load_facility(args.facility) if args.facility is not None else None
    with _open(args) as library:
        client_id = library.find_client(args.client)
        plan = library.plan(client_id, args.revision)
        # The flag beats the plan's own choice, which beats the facility's default.
        options = RenderOptions.for_plan(
            plan,
            paper=Paper(args.paper) if args.paper else None,
            large_print=True if args.large_print else None,
            facility=facility,
        )
        # Only reviews (revisions saved with a note) are listed, so they are not
        # one per revision: the library leaves out those after the one printed.
        reviews = library.review_entries(client_id, paper=options.paper, up_to=args.revision)
        path = library.path
    options = dataclasses.replace(options, reviews=reviews)
    inputs = facility_files(args.facility, facility)
    _note_limits(plan, client_id)
    result = write_build(args.output, plan, options, inputs=inputs, library=path)
    report_overflow(result.overflow)
    return 0


@_reports_errors
def cmd_delete(args: argparse.Namespace) -> int:
    with _open(args) as library:
        client_id = library.find_client(args.client)
        client = library.client(client_id)
        if not args.yes:
            if not sys.stdin.isatty():
                raise LibraryError(_("deleting needs confirming: add --yes"))
            question = (
                f"Delete client {client.id} ({client.label()}) and all {client.revisions} "
                "revisions? This cannot be undone. [y/N] "
            )
            try:
                answer = input(clean(question))
            except (EOFError, KeyboardInterrupt):
                answer = ""
            if answer.strip().lower() not in ("y", "yes"):
                say("Nothing was deleted.")
                return 1
        library.delete_client(client_id)
    say(f"Deleted client {client_id} and its revisions.")
    return 0


def _show_help(parser: argparse.ArgumentParser) -> Command:
    def run(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    return run


# -- the parser ------------------------------------------------------------------


def _client_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "client", metavar="CLIENT", help=_("the client's number (see 'library list') or name")
    )


def _revision_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--revision", type=int, metavar="N", default=None,
        help=_("an earlier revision (default: the latest)"),
    )


def register(subparsers: Any) -> None:
    """Add the `library` command to the main parser's subcommands."""
    library = subparsers.add_parser(
        "library",
        help=_("the plan library: list clients, show history, import, export, build"),
        description=_("Clients' plans saved by the desktop program, with every revision."),
    )
    # Also accepted after `library`; SUPPRESS keeps a global --library intact.
    library.add_argument(
        "--library", type=Path, metavar="PATH", default=argparse.SUPPRESS,
        help=_("the plan library file"),
    )
    library.set_defaults(func=_show_help(library))
    commands = library.add_subparsers(title="library commands", metavar="COMMAND")

    listing = commands.add_parser("list", help=_("every client: name, last saved, next review"))
    listing.set_defaults(func=cmd_list)

    show = commands.add_parser("show", help=_("one client: dates, revisions, what the plan holds"))
    _client_argument(show)
    _revision_option(show)
    show.add_argument("--json", action="store_true", help=_("print the plan file itself"))
    show.set_defaults(func=cmd_show)

    history = commands.add_parser("history", help=_("every revision and what it changed"))
    _client_argument(history)
    history.set_defaults(func=cmd_history)

    export = commands.add_parser("export", help=_("write a client's plan to a plan file"))
    _client_argument(export)
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    _revision_option(export)
    export.add_argument(
        "--encrypt", action="store_true",
        help=_("seal the file with a passphrase (asked for unless --passphrase-file)"),
    )
    export.add_argument(
        "--passphrase-file", type=Path, metavar="F", default=None,
        help=_("encrypt with the passphrase on the first line of F"),
    )
    export.set_defaults(func=cmd_export)

    importing = commands.add_parser(
        "import", help=_("add a plan file (plain or encrypted) to the library")
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument(
        "--reason", default="imported", help=_("the reason recorded with the new revision")
    )
    target = importing.add_mutually_exclusive_group()
    target.add_argument(
        "--client", metavar="CLIENT", default=None,
        help=_("add it to this client (default: the one client with the plan's name, else new)"),
    )
    target.add_argument("--new", action="store_true", help=_("always make a new client"))
    importing.add_argument(
        "--passphrase-file", type=Path, metavar="F", default=None,
        help=_("for an encrypted file: the passphrase on the first line of F"),
    )
    importing.set_defaults(func=cmd_import)

    build = commands.add_parser("build", help=_("print a client's workbook with its review log"))
    _client_argument(build)
    build.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    _revision_option(build)
    build.add_argument("--paper", choices=[p.value for p in Paper], default=None)
    build.add_argument("--large-print", action="store_true")
    build.add_argument("--facility", type=Path, metavar="FACILITY.toml", default=None)
    build.set_defaults(func=cmd_build)

    delete = commands.add_parser(
        "delete", help=_("remove a client and every revision for good (asks first)")
    )
    _client_argument(delete)
    delete.add_argument("--yes", action="store_true", help=_("do not ask"))
    delete.set_defaults(func=cmd_delete)

