"""Small modal screens: a one-line prompt, the copy-format menu and the help screen."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from pktscope.tui.copy import COPY_FORMATS

__all__ = ["HELP_TEXT", "CopyMenu", "HelpScreen", "Prompt"]

_DIALOG_CSS = """
{cls} {{ align: center middle; }}
{cls} > Vertical {{ width: 72; height: auto; border: thick $accent; background: $surface;
                    padding: 1 2; }}
{cls} Label.title {{ text-style: bold; margin-bottom: 1; }}
{cls} Static.hint {{ color: $text-muted; margin-top: 1; }}
"""


class Prompt(ModalScreen[str | None]):
    """Ask for one line of text; Enter returns it, Esc returns None."""

    DEFAULT_CSS = _DIALOG_CSS.format(cls="Prompt")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, *, value: str = "", hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, classes="title")
            field = Input(value=self.value, id="prompt-input")
            field.cursor_blink = False
            yield field
            if self.hint:
                yield Static(self.hint, classes="hint")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class CopyMenu(ModalScreen[str | None]):
    """Pick how to copy the selected field's bytes; returns a key of ``COPY_FORMATS``."""

    DEFAULT_CSS = _DIALOG_CSS.format(cls="CopyMenu")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        *(Binding(str(i + 1), f"pick('{k}')", show=False) for i, k in enumerate(COPY_FORMATS)),
    ]

    def __init__(self, field_path: str) -> None:
        super().__init__()
        self.field_path = field_path

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Copy {self.field_path} as", classes="title")
            yield OptionList(
                *(
                    Option(f"{i + 1}  {label}", id=key)
                    for i, (key, label) in enumerate(COPY_FORMATS.items())
                ),
                id="copy-options",
            )
            yield Static("Enter or 1-4 to copy · Esc to cancel", classes="hint")

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self, key: str) -> None:
        self.dismiss(key)

    def action_cancel(self) -> None:
        self.dismiss(None)


HELP_TEXT = """\
[b]Moving[/b]
  ↑ ↓ PgUp PgDn Home End   move in the focused pane (packet list, field tree, hex bytes)
  Tab / Shift+Tab          next / previous pane
  Enter (tree)             expand / collapse a field
  ← → ↑ ↓ (hex)            move the byte cursor; the tree follows the byte
  mouse                    click a row, a field or a byte; wheel scrolls
[b]Actions[/b]
  /  or  f                 display filter: dhcp · ipv4.src == 10.0.0.1 · udp.dst_port >= 67
                           · eth.src == 00:16:3e:00:00:01 · not arp && (dns || icmp)
  Esc                      cancel a running filter / search, close the filter bar
  g                        go to frame number
  s / n                    search bytes (hex: 63 82 53 63) or text ("example"), next match
  c                        copy the selected field: hex · 00:16:.. · C array · Python bytes
  e                        export the shown packets to pcapng
  d                        decode as   (udp.port==9000:myproto)
  r                        reload specs (after editing a .ksy)
  o                        open another capture
  ?                        this help          q   quit
"""


class HelpScreen(ModalScreen[None]):
    """The key list; any of Esc, q, ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 100; max-width: 100%; height: auto;
                                  max-height: 100%; border: thick $accent;
                                  background: $surface; padding: 1 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        # fits a small terminal: wrapped, and scrolled with ↑ ↓ PgUp PgDn when taller
        with VerticalScroll():
            yield Label("[b]pktscope — keys[/b]")
            yield Static(HELP_TEXT, id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
