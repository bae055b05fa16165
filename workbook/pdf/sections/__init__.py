"""One module per part of the workbook; each returns the flowables of its part."""
