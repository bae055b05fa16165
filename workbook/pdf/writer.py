"""Writing the finished document: ReportLab's objects, formatted the short way.

ReportLab turns its document model into bytes with one generic routine
(`pdfdoc.format`) that asks every value what it is, runs every name through
`PDFName` character by character and every number and name through a Python
codec. A workbook's pages, their forms and content streams are a few
thousand such values, and formatting them cost about a tenth of a build.

`Document` is ReportLab's `PDFDocument` with a `format` that writes the
objects of those kinds (page, page tree and catalogue dictionaries, resource
dictionaries, streams, form XObjects, plain dictionaries, arrays, references,
numbers and names) directly, and hands every other object to ReportLab. It
keeps ReportLab's document model and its order of work: objects are
registered and numbered at the same moments, so the file is the same, byte
for byte, as ReportLab would write (tests/pdf/test_writer.py holds it to
that). Where an object is unusual (an override, annotations, encryption,
comments, multi-line output) it is ReportLab's own code that writes it.
Pages, the most numerous, are written from their few parts (`page`);
other dictionaries through ReportLab's own recipe with the short values.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    NoEncryption,
    PDFArray,
    PDFCatalog,
    PDFDictionary,
    PDFFormXObject,
    PDFName,
    PDFObjectReference,
    PDFPage,
    PDFResourceDictionary,
    PDFStream,
    PDFType1Font,
    pdfdocEnc,
)
from reportlab.pdfgen.canvas import Canvas

__all__ = ["Document", "use"]

# ReportLab marks objects that may only be written as indirect objects.
_REF_ONLY = "__RefOnly__"


# PDFName escapes a name character by character: the same few names, once each.
_pdf_name = lru_cache(maxsize=2048)(PDFName)


@lru_cache(maxsize=2048)
def _name(key: str) -> bytes:
    """A dictionary key as a PDF name (ReportLab's and the program's names, never a client's)."""
    encoded: bytes = pdfdocEnc(PDFName(key))
    return encoded


@lru_cache(maxsize=2048)
def _name_value(value: str) -> bytes:
    """A value that is already a name ("/Page"): the bytes ReportLab writes for it."""
    encoded: bytes = pdfdocEnc(value)
    return encoded


def value(element: Any, document: pdfdoc.PDFDocument) -> bytes:
    """`element` as ReportLab's `pdfdoc.format` writes it inside another object."""
    kind = type(element)
    if kind is PDFObjectReference:
        return b"%d %d R" % document.idToObjectNumberAndVersion[element.name]
    if kind is str:
        if element[:1] == "/":
            return _name_value(element)
        encoded: bytes = pdfdocEnc(element)
        return encoded
    if kind is int or kind is float:
        number: str = fp_str(element)
        return number.encode("ascii")
    if kind is bytes:
        return element  # type: ignore[no-any-return]
    # An instance may be marked to be written only by reference, or forced
    # onto many lines: those ReportLab writes.
    if (kind is PDFDictionary or kind is PDFArray or kind is PDFResourceDictionary) and (
            _REF_ONLY not in element.__dict__ and element.__dict__.get("multiline") is None):
        if kind is PDFDictionary:
            return dictionary(element.dict, document)
        if kind is PDFArray:
            return array(element.sequence, document)
        return resources(element, document)
    formatted: bytes = pdfdoc.format(element, document)
    return formatted


def dictionary(entries: dict[str, Any], document: pdfdoc.PDFDocument) -> bytes:
    """A PDFDictionary's entries, sorted, six to a line (ReportLab's single-line layout)."""
    keys = list(entries) if isinstance(entries, OrderedDict) else sorted(entries)
    parts = [_name(key) + b" " + value(entries[key], document) for key in keys]
    for i in reversed(range(6, len(parts), 6)):
        parts.insert(i, b"\n ")
    return b"<<\n" + b" ".join(parts) + b"\n>>"


_NUMBERS = frozenset({int, float})


def array(sequence: list[Any], document: pdfdoc.PDFDocument) -> bytes:
    """A PDFArray's elements, ten to a line (ReportLab's single-line layout)."""
    if sequence and {type(element) for element in sequence} <= _NUMBERS:
        # All numbers (a font's widths, a box): fp_str formats ten at once,
        # space-separated, as it formats each alone.
        rows = [fp_str(*sequence[i:i + 10]) for i in range(0, len(sequence), 10)]
        return b"[ " + " \n  ".join(rows).encode("ascii") + b" ]"
    parts = [value(element, document) for element in sequence]
    for i in reversed(range(10, len(parts), 10)):
        parts.insert(i, b"\n ")
    return b"[ " + b" ".join(parts) + b" ]"


def resources(element: PDFResourceDictionary, document: pdfdoc.PDFDocument) -> bytes:
    """`PDFResourceDictionary.format`: its non-empty parts as one dictionary."""
    entries: dict[str, Any] = {}
    for attribute in element.dict_attributes:
        part = getattr(element, attribute)
        if isinstance(part, dict):
            if part:
                entries[attribute] = PDFDictionary(part)
        else:
            entries[attribute] = part
    procs = element.ProcSet
    if isinstance(procs, (list, tuple)):
        if procs:
            entries["ProcSet"] = PDFArray(procs)
    else:
        entries["ProcSet"] = procs
    return dictionary(entries, document)


def catalog(element: PDFCatalog, document: pdfdoc.PDFDocument) -> bytes:
    """`PDFCatalog.format` (pages, the page tree, the catalogue itself)."""
    element.check_format(document)
    entries: dict[str, Any] = {}
    for key, default in element.__Defaults__.items():
        found = getattr(element, key, default)
        if found is not None:
            entries[key] = found
    for key in element.__NoDefault__:
        found = getattr(element, key, None)
        if found is not None:
            entries[key] = found
    for key in element.__Refs__:
        if key in entries:
            entries[key] = document.Reference(entries[key])
    return dictionary(entries, document)


# A page's entries besides those `page` writes: each must be unset for it.
_PAGE_OTHERS = tuple(sorted(set(PDFPage.__NoDefault__)
                            - {"Parent", "MediaBox", "Resources", "Contents", "Rotate", "Annots",
                               "Trans"}))


def page(element: PDFPage, document: pdfdoc.PDFDocument) -> bytes | None:
    """A page as `catalog` writes it, for the pages a canvas makes; None for any other.

    A workbook page is its content stream, box, parent, fonts and forms,
    rotation and an empty transition: written straight from those, after
    registering the content stream where ReportLab's check registers it.
    """
    if (element.Override_default_compilation or element.MediaBox or element.Contents
            or element.Resources or element.Parent or element.Annots or not element.stream
            or getattr(element, "ExtGState", None) or element._colorsUsed
            or element._shadingUsed or (element.compression and rl_config.useA85)):
        return None
    trans, xobjects = element.Trans, element.XObjects
    if trans is not None and (type(trans) is not PDFDictionary or trans.dict
                              or len(trans.__dict__) != 1):
        return None  # only the empty transition a canvas gives every page
    if xobjects is not None and type(xobjects) is not PDFDictionary:
        return None
    if any(getattr(element, key) is not None for key in _PAGE_OTHERS):
        return None
    contents = PDFStream()
    if element.compression:
        contents.filters = [pdfdoc.PDFZCompress]
    contents.content = element.stream
    contents.__Comment__ = "page stream"
    element.Contents = contents
    element.Parent = document.Reference(document.Pages)
    numbers = document.idToObjectNumberAndVersion
    contents_ref = numbers[document.Reference(contents).name]
    parent = numbers[element.Parent.name]
    width, height = element.pagewidth, element.pageheight
    box = [0, 0, height, width] if element.Rotate in (90, 270) else [0, 0, width, height]
    procs = _ALL_PROCS if element.hasImages else _BASIC_PROCS
    fonts = b"/Font %d %d R" % numbers[BASIC_FONTS]
    if xobjects:
        resources = b"<<\n%b %b /XObject %b\n>>" % (fonts, procs, value(xobjects, document))
    else:
        resources = b"<<\n%b %b\n>>" % (fonts, procs)
    # The entries in ReportLab's (sorted) order, six to a line.
    parts = [b"/Contents %d %d R" % contents_ref, b"/MediaBox " + array(box, document),
             b"/Parent %d %d R" % parent, b"/Resources " + resources]
    if element.Rotate is not None:
        parts.append(b"/Rotate " + value(element.Rotate, document))
    if trans is not None:
        parts.append(b"/Trans <<\n\n>>")
    parts.append(b"/Type /Page")
    if len(parts) > 6:
        parts.insert(6, b"\n ")
    return b"<<\n" + b" ".join(parts) + b"\n>>"


_ALL_PROCS = b"/ProcSet [ /PDF /Text /ImageB /ImageC /ImageI ]"
_BASIC_PROCS = b"/ProcSet [ /PDF /Text ]"
BASIC_FONTS = pdfdoc.BasicFonts


def stream(element: PDFStream, document: pdfdoc.PDFDocument) -> bytes:
    """`PDFStream.format`: the content through its filters, then its dictionary."""
    entries = dict(element.dictionary.dict)
    content = element.content
    if content is None:
        raise ValueError("stream content not set")
    filters = element.filters
    if filters is None:
        filters = document.defaultStreamFilters
    if filters is not None and "Filter" not in entries:
        names: list[str] = []
        for flt in reversed(list(filters)):
            content = flt.encode(content)
            names.insert(0, _pdf_name(flt.pdfname))
        entries["Filter"] = PDFArray(names)
    # Content is written as ReportLab writes it, not through `value`: a
    # stream that starts with "/" is no name to be kept.
    body: bytes = content if type(content) is bytes else pdfdoc.format(content, document)
    entries["Length"] = len(content)
    return dictionary(entries, document) + b"\nstream\n" + body + b"endstream\n"


def form(element: PDFFormXObject, document: pdfdoc.PDFDocument) -> bytes | None:
    """`PDFFormXObject.format`; None for a form this does not cover (ReportLab writes it)."""
    if element.Annots or element.Contents or element.Resources or not element.stream:
        return None
    if element.compression and rl_config.useA85:
        return None
    element.BBox = element.BBox or PDFArray(
        [element.lowerx, element.lowery, element.upperx, element.uppery])
    element.Matrix = element.Matrix or PDFArray([1, 0, 0, 1, 0, 0])
    element.Annots = None
    contents = PDFStream()
    contents.content = element.stream
    element.Contents = contents
    procs = PDFResourceDictionary()
    procs.basicFonts()
    if element.hasImages:
        procs.allProcs()
    else:
        procs.basicProcs()
    if element.XObjects:
        procs.XObject = element.XObjects
    element.Resources = procs
    if element.compression:
        contents.filters = [pdfdoc.PDFZCompress]
    entries = contents.dictionary.dict
    entries["Type"] = _pdf_name("XObject")
    entries["Subtype"] = _pdf_name("Form")
    entries["FormType"] = 1
    entries["BBox"] = element.BBox
    entries["Matrix"] = element.Matrix
    entries["Resources"] = element.Resources
    return stream(contents, document)


def font(element: PDFType1Font, document: pdfdoc.PDFDocument) -> bytes:
    """`PDFType1Font.format` (the TrueType subsets are of this kind): names, then values."""
    entries: dict[str, Any] = {}
    for key in element.name_attributes:
        if hasattr(element, key):
            entries[key] = _pdf_name(getattr(element, key))
    for key in element.local_attributes:
        if hasattr(element, key):
            entries[key] = getattr(element, key)
    return dictionary(entries, document)


def _body(element: Any, document: pdfdoc.PDFDocument) -> bytes | None:
    """An indirect object's content, or None where ReportLab should write it."""
    kind = type(element)
    method = getattr(kind, "format", None)
    if kind is PDFPage:
        written = page(element, document)
        if written is not None:
            return written
    if method is PDFCatalog.format:
        return catalog(element, document)
    if method is PDFStream.format:
        return stream(element, document)
    if kind is PDFFormXObject:
        return form(element, document)
    if method is PDFType1Font.format:
        return font(element, document)
    if kind is PDFDictionary and element.__dict__.get("multiline") is None:
        return dictionary(element.dict, document)
    return None


class Document(pdfdoc.PDFDocument):  # type: ignore[misc]
    """ReportLab's document with the short way of writing its objects (see the module)."""

    def format(self) -> bytes:
        if (not isinstance(self.encrypt, NoEncryption) or rl_config.pdfMultiLine
                or (rl_config.pdfComments and not rl_config.invariant)):
            formatted: bytes = super().format()
            return formatted
        self.encrypt.prepare(self)
        cat = self.Catalog
        info = self.info
        self.Reference(cat)
        self.Reference(info)
        counter = 0
        ids = []
        number_to_id = self.numberToId
        id_to_object = self.idToObject
        id_to_offset = self.idToOffset
        self.__accum__ = file = pdfdoc.PDFFile(self._pdfVersion)
        while True:
            counter += 1
            if counter not in number_to_id:
                break
            oid = number_to_id[counter]
            obj = id_to_object[oid]
            content = _body(obj, self)
            if content is None:
                whole = pdfdoc.PDFIndirectObject(oid, obj).format(self)
            else:
                number, version = self.idToObjectNumberAndVersion[oid]
                whole = b"%d %d obj\n%b%bendobj\n" % (
                    number, version, content, b"" if content.endswith(b"\n") else b"\n")
            id_to_offset[oid] = file.add(whole)
            ids.append(oid)
        del self.__accum__
        count = len(number_to_id)
        if counter - 1 != count:
            raise ValueError(f"counter {counter} doesn't match number to id dictionary {count}")
        xref = pdfdoc.PDFCrossReferenceTable()
        xref.addsection(0, ids)
        offset = file.add(xref.format(self))
        trailer = pdfdoc.PDFTrailer(
            startxref=offset,
            Size=count + 1,
            Root=self.Reference(cat),
            Info=self.Reference(info),
            Encrypt=None,
            ID=self.ID(),
        )
        file.add(trailer.format(self))
        for signature in getattr(self, "_digiSigs", []):
            signature.sign(file)
        written: bytes = file.format(self)
        return written


def use(canvas: Canvas) -> None:
    """Make `canvas` write its document with `Document` (call before anything is drawn).

    The canvas makes a plain `PDFDocument` in its constructor; this gives that
    object the subclass's `format`, which is all that differs.
    """
    if type(canvas._doc) is pdfdoc.PDFDocument:
        canvas._doc.__class__ = Document
