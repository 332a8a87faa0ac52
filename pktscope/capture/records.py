"""The record: one captured frame with its capture metadata, as every reader yields it.

Readers (pcap, pcapng, the mmap index, live capture) all produce :class:`Record`; the dissector
chain turns a record into a ``Packet``. Times are kept exactly as integer nanoseconds
(``time_ns``) next to the float ``time`` for convenience.
"""

from __future__ import annotations

import inspect
import mmap
from dataclasses import dataclass, fields
from typing import Any, TypeAlias

__all__ = [
    "LINKTYPE_ETHERNET",
    "MAX_RECORD_SIZE",
    "Buffer",
    "Record",
    "format_epoch",
    "remake",
]

LINKTYPE_ETHERNET = 1

# Larger blocks are refused rather than buffered: no real frame comes near this, and a corrupt
# length field must not make a reader wait for (or allocate) gigabytes.
MAX_RECORD_SIZE = 256 * 1024 * 1024

# What the block-level parsers read from: a reader's bytearray or a whole file's mmap.
Buffer: TypeAlias = bytes | bytearray | memoryview | mmap.mmap


@dataclass(frozen=True, slots=True)
class Record:
    """One frame of a capture.

    ``number`` is the 1-based frame number, ``file_offset`` the absolute offset of the frame's
    first data byte in the file (or stream), ``len`` the original on-wire length (``cap_len <
    len`` means the capture truncated the frame).

    >>> r = Record(1, 1.5, 1_500_000_000, 2, 2, 0, 1, b"\\x00\\x01", None, 40)
    >>> r.truncated, format_epoch(r.time_ns)
    (False, '1.500000000')
    """

    number: int
    time: float
    time_ns: int
    cap_len: int
    len: int
    interface_id: int
    linktype: int
    data: bytes | memoryview
    comment: str | None
    file_offset: int

    @property
    def truncated(self) -> bool:
        """True when the capture kept fewer bytes than were on the wire."""
        return self.cap_len < self.len

    @property
    def time_epoch(self) -> str:
        """Seconds since the epoch with 9 decimals, as tshark prints ``frame.time_epoch``."""
        return format_epoch(self.time_ns)


def _install_fast_init() -> None:
    """Give Record an ``__init__`` that stores through the slot descriptors.

    A frozen dataclass's generated ``__init__`` goes through ``object.__setattr__`` for each of
    the ten fields, which makes building a record about twice as slow; readers build one per
    frame, so this is on the hot path of every front end. Same signature, same result.
    """
    slots = Record.__dict__
    s_number, s_time, s_time_ns = (slots[n].__set__ for n in ("number", "time", "time_ns"))
    s_cap_len, s_len, s_iface = (slots[n].__set__ for n in ("cap_len", "len", "interface_id"))
    s_linktype, s_data = slots["linktype"].__set__, slots["data"].__set__
    s_comment, s_file_offset = slots["comment"].__set__, slots["file_offset"].__set__

    def __init__(  # noqa: PLR0917 - the dataclass's own positional signature
        self: Record,
        number: int,
        time: float,
        time_ns: int,
        cap_len: int,
        len: int,
        interface_id: int,
        linktype: int,
        data: bytes | memoryview,
        comment: str | None,
        file_offset: int,
    ) -> None:
        s_number(self, number)
        s_time(self, time)
        s_time_ns(self, time_ns)
        s_cap_len(self, cap_len)
        s_len(self, len)
        s_iface(self, interface_id)
        s_linktype(self, linktype)
        s_data(self, data)
        s_comment(self, comment)
        s_file_offset(self, file_offset)

    __init__.__qualname__ = "Record.__init__"
    assert list(inspect.signature(__init__).parameters) == [
        "self",
        *(f.name for f in fields(Record)),
    ]
    Record.__init__ = __init__  # type: ignore[method-assign]


_install_fast_init()


def remake(rec: Record, make: Any) -> Any:
    """``make`` called with the fields of ``rec``, positionally (see ``FrameIndex.records``)."""
    return make(
        rec.number, rec.time, rec.time_ns, rec.cap_len, rec.len, rec.interface_id,
        rec.linktype, rec.data, rec.comment, rec.file_offset,
    )  # fmt: skip


def format_epoch(time_ns: int) -> str:
    """Exact decimal rendering of a nanosecond timestamp: ``format_epoch(-1) == '-0.000000001'``."""
    sign = "-" if time_ns < 0 else ""
    sec, frac = divmod(abs(time_ns), 1_000_000_000)
    return f"{sign}{sec}.{frac:09d}"
