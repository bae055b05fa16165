"""`python -m workbook` is the same as `recovery-workbook`."""

from .cli import run

run()
