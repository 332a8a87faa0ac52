"""The filter language's one error type (candidate to move into :mod:`pktscope.errors`)."""

from __future__ import annotations

from pktscope.errors import PktscopeError

__all__ = ["FilterError"]


class FilterError(PktscopeError):
    """A display filter does not parse: ``message`` at 1-based column ``col`` of ``text``.

    >>> str(FilterError("unexpected ')'", text="udp)", col=4))
    "col 4: unexpected ')'"
    """

    def __init__(self, message: str, *, text: str = "", col: int = 1) -> None:
        self.message = message
        self.text = text
        self.col = col
        super().__init__(f"col {col}: {message}")

    def caret_lines(self) -> str:
        """The filter text with a caret under the failing column (two lines)."""
        return f"{self.text}\n{' ' * (self.col - 1)}^"
