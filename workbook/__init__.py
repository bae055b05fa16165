"""Recovery Workbook: a client's recovery plan, printed as a personal workbook."""

__version__ = "0.1.0"
