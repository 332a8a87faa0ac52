"""One decoded protocol layer of a packet: which spec, where in the frame, its object, its error.

A layer is decoded on its own from the bytes its parent's payload gives
(``Spec.from_bytes(payload)``, specs/README.md "Layering rule"); spans of its fields are relative
to that buffer and :attr:`Layer.offset` makes them absolute in the frame. When decoding fails the
partial root object is kept (everything read before the break stays reachable) together with the
error, rebased to frame offsets and prefixed with the layer name
(``dhcp.options[3].length @ 0x0120``). Any non-pktscope exception a parser lets out is turned
into a :class:`~pktscope.errors.DecodeError` here, the one boundary.
"""

from __future__ import annotations

from typing import Any

from pktscope.errors import DecodeError, TruncatedError

__all__ = ["Layer", "decode_layer", "rebase_error"]


class Layer:
    """A protocol layer of a :class:`~pktscope.fields.packet.Packet`.

    ``name`` is the layer name used in paths (the spec id), ``offset`` the absolute offset of its
    first byte in the frame, ``size`` the number of bytes it was given (its payload included),
    ``root`` the decoded (possibly partial) root object or None, ``error`` the rebased
    :class:`~pktscope.errors.DecodeError` or None, ``index`` its position in the chain.
    ``truncated`` is true when the parent declared more payload bytes than the frame holds;
    ``note`` carries chain remarks (a malformed length, a decode-as rule that applied).
    """

    __slots__ = (
        "_root_field",
        "cls",
        "error",
        "index",
        "name",
        "note",
        "occurrence",
        "offset",
        "root",
        "size",
        "truncated",
    )

    def __init__(  # noqa: PLR0917 - the six facts every layer has
        self,
        name: str,
        cls: type,
        offset: int,
        size: int,
        root: Any,
        error: DecodeError | None,
        *,
        index: int = 0,
        truncated: bool = False,
        occurrence: int = 0,
    ) -> None:
        self.name = name
        self.cls = cls
        self.offset = offset
        self.size = size
        self.root = root
        self.error = error
        self.index = index
        self.truncated = truncated
        self.occurrence = occurrence
        self.note: str | None = None
        self._root_field: Any = None

    @property
    def end(self) -> int:
        """Absolute end (exclusive) of the bytes given to this layer."""
        return self.offset + self.size

    @property
    def malformed(self) -> bool:
        """True when the layer failed to decode for a reason other than its bytes having been
        cut (``truncated`` with a :class:`~pktscope.errors.TruncatedError`: tshark's "short",
        not "malformed"). It keeps its bytes, partial object and error either way."""
        error = self.error
        if error is None:
            return False
        return not (self.truncated and isinstance(error, TruncatedError))

    @property
    def path(self) -> str:
        """The path naming this layer: ``ipv4``, or ``ipv4[1]`` for a second IPv4 header."""
        return self.name if self.occurrence == 0 else f"{self.name}[{self.occurrence}]"

    def __repr__(self) -> str:
        err = f", error={self.error}" if self.error is not None else ""
        return f"Layer({self.path!r}, offset={self.offset}, size={self.size}{err})"


def decode_layer(
    name: str,
    cls: type,
    data: bytes,
    offset: int,
    *,
    index: int = 0,
    occurrence: int = 0,
) -> Layer:
    """Decode ``data`` (the layer's own bytes, found at ``offset`` in the frame) with ``cls``.

    Never raises for bad bytes: a failure is kept as ``layer.error`` with the partial object.
    """
    root: Any = None
    error: DecodeError | None = None
    try:
        root = cls.from_bytes(data)  # type: ignore[attr-defined]
    except DecodeError as exc:
        root = exc.partial
        error = rebase_error(exc, name, offset)
    except RecursionError as exc:
        error = DecodeError(f"recursion too deep: {exc}", offset=offset, field_path=name)
    except Exception as exc:  # a parser bug or a runtime error must not escape: keep the bytes
        error = _foreign_error(exc, name, offset)
    return Layer(name, cls, offset, len(data), root, error, index=index, occurrence=occurrence)


def rebase_error(exc: DecodeError, layer_path: str, offset: int) -> DecodeError:
    """A copy of ``exc`` (same class) with frame-absolute offset and layer-prefixed path."""
    new = type(exc).__new__(type(exc))
    new.__dict__.update(exc.__dict__)
    new.args = exc.args
    new.offset = None if exc.offset is None else exc.offset + offset
    new.field_path = f"{layer_path}.{exc.field_path}" if exc.field_path else layer_path
    new.__cause__ = exc
    return new


def _foreign_error(exc: Exception, name: str, offset: int) -> DecodeError:
    message = str(exc) or type(exc).__name__
    message = f"{type(exc).__name__}: {message}"
    if isinstance(exc, EOFError):
        err: DecodeError = TruncatedError(message, offset=offset, field_path=name)
    else:
        err = DecodeError(message, offset=offset, field_path=name)
    err.__cause__ = exc
    return err
