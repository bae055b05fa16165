"""The printed workbook: pure functions of (plan, options) -> PDF bytes. No Qt."""
