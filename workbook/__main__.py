"""`python -m workbook` is the same as `recovery-workbook`."""

import sys

from .cli.main import main

sys.exit(main())
