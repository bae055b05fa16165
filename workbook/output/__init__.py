"""Turning a plan into output: a file on disk, or PDF bytes for the preview.

The one layer above `pdf` and `library` that both the command line and the
desktop use to produce a workbook. `writer` is the only way an output file is
written (atomic, private, never onto an input, the library or a device);
`render_worker` is the preview's renderer process.
"""
