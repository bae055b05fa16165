"""The desktop program (Qt only). Importing it guards against a PySide6 bug first."""

from . import qtfix as _qtfix  # noqa: F401  (see qtfix: must run before Qt is used)
