"""A tiny line/indent printer for generated code (pegen-style ``with out.indent():``)."""

from __future__ import annotations

from types import TracebackType

__all__ = ["Emitter"]


class Emitter:
    def __init__(self, indent_unit: str = "    ") -> None:
        self.lines: list[str] = []
        self.level = 0
        self.unit = indent_unit

    def line(self, text: str = "") -> None:
        self.lines.append(self.unit * self.level + text if text else "")

    def indent(self) -> _Indent:
        """One level deeper for the lines emitted inside the ``with``."""
        return _Indent(self, -1)

    def block(self, header: str) -> _Indent:
        """``header`` line (ending in ``:``) then an indented body; ``pass`` if it stays empty."""
        self.line(header)
        return _Indent(self, len(self.lines))

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


class _Indent:
    """The context manager of :meth:`Emitter.indent` and :meth:`Emitter.block` (a class, not
    ``@contextmanager``: generators emit ~80k blocks per 186 specs and the generator-based
    manager cost a tenth of code generation)."""

    __slots__ = ("em", "mark")

    def __init__(self, em: Emitter, mark: int) -> None:
        self.em = em
        self.mark = mark  # line count after a block's header; -1 for a bare indent

    def __enter__(self) -> None:
        self.em.level += 1

    def __exit__(
        self,
        typ: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        em = self.em
        if typ is None and len(em.lines) == self.mark:
            em.line("pass")
        em.level -= 1
