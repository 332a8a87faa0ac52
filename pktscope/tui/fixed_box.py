"""Scrolling widgets whose box is sized by CSS: new content repaints them, it lays out nothing.

Textual answers ``refresh(layout=True)`` (what ``Tree`` asks for on every change of its nodes,
and what a new ``virtual_size`` asks for) with a layout of the whole screen, and a layout
repaints every widget: ~60 ms at 160x45, most of a jump's time in ``benchmarks/bench_tui.py``.
A widget whose width and height come from CSS (``1fr``, a fixed width) never changes its box
with its content, so :class:`FixedBox` turns those requests into a repaint of the widget and an
update of its own scrollbars. When a scrollbar has to appear or disappear (that does change the
content region), the real layout is still requested.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.geometry import Region

if TYPE_CHECKING:
    from typing import Self

    from textual.widget import Widget

    _Base = Widget
else:  # a plain mixin: a Widget base here would hide the bases' COMPONENT_CLASSES from Textual
    _Base = object

__all__ = ["FixedBox"]


class FixedBox(_Base):
    """Mixin (put it first in the bases) for a scrolling widget whose box CSS fixes."""

    _scrollbars_pending = False
    _layout_allowed = False

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if layout and self.is_mounted and not self._layout_allowed:
            layout = False
            if not self._scrollbars_pending:
                self._scrollbars_pending = True
                self.call_later(self.sync_scrollbars)
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def sync_scrollbars(self) -> None:
        """Bring pending scrollbar changes up to date now (a no-op when none is pending).

        Called at the end of a content change, the scrollbars repaint in the same frame as the
        content; left to the queued call, they may need a frame of their own after it.
        """
        if self._scrollbars_pending:
            self._sync_scrollbars()

    def _sync_scrollbars(self) -> None:
        """Scrollbar extents (and visibility: a real layout when that changes) for the content."""
        self.content_ready()  # may itself ask for a layout: answered below, not queued again
        self._scrollbars_pending = False
        self._layout_allowed = True
        try:
            self._scroll_update(self.virtual_size)
        finally:
            self._layout_allowed = False

    def content_ready(self) -> None:
        """Bring ``virtual_size`` up to date (a hook: ``Tree`` computes it lazily)."""
