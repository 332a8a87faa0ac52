"""Format detection by magic and a sans-IO reader for "pcap or pcapng, whichever this is".

The format is told from the first four bytes, never from a file name (a ``.pcap`` file holding
pcapng is common). :func:`iter_stream` drives a reader from any binary stream (a file, stdin, a
pipe from ``dumpcap -w -``) in fixed-size chunks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from pktscope.capture.pcap import MAGICS, PcapReader
from pktscope.capture.pcapng import SHB_MAGIC, PcapngReader
from pktscope.capture.records import Record
from pktscope.errors import CaptureError

__all__ = ["CaptureReader", "detect_format", "iter_stream"]

CHUNK_SIZE = 1 << 16


def detect_format(magic: bytes) -> str:
    """``"pcap"`` or ``"pcapng"`` from the first 4 bytes; :class:`CaptureError` otherwise."""
    if magic[:4] == SHB_MAGIC:
        return "pcapng"
    if magic[:4] in MAGICS:
        return "pcap"
    raise CaptureError(
        f"not a pcap or pcapng capture: magic {magic[:4].hex() or '(empty)'}",
        file_offset=0,
        record_index=0,
    )


class CaptureReader:
    """Sans-IO reader that picks pcap or pcapng from the magic once 4 bytes have arrived.

    >>> r = CaptureReader()
    >>> r.feed(b"\\x0a\\x0d")
    >>> r.format is None, r.next_record() is None
    (True, True)
    """

    def __init__(self) -> None:
        self._head = b""
        self._inner: PcapReader | PcapngReader | None = None
        self.format: str | None = None
        self.warning: CaptureError | None = None
        self._error: CaptureError | None = None

    def feed(self, data: bytes | bytearray | memoryview) -> None:
        if self._inner is not None:
            self._inner.feed(data)
            return
        if self._error is not None:
            raise self._error
        self._head += bytes(data)
        if len(self._head) >= 4:
            try:
                self.format = detect_format(self._head)
            except CaptureError as exc:
                self._error = exc
                raise
            self._inner = PcapngReader() if self.format == "pcapng" else PcapReader()
            self._inner.feed(self._head)
            self._head = b""

    def next_record(self) -> Record | None:
        if self._error is not None:
            raise self._error
        return None if self._inner is None else self._inner.next_record()

    def records(self) -> Iterator[Record]:
        if self._error is not None:
            raise self._error
        if self._inner is not None:
            yield from self._inner.records()

    __iter__ = records

    def close(self) -> CaptureError | None:
        """End of input: the trailing-partial warning, if any (see ``FeedReader.close``)."""
        if self._inner is None:
            what = f"{len(self._head)} bytes" if self._head else "no bytes"
            self.warning = CaptureError(
                f"input ends before the capture file header: {what}", file_offset=0
            )
            return self.warning
        self.warning = self._inner.close()
        return self.warning

    def buffered(self) -> int:
        return len(self._head) if self._inner is None else self._inner.buffered()


def iter_stream(
    stream: BinaryIO, *, strict: bool = False, chunk_size: int = CHUNK_SIZE
) -> Iterator[Record]:
    """Every record of a pcap/pcapng byte stream, read ``chunk_size`` bytes at a time.

    At end of input a trailing partial record raises :class:`CaptureError` when ``strict``, after
    every complete record was yielded; otherwise it is dropped silently (callers wanting the
    warning drive a :class:`CaptureReader` themselves).
    """
    reader = CaptureReader()
    read = getattr(stream, "read1", stream.read)
    while True:
        try:
            chunk = read(chunk_size)
        except OSError as exc:
            raise CaptureError(f"read failed: {exc}") from exc
        if not chunk:
            break
        reader.feed(chunk)
        yield from reader.records()
    warning = reader.close()
    if strict and warning is not None:
        raise warning
