"""The sans-IO base shared by the pcap and pcapng readers: a byte buffer fed from outside.

A reader never touches a file or a socket. Callers :meth:`~FeedReader.feed` bytes as they arrive
(a file read in chunks, a pipe from ``dumpcap -w -``, a test feeding one byte at a time) and pull
complete records with :meth:`~FeedReader.next_record` or by iterating :meth:`~FeedReader.records`.
Only the incomplete tail stays buffered, so streaming runs in constant memory. Subclasses
implement :meth:`FeedReader._parse`, which looks at the buffered bytes and either returns a record,
consumes a non-record block and returns :data:`SKIPPED`, or returns ``None`` to ask for more.

>>> from pktscope.capture.pcap import PcapReader
>>> reader = PcapReader()
>>> reader.feed(b"\\xd4\\xc3\\xb2\\xa1")
>>> reader.next_record() is None     # the file header is not complete yet
True
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import Final

from pktscope.capture.records import Record
from pktscope.errors import CaptureError

__all__ = ["SKIPPED", "FeedReader"]

# Returned by _parse when it consumed a block that holds no frame (an IDB, a name block...).
SKIPPED: Final = object()

# Drop consumed bytes from the front of the buffer once this many have piled up.
_COMPACT_AT = 1 << 16


class FeedReader:
    """Byte buffer, error latch and record numbering for a sans-IO capture reader."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._pos = 0  # first unconsumed byte in _buf
        self._base = 0  # absolute stream offset of _buf[0]
        self._count = 0  # records produced so far
        self._error: CaptureError | None = None
        self._closed = False
        self.warning: CaptureError | None = None
        """Set by :meth:`close` when the input ended inside a record (the records before it
        were all produced)."""

    # -- feeding -------------------------------------------------------------------------
    def feed(self, data: bytes | bytearray | memoryview) -> None:
        """Append bytes to the input; an empty ``data`` is allowed and does nothing."""
        if self._closed:
            raise CaptureError("feed() after close()", file_offset=self.offset)
        if self._pos >= _COMPACT_AT and self._pos * 2 >= len(self._buf):
            del self._buf[: self._pos]
            self._base += self._pos
            self._pos = 0
        self._buf += data

    def close(self) -> CaptureError | None:
        """Mark the end of input; returns (and keeps in :attr:`warning`) a :class:`CaptureError`
        when bytes of an incomplete header or record are left over, else ``None``."""
        if not self._closed:
            self._closed = True
            leftover = len(self._buf) - self._pos
            if leftover and self._error is None:
                self.warning = CaptureError(
                    f"input ends inside {self._pending_what()}: {leftover} bytes left over",
                    file_offset=self.offset,
                    record_index=self._count,
                )
        return self.warning

    # -- pulling records -----------------------------------------------------------------
    @property
    def offset(self) -> int:
        """Absolute offset of the first byte not yet consumed."""
        return self._base + self._pos

    @property
    def count(self) -> int:
        """How many records have been produced so far."""
        return self._count

    def buffered(self) -> int:
        """Bytes held but not consumed (the incomplete tail)."""
        return len(self._buf) - self._pos

    def next_record(self) -> Record | None:
        """The next complete record, or ``None`` when more input is needed.

        Raises :class:`CaptureError` on broken framing; once raised, every later call raises
        the same error (the records before it were already produced).
        """
        if self._error is not None:
            raise self._error
        try:
            while True:
                got = self._parse()
                if got is None:
                    return None
                if got is not SKIPPED:
                    assert isinstance(got, Record)
                    self._count += 1
                    return got
        except CaptureError as exc:
            self._error = exc
            raise
        except (struct.error, ValueError, IndexError, OverflowError) as exc:
            # Defence in depth: framing checks should make these unreachable.
            self._error = CaptureError(
                f"malformed input: {exc}", file_offset=self.offset, record_index=self._count
            )
            raise self._error from exc

    def records(self) -> Iterator[Record]:
        """Every record complete in the buffered input."""
        while (rec := self.next_record()) is not None:
            yield rec

    __iter__ = records

    # -- for subclasses ------------------------------------------------------------------
    def _parse(self) -> Record | object | None:
        raise NotImplementedError

    def _pending_what(self) -> str:
        return "a record"

    def _avail(self) -> int:
        return len(self._buf) - self._pos

    def _fail(self, message: str, at: int = 0) -> CaptureError:
        """A CaptureError at ``at`` bytes past the current position."""
        return CaptureError(message, file_offset=self.offset + at, record_index=self._count)
