"""The command line: `recovery-workbook` and `python -m workbook`.

`main` parses the arguments; `library` adds the plan-library commands. Both
turn a plan into a file through `workbook.output`, the one output writer.
`run` is the process's entry point.
"""

from __future__ import annotations

import gc
import os
import sys
import types
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .main import main

# Commands that write one output and end: no database, no worker processes,
# no window. They may leave without tearing the interpreter down.
ONE_SHOT = frozenset({"build", "blank", "example", "validate", "schema"})
# Commands that render: their modules are imported before the build starts.
RENDERS = frozenset({"build", "blank"})


def run(argv: Sequence[str] | None = None) -> None:
    """Run one command as a process: `recovery-workbook` and `python -m workbook`.

    For a one-shot command, the heavy modules are imported first and then
    frozen out of the garbage collector's sight (a full collection would walk
    every object the imports made, more than once during a build), and the
    process leaves with `os._exit` once the command has returned: by then its
    output is written, flushed and renamed into place, and tearing down the
    interpreter's import heap would only cost time. Tests call `main`.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    from .desktop import has_display, open_desktop, plain_start

    desktop = plain_start(args)
    if desktop is not None and has_display():
        # The desktop without the command line's imports: its window shows sooner.
        sys.exit(open_desktop(*desktop))
    from .main import main

    command = next((a for a in args if not a.startswith("-")), None)
    if command not in ONE_SHOT:
        sys.exit(main(args, process=True))
    if command in RENDERS:
        import workbook.pdf  # noqa: F401  (imported before the freeze, on purpose)
    gc.freeze()
    code = main(args, process=True)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:  # a closed pipe (`schema | head`): nothing more to say
            code = code or 1
    os._exit(code)


__all__ = ["main", "run"]


class _Package(types.ModuleType):
    """This package, whose `main` is the function `main.main`, loaded on first use.

    The desktop's start does not need the command line (it loads the plan
    model), so the submodule is not imported with the package. Importing it
    later makes Python bind the submodule to this package's `main`; the
    binding is ignored, so `workbook.cli.main` stays the function it was
    when the package imported it at once.
    """

    @property
    def main(self) -> Any:
        from .main import main

        return main

    @main.setter
    def main(self, _submodule: Any) -> None:
        pass


sys.modules[__name__].__class__ = _Package
