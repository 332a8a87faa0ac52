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

import io
from typing import Any

from pktscope.errors import DecodeError, TruncatedError

__all__ = [
    "Layer",
    "decode_layer",
    "failed_root",
    "limited_root",
    "peek_root",
    "rebase_error",
]


class Layer:
    """A protocol layer of a :class:`~pktscope.fields.packet.Packet`.

    ``name`` is the layer name used in paths (the spec id), ``offset`` the absolute offset of its
    first byte in the frame, ``size`` the number of bytes it was given (its payload included),
    ``root`` the decoded (possibly partial) root object or None, ``error`` the rebased
    :class:`~pktscope.errors.DecodeError` or None, ``index`` its position in the chain.
    ``truncated`` is true when its bytes were cut: the parent declared more payload than the
    frame holds, the layer lies in a quoted excerpt (an ICMP error's copy of a datagram,
    ``quoted: true``), or the capture cut the frame inside it and decoding ran out of bytes.
    ``note`` carries chain remarks (a truncated payload, a next spec that would not load).

    A layer made with ``data`` (the chain does this for a last layer, one with no payload rule)
    decodes on first use of ``root``/``error``/``truncated``, so a lookup may read a leading
    header field from a prefix of its bytes without decoding the rest
    (:func:`pktscope.fields.lookup.iter_matches`).
    """

    __slots__ = (
        "_cut_tail",
        "_data",
        "_error",
        "_root",
        "_root_field",
        "_truncated",
        "cls",
        "index",
        "name",
        "note",
        "occurrence",
        "offset",
        "size",
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
        data: bytes | None = None,
        cut_tail: bool = False,
    ) -> None:
        self.name = name
        self.cls = cls
        self.offset = offset
        self.size = size
        self._root = root
        self._error = error
        self.index = index
        self._truncated = truncated
        self._cut_tail = cut_tail
        self.occurrence = occurrence
        self.note: str | None = None
        self._root_field: Any = None
        self._data = data

    def _decode(self) -> None:
        data = self._data
        if data is not None:
            self._data = None
            try:
                self._root = self.cls.from_bytes(data)  # type: ignore[attr-defined]
            except Exception as exc:  # kept on the layer with the partial object
                self._root = failed_root(self, exc)

    @property
    def decoded(self) -> bool:
        """False while a lazily made layer has not decoded its bytes yet."""
        return self._data is None

    @property
    def data(self) -> bytes | None:
        """The bytes still waiting to be decoded (None once decoded)."""
        return self._data

    @property
    def root(self) -> Any:
        """The decoded (possibly partial) root object, or None when nothing decoded."""
        if self._data is not None:
            self._decode()
        return self._root

    @property
    def error(self) -> DecodeError | None:
        """The layer's decode error (frame-absolute offset, ``layer.field`` path), or None."""
        if self._data is not None:
            self._decode()
        return self._error

    @error.setter
    def error(self, value: DecodeError | None) -> None:
        if self._data is not None:
            self._decode()
        self._error = value

    @property
    def truncated(self) -> bool:
        """True when the layer's bytes were cut (see the class docstring)."""
        if self._truncated:
            return True
        if self._cut_tail:
            return isinstance(self.error, TruncatedError)
        return False

    @truncated.setter
    def truncated(self, value: bool) -> None:
        self._truncated = value

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
    truncated: bool = False,
    cut_tail: bool = False,
    lazy: bool = False,
) -> Layer:
    """Decode ``data`` (the layer's own bytes, found at ``offset`` in the frame) with ``cls``
    (``lazy``: on first use).

    Never raises for bad bytes: a failure is kept as ``layer.error`` with the partial object.
    ``cut_tail`` says the capture cut the frame and this layer reaches the cut: running out of
    bytes then makes it ``truncated``.
    """
    layer = Layer(
        name,
        cls,
        offset,
        len(data),
        None,
        None,
        index=index,
        occurrence=occurrence,
        truncated=truncated,
        data=data,
        cut_tail=cut_tail,
    )
    if not lazy:
        layer._decode()
    return layer


def failed_root(layer: Layer, exc: Exception) -> Any:
    """What a decode of ``layer`` that raised ``exc`` leaves: sets ``layer._error`` and returns
    the partial root (or None). Only pktscope errors are kept: a :class:`DecodeError` rebased
    to the frame and prefixed with the layer path, anything else (a parser bug, a runtime
    error) turned into one here, the one boundary."""
    path, offset = layer.path, layer.offset
    if isinstance(exc, DecodeError):
        layer._error = rebase_error(exc, path, offset)
        return exc.partial
    if isinstance(exc, RecursionError):
        layer._error = DecodeError(f"recursion too deep: {exc}", offset=offset, field_path=path)
    else:  # a parser bug or a runtime error must not escape: keep the bytes
        layer._error = _foreign_error(exc, path, offset)
    return None


def peek_root(cls: type, data: bytes) -> Any:
    """The (partial) root object decoded from a prefix of a layer's bytes, or None."""
    try:
        return cls.from_bytes(data)  # type: ignore[attr-defined]
    except DecodeError as exc:
        return exc.partial
    except Exception:  # a prefix may upset a parser in ways the full bytes do not
        return None


class _Cut(BaseException):
    """A capped reader was asked for bytes past its limit. A ``BaseException``, so it passes
    the generated parsers' ``except Exception`` error handlers untouched: no error object is
    built, and only objects whose ``_read()`` finished are attached to their parents."""


class _CappedReader(io.BytesIO):
    """The first ``limit`` bytes of a buffer; any read reaching past them raises :class:`_Cut`
    (a read to the end included), so a parse on it goes exactly as on the whole buffer until
    it needs a byte it was not given."""

    def read(self, n: int | None = -1, /) -> bytes:
        if n is None or n < 0:
            raise _Cut
        r = super().read(n)
        if len(r) < n:
            raise _Cut
        return r

    read1 = read

    def readinto(self, buffer: Any, /) -> int:
        n = super().readinto(buffer)
        if n < len(memoryview(buffer)):
            raise _Cut
        return n

    def getbuffer(self) -> memoryview:
        # a parser reading the buffer directly would see the short prefix as the whole: refuse
        # (an ordinary error, so the caller falls back to a full decode)
        raise ValueError("no direct buffer access on a capped reader")

    def getvalue(self) -> bytes:
        raise ValueError("no direct buffer access on a capped reader")


_BUF_STREAM: dict[type, type | None] = {}


def limited_root(cls: type, data: bytes, limit: int) -> Any:
    """The root object of a parse of ``data`` stopped at the first read needing a byte at or
    past ``limit``, or None (the parse failed otherwise, or did not need more bytes).

    The root stream reports the size of all of ``data`` (``_io.size``, ``_io.eof`` read as in a
    full decode) while its bytes end at ``limit``: every field the object holds was read from
    the same bytes as in a full decode, so it has the same value and span (generated parsers
    read sequentially). The stop passes the parsers' error handlers, so every structure
    reachable from the root, the root excepted, finished its ``_read()``; an element list holds
    the elements read whole.
    """
    try:
        stream_cls = _BUF_STREAM[cls]
    except KeyError:
        glob = getattr(getattr(cls, "_read", None), "__globals__", None)
        found = glob.get("_PktBufStream") if isinstance(glob, dict) else None
        stream_cls = _BUF_STREAM[cls] = found if isinstance(found, type) else None
    if stream_cls is None or not 0 < limit < len(data):
        return None
    stream: Any = object.__new__(stream_cls)
    stream._io = _CappedReader(data[:limit])
    stream._size = len(data)
    root: Any = object.__new__(cls)
    try:
        klass: Any = cls
        klass.__init__(root, stream)
    except _Cut:
        return root
    except Exception:  # a decode error before the limit: the caller decodes the whole layer
        return None
    return None


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
