"""Stand-in field model for the TUI while ``pktscope.fields`` is not there: same attribute names.

:class:`LiteField` and :class:`LitePacket` carry exactly what the TUI and the display filter
read from the real ``Field``/``Packet`` (``path offset size end bit_offset bit_size value display
hex() children error``; ``pkt[path]``, ``walk()``, ``layers``, ``buffer``, ``frame``), so the
front end works the same on either. :class:`Builder` reads one layer with bounds checks and
records spans; a short read raises :class:`LiteTruncated`, which the decoder turns into the
layer's ``error`` while keeping what was read.
"""

from __future__ import annotations

import ipaddress
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

__all__ = ["Builder", "FrameInfo", "LiteField", "LitePacket", "LiteTruncated", "display_of"]

_INDEX = re.compile(r"\[\d+\]")


@dataclass(frozen=True, slots=True)
class FrameInfo:
    number: int
    time: float
    len: int
    cap_len: int
    linktype: int
    interface_id: int = 0


@dataclass(eq=False, slots=True)
class LiteField:
    """One decoded field: absolute span in the packet buffer, typed value and display text."""

    path: str
    name: str
    offset: int
    size: int
    value: Any
    display: str
    buf: bytes = field(repr=False, default=b"")
    children: list[LiteField] = field(default_factory=list)
    error: str | None = None
    bit_offset: int | None = None
    bit_size: int | None = None
    spec_path: str = ""

    @property
    def end(self) -> int:
        return self.offset + self.size

    @property
    def raw(self) -> memoryview:
        return memoryview(self.buf)[self.offset : self.end]

    def copy(self) -> bytes:
        return bytes(self.buf[self.offset : self.end])

    def hex(self, sep: str = "", group: int = 1, upper: bool = False) -> str:
        data = self.buf[self.offset : self.end].hex()
        text = data.upper() if upper else data
        step = 2 * max(group, 1)
        return sep.join(text[i : i + step] for i in range(0, len(text), step))


def display_of(kind: str, value: Any, raw: bytes) -> str:
    """Display text per DESIGN.md: MAC, dotted IPv4, RFC 5952 IPv6, hex bytes, enums, ints."""
    if kind == "mac" and len(raw) == 6:
        return ":".join(f"{b:02x}" for b in raw)
    if kind == "ipv4" and len(raw) == 4:
        return str(ipaddress.IPv4Address(raw))
    if kind == "ipv6" and len(raw) == 16:
        return str(ipaddress.IPv6Address(raw))
    if isinstance(value, IntEnum):
        return f"{value.name} ({int(value)})"
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


class LiteTruncated(Exception):
    """A field needs more bytes than the layer has (internal to the stand-in decoder)."""

    def __init__(self, path: str, offset: int, needed: int, available: int) -> None:
        self.path = path
        self.offset = offset
        super().__init__(
            f"{path} @ 0x{offset:04x}: need {needed} bytes, {max(available, 0)} available"
        )


class Builder:
    """Reads fields of one layer from ``buf[start:limit]``, appending them to ``parent``."""

    def __init__(self, buf: bytes, name: str, start: int, limit: int) -> None:
        self.buf = buf
        self.pos = start
        self.limit = min(limit, len(buf))
        self.root = LiteField(name, name, start, 0, None, "", buf, spec_path=f"/{name}")
        self.stack = [self.root]

    @property
    def parent(self) -> LiteField:
        return self.stack[-1]

    def _path(self, name: str) -> str:
        return f"{self.parent.path}.{name}"

    def need(self, name: str, size: int, at: int | None = None) -> int:
        at = self.pos if at is None else at
        if size < 0 or at + size > self.limit:
            raise LiteTruncated(self._path(name), at, size, self.limit - at)
        return at

    def add(self, f: LiteField) -> LiteField:
        self.parent.children.append(f)
        return f

    def num(self, name: str, size: int, enum: type[IntEnum] | None = None) -> int:
        at = self.need(name, size)
        value: int = int.from_bytes(self.buf[at : at + size], "big")
        self.pos += size
        v: Any = value
        if enum is not None and value in enum._value2member_map_:
            v = enum(value)
        self.add(LiteField(self._path(name), name, at, size, v, display_of("", v, b""), self.buf))
        return value

    def bits(
        self, name: str, at: int, bit: int, width: int, enum: type[IntEnum] | None = None
    ) -> int:
        """Bit field ``width`` bits wide starting ``bit`` bits (MSB first) into byte ``at``."""
        nbytes = (bit + width + 7) // 8
        self.need(name, nbytes, at)
        word = int.from_bytes(self.buf[at : at + nbytes], "big")
        value = (word >> (8 * nbytes - bit - width)) & ((1 << width) - 1)
        v: Any = enum(value) if enum is not None and value in enum._value2member_map_ else value
        self.add(
            LiteField(
                self._path(name),
                name,
                at,
                nbytes,
                v,
                display_of("", v, b""),
                self.buf,
                bit_offset=8 * at + bit,
                bit_size=width,
            )
        )
        return value

    def raw(self, name: str, size: int, kind: str = "hex", *, advance: bool = True) -> bytes:
        at = self.need(name, size)
        data = bytes(self.buf[at : at + size])
        if advance:
            self.pos += size
        value: Any = data
        if kind == "str":
            value = data.split(b"\0", 1)[0].decode("latin-1")
            text = value
        else:
            text = display_of(kind, data, data)
        self.add(LiteField(self._path(name), name, at, size, value, text, self.buf))
        return data

    def rest(self, name: str) -> bytes:
        return self.raw(name, self.limit - self.pos) if self.pos < self.limit else b""

    def open(self, name: str, display: str = "") -> LiteField:
        f = self.add(LiteField(self._path(name), name, self.pos, 0, None, display, self.buf))
        self.stack.append(f)
        return f

    def close(self) -> None:
        f = self.stack.pop()
        f.size = max(
            self.pos - f.offset, max((c.end for c in f.children), default=f.offset) - f.offset
        )

    def finish(self) -> LiteField:
        while len(self.stack) > 1:
            self.close()
        self.root.size = (
            max(self.pos, max((c.end for c in self.root.children), default=0)) - self.root.offset
        )
        return self.root


class LitePacket:
    """A decoded frame: ``layers`` (root fields), ``pkt[path]``, ``walk()``, ``buffer``."""

    def __init__(self, buffer: bytes, frame: FrameInfo, layers: list[LiteField]) -> None:
        self.buffer = buffer
        self.frame = frame
        self.layers = layers
        self._by_path: dict[str, LiteField] = {}
        self._by_generic: dict[str, list[LiteField]] = {}
        for f in self.walk():
            self._by_path.setdefault(f.path, f)
            self._by_generic.setdefault(_INDEX.sub("", f.path), []).append(f)
        for name, value in self._frame_fields().items():
            f = LiteField(
                f"frame.{name}",
                name,
                0,
                0,
                value,
                str(value).lower() if isinstance(value, bool) else str(value),
                buffer,
            )
            self._by_path[f.path] = f
            self._by_generic[f.path] = [f]

    def _frame_fields(self) -> dict[str, Any]:
        errors = [f.error for f in self.layers if f.error]
        return {
            "number": self.frame.number,
            "len": self.frame.len,
            "cap_len": self.frame.cap_len,
            "time_epoch": f"{self.frame.time:.9f}",
            "interface_id": self.frame.interface_id,
            "protocols": ":".join(f.name for f in self.layers),
            "malformed": bool(errors),
            "truncated": self.frame.cap_len < self.frame.len,
            "errors": ", ".join(e for e in errors if e),
        }

    def walk(self) -> Iterator[LiteField]:
        todo = list(reversed(self.layers))
        while todo:
            f = todo.pop()
            yield f
            todo.extend(reversed(f.children))

    def __getitem__(self, path: str) -> LiteField:
        try:
            return self._by_path[path]
        except KeyError:
            found = self._by_generic.get(path)
            if found:
                return found[0]
            raise KeyError(path) from None

    def find_all(self, path: str) -> list[LiteField]:
        if "[" in path:
            f = self._by_path.get(path)
            return [f] if f is not None else []
        return list(self._by_generic.get(path, ()))


def u16(buf: bytes, at: int) -> int:
    value: int = struct.unpack_from("!H", buf, at)[0]
    return value
