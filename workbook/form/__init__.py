"""What the form asks, without Qt: its pages, its fields and the suggestions to tick.

The desktop (`workbook.ui`) draws these; they are plain data and functions so
that the form's logic is tested without widgets.
"""
