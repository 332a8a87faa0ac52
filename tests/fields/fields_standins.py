"""Hand-written stand-ins for generated parser classes, following docs/spans.md.

``Struct`` subclasses declare ``FIELDS = [(id, kind, arg, meta)]``; reading records spans,
keeps partial objects and raises :class:`~pktscope.errors.TruncatedError` like generated code.
Kinds: ``"int"`` (arg = struct format such as ``">H"``), ``"bytes"`` (arg = size or ``None``
for size-eos), ``"type"`` (arg = class), ``"array"`` (arg = (class, count attribute)),
``"bits"`` (arg = width, big-endian bit order).
"""

from __future__ import annotations

import struct
from typing import Any, ClassVar

from pktscope.errors import TruncatedError


class Struct:
    FIELDS: ClassVar[list[tuple[str, str, Any, dict[str, Any]]]] = []
    SEQ_FIELDS: ClassVar[list[str]] = []
    _PKT_INSTANCES: ClassVar[list[str]] = []
    _PKT_FIELDS: ClassVar[dict[str, dict[str, Any]]] = {}
    _PKT_HINTS: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls) -> None:
        cls.SEQ_FIELDS = [f[0] for f in cls.FIELDS]
        meta = {}
        for i, (name, kind, arg, extra) in enumerate(cls.FIELDS):
            m: dict[str, Any] = {
                "id": name,
                "spec_path": f"/seq/{i}",
                "kind": "seq",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "hints": {},
            }
            if kind == "int":
                size = struct.calcsize(arg)
                m["type"] = f"{'s' if arg[1].islower() else 'u'}{size}" + (
                    "" if size == 1 else ("be" if arg[0] == ">" else "le")
                )
                m["endian"] = "be" if arg[0] == ">" else "le"
                m["size"] = size
            elif kind == "bytes":
                m["type"] = "bytes"
                m["size"] = arg
            elif kind == "bits":
                m["type"] = f"b{arg}"
                m["bit_size"] = arg
                m["bit_endian"] = "be"
            elif kind == "type":
                m["type"] = arg.__qualname__
            elif kind == "array":
                m["type"] = arg[0].__qualname__
                m["repeat"] = "expr"
            m.update(extra)
            meta[name] = m
        cls._PKT_FIELDS = {**meta, **cls.__dict__.get("EXTRA_META", {})}

    def __init__(self, buf: bytes, pos: int = 0) -> None:
        self._buf = buf
        self._start = pos
        self._end: int | None = None
        self._spans: dict[tuple[str, int | None], tuple[int, int, int | None, int | None]] = {}
        self._pos = pos
        self._bitpos = 0

    @classmethod
    def from_bytes(cls, buf: bytes) -> Struct:
        obj = cls(bytes(buf))
        try:
            obj._read()
        except TruncatedError as exc:
            exc.partial = obj
            raise
        return obj

    def _need(self, n: int, name: str) -> None:
        if self._pos + n > len(self._buf):
            raise TruncatedError(
                f"need {n} bytes, {len(self._buf) - self._pos} available",
                offset=self._pos,
                field_path=name,
                needed=n,
                available=len(self._buf) - self._pos,
            )

    def _read(self) -> None:
        for name, kind, arg, _ in self.FIELDS:
            start = self._pos
            if kind == "int":
                n = struct.calcsize(arg)
                self._need(n, name)
                setattr(self, name, struct.unpack_from(arg, self._buf, self._pos)[0])
                self._pos += n
            elif kind == "bits":
                byte = self._pos + self._bitpos // 8
                bit0 = self._pos * 8 + self._bitpos
                nbytes = (self._bitpos + arg + 7) // 8
                self._need(nbytes, name)
                word = int.from_bytes(self._buf[self._pos : self._pos + nbytes], "big")
                shift = nbytes * 8 - self._bitpos - arg
                setattr(self, name, (word >> shift) & ((1 << arg) - 1))
                self._spans[(name, None)] = (byte, self._pos + nbytes, bit0, arg)
                self._bitpos += arg
                if self._bitpos % 8 == 0:
                    self._pos += self._bitpos // 8
                    self._bitpos = 0
                continue
            elif kind == "bytes":
                n = len(self._buf) - self._pos if arg is None else arg
                self._need(n, name)
                setattr(self, name, self._buf[self._pos : self._pos + n])
                self._pos += n
            elif kind == "type":
                child = arg(self._buf, self._pos)
                setattr(self, name, child)
                child._read()
                self._pos = child._end
            elif kind == "array":
                sub, count_attr = arg
                items: list[Any] = []
                setattr(self, name, items)
                for i in range(getattr(self, count_attr)):
                    child = sub(self._buf, self._pos)
                    items.append(child)
                    child._read()
                    self._spans[(name, i)] = (self._pos, child._end, None, None)
                    self._pos = child._end
            self._spans[(name, None)] = (start, self._pos, None, None)
        self._end = self._pos

    def _pkt_span(self, name: str, index: int | None = None) -> Any:
        return self._spans.get((name, index))

    def _pkt_span_self(self) -> tuple[int, int | None]:
        return (self._start, self._end)

    def _pkt_transformed(self, name: str) -> bool:
        return False
