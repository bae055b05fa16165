"""The layout loop of the workbook's documents, without the work our flowables never need.

ReportLab's `Frame._add` and `BaseDocTemplate.handle_flowable` serve every
kind of flowable: they look up a dozen optional attributes of each one
(``frameAction``, ``_SPACETRANSFER``, frame backgrounds, indents, generated
content), set and delete attributes through ``hasattr``/``delattr``, and go
through `Frame.__setattr__` (written in Python) for every move of the
frame's current position. A workbook places some 280 flowables, nearly all
`pen.Direct` ones that fit where they are put; for them `LeanFrame` and
`LeanDocTemplate` do the same steps with only the lookups that can change
the result, and hand everything else (page breaks, actions, containers,
flowables that do not fit, frames with indents or backgrounds) to
ReportLab's own code. Positions, page breaks and bytes are those of
ReportLab's loop: tests/pdf/test_frames.py lays the same stories out both
ways.
"""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak
from reportlab.platypus.doctemplate import ActionFlowable, LayoutError

from . import pen

_FUZZ = rl_config._FUZZ

# Per class: may a flowable of it take the lean path? (See `_plain`.)
_PLAIN: dict[type, bool] = {}


def _plain(cls: type) -> bool:
    """A `pen.Direct` class that draws where it is put and asks nothing of the frame.

    Such a class keeps ReportLab's `Flowable` ways of telling its space before
    and after and whether it keeps with the next one, and has no frame action
    or space transfer. Its instances are still checked for those attributes
    (`LeanFrame._add`), as ReportLab would find them there too.
    """
    plain = _PLAIN.get(cls)
    if plain is None:
        plain = _PLAIN[cls] = (
            issubclass(cls, pen.Direct)
            and not issubclass(cls, (ActionFlowable, PageBreak))
            and getattr(cls, "frameAction", None) is None
            and not getattr(cls, "_SPACETRANSFER", False)
            and "__len__" not in dir(cls)
            and "__bool__" not in dir(cls)
        )
    return plain


class LeanFrame(Frame):  # type: ignore[misc]
    """A Frame that places a plain `pen.Direct` flowable without ReportLab's generic checks."""

    def _add(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:
        state = self.__dict__
        if (
            not _plain(type(flowable))
            or state["_leftExtraIndent"]
            or state["_rightExtraIndent"]
            or state.get("_frameBGs")
            or state["_debug"]
        ):
            return int(Frame._add(self, flowable, canv, trySplit))
        own = flowable.__dict__
        if "frameAction" in own or "_SPACETRANSFER" in own:
            return int(Frame._add(self, flowable, canv, trySplit))
        where = (flowable, trySplit, state["_y"], state["_atTop"], state["_prevASpace"])
        refused = state.pop("_refused", None)
        if refused is not None and refused[0] is flowable and refused[1:] == where[1:]:
            # Refused a moment ago in this very place: ReportLab's handle_flowable
            # tries the flowable again before splitting it; the answer is the same
            # (wrap gives the same size for the same room), without wrapping again.
            return 0
        own["_frame"] = self
        own["canv"] = canv  # so flowables can measure text, as in Frame._add
        try:
            y = state["_y"]
            bottom = state["_y1p"]
            avail = state["_aW"]
            zero_size = getattr(flowable, "_ZEROSIZE", False)
            space = 0
            if not state["_atTop"]:
                space = flowable.getSpaceBefore()
                if state["_oASpace"]:
                    if zero_size:
                        space = state["_prevASpace"]
                    space = max(space - state["_prevASpace"], 0)
            height = y - bottom - space
            if height > 0 or zero_size:
                width, height = flowable.wrap(avail, height)
            else:
                return 0
            height += space
            y -= height
            if y < bottom - _FUZZ:
                if not rl_config.allowTableBoundsErrors and (
                    (height > state["_aH"] or width > avail) and not trySplit
                ):
                    raise LayoutError(
                        f"Flowable {flowable.__class__} ({width}x{height} points) too large "
                        f"for frame ({avail}x{state['_aH']} points)."
                    )
                state["_refused"] = where
                return 0
            after = flowable.getSpaceAfter()
            flowable.drawOn(canv, state["_x"], y, _sW=avail - width)
            y -= after
            if state["_oASpace"]:
                state["_prevASpace"] = after
            if y != state["_y"]:
                state["_atTop"] = 0
            state["_y"] = y
            return 1
        finally:
            own.pop("canv", None)
            own.pop("_frame", None)

    add = _add

    def _reset(self) -> None:
        self.__dict__.pop("_refused", None)
        Frame._reset(self)


def _breaks_or_keeps(flowable: Flowable) -> bool:
    """Would ReportLab's handle_breakBefore or handle_keepWithNext act on `flowable`?"""
    if hasattr(flowable, "_skipMeNextTime"):
        return True
    style = getattr(flowable, "style", None)
    for name in ("pageBreakBefore", "frameBreakBefore"):
        if getattr(flowable, name, None) == 1:
            return True
        if style is not None and getattr(style, name, None) == 1:
            return True
    return bool(flowable.getKeepWithNext())


class LeanDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """A document whose loop places a plain `pen.Direct` flowable in a `LeanFrame` directly.

    The lean path is `handle_flowable`'s own for a flowable that is no page
    break, action or container, that does not break before itself, keep
    with the next one, or fail to fit: placed, counted, and followed by
    whatever the frame generated. Anything else goes to ReportLab's.
    """

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        flowable = flowables[0]
        frame = self.__dict__.get("frame")
        if (
            not _plain(type(flowable))
            or type(frame) is not LeanFrame
            or type(self).filterFlowables is not BaseDocTemplate.filterFlowables
            or type(self).afterFlowable is not BaseDocTemplate.afterFlowable
            or _breaks_or_keeps(flowable)
        ):
            BaseDocTemplate.handle_flowable(self, flowables)
            return
        if frame.add(flowable, self.canv, trySplit=self.allowSplitting):
            del flowables[0]
            self._curPageFlowableCount += 1
            generated = frame.__dict__.get("_generated_content")
            if generated:
                flowables[0:0] = generated
                del frame._generated_content
            return
        # It does not fit: ReportLab splits it or moves it on (the frame answers
        # its second try from what it found, see LeanFrame._add).
        BaseDocTemplate.handle_flowable(self, flowables)
