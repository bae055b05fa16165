"""The command line: `recovery-workbook` and `python -m workbook`.

With no subcommand it opens the desktop program. Every subcommand reports
bad input in one line on standard error (naming the file and the field) and
exits with status 1; it never prints a traceback and never leaves a partial
output file behind (outputs are written to a temporary file and moved into
place only when complete).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..facility import Facility, load_facility
from ..library.errors import LibraryError
from ..output.writer import (
    OutputError,
    facility_files,
    write_build,
    write_output,
)
from ..plan import Paper, PlanFileError, load_plan, plan_to_json
from ..text.i18n import SOURCE_LANGUAGE, _, languages
from .desktop import has_display, open_desktop
from .library import register as register_library_commands
from .terminal import clean, fail, report_overflow, say

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

PROG = "recovery-workbook"


class CommandError(Exception):
    """A problem to report in one line, exit status 1."""


class _Parser(argparse.ArgumentParser):
    """argparse, with a bad argument's text (`invalid choice: '...'`) cleaned for the terminal."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(clean(message, newlines=True), file)


def _fail(message: str) -> int:
    return fail(message)


def _facility(args: argparse.Namespace) -> Facility | None:
    path: Path | None = getattr(args, "facility", None)
    return load_facility(path) if path is not None else None


def _facility_files(args: argparse.Namespace, facility: Facility | None) -> tuple[Path, ...]:
    return facility_files(getattr(args, "facility", None), facility)


def _paper(args: argparse.Namespace) -> Paper | None:
    return Paper(args.paper) if args.paper is not None else None


def cmd_build(args: argparse.Namespace) -> int:
    from ..options import RenderOptions

    plan = load_plan(args.plan)
    facility = _facility(args)
    options = RenderOptions.for_plan(
        plan,
        paper=_paper(args),
        large_print=True if args.large_print else None,
        facility=facility,
        language=args.language,
    )
    result = write_build(
        args.output, plan, options,
        inputs=(args.plan, *_facility_files(args, facility)), library=args.library,
    )
    report_overflow(result.overflow)
    return 0


def cmd_blank(args: argparse.Namespace) -> int:
    from ..options import RenderOptions

    facility = _facility(args)
    options = RenderOptions.for_blank(
        paper=_paper(args),
        large_print=True if args.large_print else None,
        language=args.language,
        facility=facility,
    )
    write_build(
        args.output, None, options, inputs=_facility_files(args, facility), library=args.library
    )
    return 0


def cmd_example(args: argparse.Namespace) -> int:
    from ..example import example_plan

    write_output(
        args.output, plan_to_json(example_plan(args.language or SOURCE_LANGUAGE)).encode("utf-8"),
        library=args.library,
    )
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    load_plan(args.plan)
    say(f"{args.plan}: a valid recovery plan")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from ..plan.jsonschema import plan_json_schema

    text = json.dumps(plan_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_output(args.output, text.encode("utf-8"), library=args.library)
    return 0


def cmd_desktop(args: argparse.Namespace) -> int:
    if not has_display():
        raise CommandError(
            _(
                "no display to open the desktop program on; use a command such as '{PROG} build' "
                "or '{PROG} blank' (see '{PROG} --help')"
            ).format(PROG=PROG)
        )
    return open_desktop(args.library)


def _add_paper_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--paper", choices=[p.value for p in Paper], default=None,
        help=_("paper size (default: the plan's own setting, else the facility's, else letter)"),
    )
    parser.add_argument(
        "--large-print", action="store_true", help=_("bigger type and wider write-in lines")
    )


def _add_language_option(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument(
        "--language", choices=languages(), default=None, metavar="LANGUAGE",
        help=f"{help} ({', '.join(languages())})",
    )


def _add_facility_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--facility", type=Path, metavar="FACILITY.toml",
        help=_("a facility profile: name, logo, crisis lines, local resources"),
    )


def _cmd_batch(args: argparse.Namespace) -> int:
    # The batch engine, its workers and the progress bar load only for `batch`.
    from .batch import cmd_batch

    return cmd_batch(args)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Build a recovery plan with a client and print it as a personal workbook. "
        "With no command, opens the desktop program.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--library", type=Path, metavar="PATH", default=None,
        help=_("the plan library file (default: $RECOVERY_WORKBOOK_LIBRARY, "
        "else one in your user data folder)"),
    )
    parser.set_defaults(func=cmd_desktop)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    build = commands.add_parser("build", help=_("print a client's workbook from a plan file"))
    build.add_argument("plan", type=Path, metavar="PLAN.json")
    build.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    _add_paper_options(build)
    _add_language_option(build, _("language of the workbook (default: the plan's own)"))
    _add_facility_option(build)
    build.set_defaults(func=cmd_build)

    blank = commands.add_parser("blank", help=_("print a blank workbook to fill in by hand"))
    blank.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    _add_paper_options(blank)
    _add_language_option(
        blank, _("language of the workbook (default: the facility's, else en)")
    )
    _add_facility_option(blank)
    blank.set_defaults(func=cmd_blank)

    batch = commands.add_parser(
        "batch", help=_("print many workbooks from a roster (CSV) into a folder")
    )
    batch.add_argument("roster", type=Path, metavar="ROSTER.csv")
    batch.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    _add_paper_options(batch)
    _add_language_option(
        batch, _("language of every workbook (default: the roster's language column, each "
                 "plan's own, else the facility's)")
    )
    _add_facility_option(batch)
    batch.add_argument(
        "--jobs", type=int, default=None, help=_("workbooks rendered at once (default: CPUs)")
    )
    batch.add_argument(
        "--overwrite", action="store_true",
        help=_("replace workbooks already in the folder (default: stop before printing any)"),
    )
    batch.set_defaults(func=_cmd_batch)

    example = commands.add_parser("example", help=_("write a complete sample plan file"))
    example.add_argument("-o", "--output", type=Path, required=True, metavar="PLAN.json")
    _add_language_option(example, _("language of the sample plan (default: en)"))
    example.set_defaults(func=cmd_example)

    validate = commands.add_parser("validate", help=_("check a plan file and name any bad field"))
    validate.add_argument("plan", type=Path, metavar="PLAN.json")
    validate.set_defaults(func=cmd_validate)

    schema = commands.add_parser("schema", help=_("print the plan file's JSON Schema"))
    schema.add_argument("-o", "--output", type=Path, default=None, metavar="FILE")
    schema.set_defaults(func=cmd_schema)

    register_library_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None, *, process: bool = False) -> int:
    """Run one command; `process` when it is the whole process (see `run`)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.process = process
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except (PlanFileError, LibraryError, OutputError, CommandError) as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except Exception as error:  # a bug: say so in one line, without any plan text
        if os.environ.get("RECOVERY_WORKBOOK_DEBUG"):
            raise
        return _fail(
            _(
                "unexpected error ({name}); nothing was written. Set RECOVERY_WORKBOOK_DEBUG=1 to "
                "see the details."
            ).format(name=type(error).__name__)
        )


if __name__ == "__main__":
    sys.exit(main())
