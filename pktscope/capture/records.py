"""The record: one captured frame with its capture metadata, as every reader yields it.

Readers (pcap, pcapng, the mmap index, live capture) all produce :class:`Record`; the dissector
chain turns a record into a ``Packet``. Times are kept exactly as integer nanoseconds
(``time_ns``) next to the float ``time`` for convenience.
"""

from __future__ import annotations

import mmap
from dataclasses import dataclass
from typing import TypeAlias

__all__ = ["LINKTYPE_ETHERNET", "MAX_RECORD_SIZE", "Buffer", "Record", "format_epoch"]

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


def format_epoch(time_ns: int) -> str:
    """Exact decimal rendering of a nanosecond timestamp: ``format_epoch(-1) == '-0.000000001'``."""
    sign = "-" if time_ns < 0 else ""
    sec, frac = divmod(abs(time_ns), 1_000_000_000)
    return f"{sign}{sec}.{frac:09d}"
