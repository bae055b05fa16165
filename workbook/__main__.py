"""`python -m workbook` is the same as `recovery-workbook`."""

import sys

from .cli import main

sys.exit(main())
