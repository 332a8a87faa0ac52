"""The one exception hierarchy of pktscope.

Every error pktscope raises derives from :class:`PktscopeError` and carries data, not just text:
spec errors know their file/line/column, decode errors the absolute byte offset, field path and
spec path, capture errors the file offset and record index, tool errors the command that failed.

Decode errors also inherit the matching builtin (``EOFError`` / ``ValueError``) and, where the
``kaitaistruct`` runtime has a matching class, that class too, so code written against the
official runtime keeps catching them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import kaitaistruct as _ks

__all__ = [
    "CaptureError",
    "CompileError",
    "DecodeError",
    "ExpressionError",
    "FilterError",
    "NoTerminatorError",
    "PktscopeError",
    "SpecError",
    "TextDecodeError",
    "ToolError",
    "TruncatedError",
    "ValidationError",
]


class PktscopeError(Exception):
    """Root of every error pktscope raises."""


class SpecError(PktscopeError):
    """A ``.ksy`` spec is wrong: ``file:line:col: message`` with the spec path.

    ``line`` and ``col`` are 1-based; 0 means unknown.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int = 0,
        col: int = 0,
        spec_path: str = "",
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.col = col
        self.spec_path = spec_path
        super().__init__(self.location_text() + message)

    def location_text(self) -> str:
        parts = [self.file or "<spec>"]
        if self.line:
            parts.append(str(self.line))
            parts.append(str(self.col or 1))
        loc = ":".join(parts) + ": "
        if self.spec_path:
            loc += f"{self.spec_path}: "
        return loc


class ExpressionError(SpecError):
    """An expression in a spec does not parse or does not type-check.

    ``expression`` is the text and ``expr_col`` the 0-based column inside it.
    """

    def __init__(
        self,
        message: str,
        *,
        expression: str = "",
        expr_col: int = 0,
        file: str | None = None,
        line: int = 0,
        col: int = 0,
        spec_path: str = "",
    ) -> None:
        self.expression = expression
        self.expr_col = expr_col
        super().__init__(message, file=file, line=line, col=col, spec_path=spec_path)


class SpecErrors(SpecError):
    """Several spec errors found in one pass, sorted by line; ``errors`` holds them all."""

    def __init__(self, errors: Sequence[SpecError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.file or "", e.line, e.col))
        first = self.errors[0]
        super().__init__(
            first.message,
            file=first.file,
            line=first.line,
            col=first.col,
            spec_path=first.spec_path,
        )
        self.args = ("\n".join(str(e) for e in self.errors),)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


class FilterError(PktscopeError):
    """A display filter does not parse or type-check: ``message`` at 1-based column ``col``
    of ``text``.

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


class CompileError(PktscopeError):
    """A valid spec the Python backend cannot emit: a bug in pktscope."""

    def __init__(self, message: str, *, spec_path: str = "") -> None:
        self.spec_path = spec_path
        super().__init__(f"{spec_path}: {message}" if spec_path else message)


class DecodeError(PktscopeError):
    """The bytes do not match the spec.

    ``offset`` is the absolute byte offset in the packet (or input buffer) where decoding
    failed, ``field_path`` the dotted path of the field being read (``dhcp.options[3].length``),
    ``spec_path`` its location in the spec (``/types/option/seq/1``). ``partial`` is the object
    decoded so far (the root), so nothing that decoded is lost.
    """

    def __init__(
        self,
        message: str,
        *,
        offset: int | None = None,
        field_path: str = "",
        spec_path: str = "",
        partial: Any = None,
    ) -> None:
        self.message = message
        self.offset = offset
        self.field_path = field_path
        self.spec_path = spec_path
        self.src_path = spec_path  # kaitaistruct.KaitaiStructError's name for it
        self.partial = partial
        # Not super(): kaitaistruct's error classes later in the MRO take positional data.
        Exception.__init__(self, message)

    def __str__(self) -> str:
        head = self.field_path or "<root>"
        if self.offset is not None:
            head += f" @ 0x{self.offset:04x}"
        return f"{head}: {self.message}"


class TruncatedError(DecodeError, _ks.EndOfStreamError):  # type: ignore[misc]  # untyped runtime
    """The data ended before the field did: ``needed`` bytes wanted, ``available`` there.

    Also a ``kaitaistruct.EndOfStreamError`` (hence an ``EOFError``), with its
    ``bytes_needed``/``bytes_available`` attributes.
    """

    def __init__(
        self,
        message: str,
        *,
        needed: int | None = None,
        available: int | None = None,
        **kw: Any,
    ) -> None:
        self.needed = self.bytes_needed = needed
        self.available = self.bytes_available = available
        super().__init__(message, **kw)


class ValidationError(DecodeError, ValueError):
    """A ``valid:`` / ``contents:`` / strict-enum check failed: ``expected`` vs ``actual``."""

    def __init__(
        self,
        message: str,
        *,
        expected: Any = None,
        actual: Any = None,
        **kw: Any,
    ) -> None:
        self.expected = expected
        self.actual = actual
        super().__init__(message, **kw)


class CaptureError(PktscopeError):
    """pcap/pcapng framing is broken at ``file_offset`` (record ``record_index``)."""

    def __init__(
        self,
        message: str,
        *,
        file_offset: int | None = None,
        record_index: int | None = None,
    ) -> None:
        self.message = message
        self.file_offset = file_offset
        self.record_index = record_index
        where = []
        if record_index is not None:
            where.append(f"record {record_index}")
        if file_offset is not None:
            where.append(f"file offset 0x{file_offset:x}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class ToolError(PktscopeError):
    """An external tool (tshark, node, the reference compiler) is missing or failed."""

    def __init__(
        self,
        message: str,
        *,
        argv: Sequence[str] = (),
        returncode: int | None = None,
        stderr_tail: str = "",
    ) -> None:
        self.argv = list(argv)
        self.returncode = returncode
        self.stderr_tail = stderr_tail
        text = message
        if returncode is not None:
            text += f" (exit {returncode})"
        if stderr_tail:
            text += f": {stderr_tail.strip()}"
        super().__init__(text)


# kaitaistruct's validation errors, each mirrored by a ValidationError subclass that also
# inherits it, so `except kaitaistruct.ValidationNotEqualError` still catches ours.
_KS_VALIDATION_NAMES = (
    "ValidationNotEqualError",
    "ValidationLessThanError",
    "ValidationGreaterThanError",
    "ValidationNotAnyOfError",
    "ValidationNotInEnumError",
    "ValidationExprError",
    "ValidationFailedError",
)

KS_VALIDATION_ERRORS: dict[type[BaseException], type[ValidationError]] = {}
for _name in _KS_VALIDATION_NAMES:
    _ks_cls = getattr(_ks, _name, None)
    if isinstance(_ks_cls, type):
        # kaitaistruct's own __init__ takes positional data; ours is keyword-driven.
        namespace = {
            "__module__": __name__,
            "__init__": ValidationError.__init__,
            "__str__": DecodeError.__str__,
        }
        _cls = type(_name, (ValidationError, _ks_cls), namespace)
        KS_VALIDATION_ERRORS[_ks_cls] = _cls
        globals()[_name] = _cls


class NoTerminatorError(TruncatedError, _ks.NoTerminatorFoundError):  # type: ignore[misc]
    """A terminated read (``strz``, ``terminator:``) reached the end of its data: also a
    ``kaitaistruct.NoTerminatorFoundError`` (``term``: the terminator's bytes), as the
    official compiler's output raises."""

    __str__ = DecodeError.__str__

    def __init__(self, message: str, *, term: bytes = b"\0", **kw: Any) -> None:
        self.term = term
        super().__init__(message, **kw)


class TextDecodeError(DecodeError, UnicodeDecodeError):
    """Bytes that are not text in the field's encoding: also the ``UnicodeDecodeError`` the
    official compiler's output raises (``encoding``, ``object``, ``start``, ``end``,
    ``reason`` are the codec's)."""

    __str__ = DecodeError.__str__

    def __init__(self, message: str, *, codec_error: UnicodeDecodeError, **kw: Any) -> None:
        e = codec_error
        UnicodeDecodeError.__init__(self, e.encoding, e.object, e.start, e.end, e.reason)
        DecodeError.__init__(self, message, **kw)
