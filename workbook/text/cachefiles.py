"""Files that `scripts/setup.sh` makes beside the package's sources to spare each start.

The compiled catalogues (`i18n`), the compiled templates (`templates`) and
the parsed body fonts (`pdf.fontcache`) are each named after what they were
made from, ignored by git, and only ever read at run time: a missing or
outdated one means doing the work as before. They hold no client data.
This room is at the bottom of the layers, so both `text` and `pdf` use it.
"""

from __future__ import annotations

import os
from pathlib import Path


def replace_cache_file(target: Path, data: bytes, *, older: str | None = None) -> None:
    """Write `target` whole (a temporary name, then a rename: a reader never sees
    half a file), making its folder if needed; with `older`, a glob in that
    folder, the entries it matches other than `target` are removed."""
    target.parent.mkdir(exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, target)
    if older is not None:
        for old in target.parent.glob(older):
            if old != target:
                old.unlink(missing_ok=True)
