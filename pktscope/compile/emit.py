"""A tiny line/indent printer for generated code (pegen-style ``with out.indent():``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["Emitter"]


class Emitter:
    def __init__(self, indent_unit: str = "    ") -> None:
        self.lines: list[str] = []
        self.level = 0
        self.unit = indent_unit

    def line(self, text: str = "") -> None:
        self.lines.append(self.unit * self.level + text if text else "")

    @contextmanager
    def indent(self) -> Iterator[None]:
        self.level += 1
        try:
            yield
        finally:
            self.level -= 1

    @contextmanager
    def block(self, header: str) -> Iterator[None]:
        """``header`` line (ending in ``:``) then an indented body; ``pass`` if it stays empty."""
        self.line(header)
        n = len(self.lines)
        with self.indent():
            yield
            if len(self.lines) == n:
                self.line("pass")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"
