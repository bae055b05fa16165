"""The one error the library raises."""

from __future__ import annotations


class LibraryError(Exception):
    """Something the library cannot do; the message is one line, ready to show.

    Messages name the library file, a client's number and revision numbers,
    never a client's name or anything from a plan: client names are health
    information and error messages end up in logs and bug reports.
    """
