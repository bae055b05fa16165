"""The printed workbook: pure functions of (plan, options) -> PDF bytes. No Qt."""

from .builder import build_workbook

__all__ = ["build_workbook"]
