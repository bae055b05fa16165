"""The command line: `recovery-workbook` and `python -m workbook`.

`main` parses the arguments; `library` adds the plan-library commands. Both
turn a plan into a file through `workbook.output`, the one output writer.
"""

from .main import main

__all__ = ["main"]
