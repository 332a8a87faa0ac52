"""Two lines at the bottom: the selected field (path, offset, size, bit range, value) and the
capture state (frame position, filter, background work, the last message)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

__all__ = ["StatusBar", "field_status"]


def field_status(f: Any | None) -> Text:
    """``dhcp.chaddr  offset 70 (0x0046)  size 16  value 00163e…`` for the status line."""
    text = Text()
    if f is None:
        text.append("no field selected", style="dim")
        return text
    text.append(str(f.path), style="bold #7dcfff")
    if f.offset is None:
        text.append("  computed value (no bytes)")
    else:
        text.append(f"  offset {f.offset} (0x{f.offset:04x})  size {f.size}")
    bit_offset, bit_size = getattr(f, "bit_offset", None), getattr(f, "bit_size", None)
    if bit_offset is not None and bit_size:
        first = bit_offset - 8 * f.offset
        text.append(f"  bits {first}..{first + bit_size - 1} of byte {f.offset}")
    display = getattr(f, "display", "")
    if display not in (None, ""):
        text.append("  value ")
        text.append(str(display), style="bold")
    error = getattr(f, "error", None)
    if error:
        text.append(f"  ✗ {error}", style="bold #ff5555")
    return text


class StatusBar(Static):
    """Field line + state line; :meth:`message` shows a transient note in the state line."""

    DEFAULT_CSS = "StatusBar { height: 2; background: $panel; padding: 0 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.field_line = Text()
        self.state = ""
        self.note = Text()
        self._shown: Text | None = None

    def set_field(self, f: Any | None) -> None:
        self.field_line = field_status(f)
        self._redraw()

    def set_state(self, state: str) -> None:
        self.state = state
        self._redraw()

    def message(self, text: str, *, error: bool = False) -> None:
        self.note = Text(text, style="bold #ff5555" if error else "#9ece6a")
        self._redraw()

    def on_resize(self) -> None:
        self._shown = None
        self._redraw()

    def _redraw(self) -> None:
        width = self.content_region.width or 10_000  # (0 before the first layout)
        state = Text(self.state, style="#a9b1d6")
        second = state
        if self.note:
            # the message is what the user just caused: the state line gives way to it first
            sep = "  │  "
            room = width - len(sep) - self.note.cell_len
            if state.cell_len > room:
                state = state.copy()
                state.truncate(max(room, 12), overflow="ellipsis")
            second = state.copy()
            second.append(sep, style="dim")
            second.append_text(self.note)
        first = self.field_line.copy()
        for line in (first, second):  # one row each: never wrapped into the other's row
            line.truncate(width, overflow="ellipsis")
        out = Text()
        out.append_text(first)
        out.append("\n")
        out.append_text(second)
        out.no_wrap = True
        out.overflow = "ellipsis"
        if out == self._shown:  # the same lines: no repaint (no frame of its own)
            return
        self._shown = out
        self.update(out, layout=False)

    @property
    def plain(self) -> str:
        return f"{self.field_line.plain}\n{self.state}  {self.note.plain}"
