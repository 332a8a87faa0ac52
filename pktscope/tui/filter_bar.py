"""The display-filter bar: an input that compiles on Enter and shows errors with a caret."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from pktscope.commands._common import checked_filter
from pktscope.filter import Filter, FilterError

__all__ = ["FilterBar"]


class FilterBar(Vertical):
    """Hidden until ``/``; posts :class:`FilterBar.Applied` with a compiled filter (or None)."""

    DEFAULT_CSS = """
    FilterBar { height: auto; display: none; }
    FilterBar.-open { display: block; }
    FilterBar Input { border: tall $accent; }
    FilterBar #filter-error { color: $error; height: auto; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", show=False)]
    # layer name -> the spec decoding it, for layers decode-as rules or spec dirs bring in
    # (the app sets it; paths and values of a filter are checked against the specs)
    sources: Mapping[str, str] = MappingProxyType({})

    class Applied(Message):
        """A valid filter was entered (``None``: the filter was cleared)."""

        def __init__(self, flt: Filter | None) -> None:
            self.filter = flt
            super().__init__()

    def compose(self) -> ComposeResult:
        field = Input(
            placeholder="display filter, e.g. dhcp and ipv4.src == 10.0.0.1", id="filter-input"
        )
        field.cursor_blink = False  # a steady cursor reads better over SSH (and snapshots)
        yield field
        yield Static("", id="filter-error")

    def open(self) -> None:
        self.add_class("-open")
        self.query_one(Input).focus()

    def action_close(self) -> None:
        self.remove_class("-open")
        self.show_error(None)
        self.post_message(self.Closed())

    class Closed(Message):
        """The bar was closed without applying."""

    def show_error(self, exc: FilterError | None) -> None:
        box = self.query_one("#filter-error", Static)
        if exc is None:
            box.update("")
            return
        text = Text(no_wrap=True)
        text.append(f" {exc.text}\n", style="bold")
        text.append(" " + " " * (exc.col - 1) + "^ ", style="bold #ff5555")
        text.append(f"{exc.message} (column {exc.col})", style="#ff5555")
        box.update(text)

    @on(Input.Submitted, "#filter-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.show_error(None)
            self.post_message(self.Applied(None))
            return
        try:
            flt = checked_filter(text, self.sources)
        except FilterError as exc:
            self.show_error(exc)
            return
        self.show_error(None)
        self.post_message(self.Applied(flt))
