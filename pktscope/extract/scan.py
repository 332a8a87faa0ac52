"""The fast ``fields`` loop: records → extractor → rows, the full decode for frames it refuses.

A classic pcap file is walked here directly (record headers read in place, each frame handed
to the extractor as bounds into the file's bytes, nothing copied), stopping exactly where the
capture index stops (:meth:`pktscope.capture.index.FrameIndex._walk_pcap`: a cut record header,
a ``cap_len`` past the end of the file or over the record limit). Other formats come through
:func:`pktscope.capture.open.open_records`. A frame the extractor refuses (it raises
:class:`~pktscope.extract.runtime.Fallback`, or anything else) becomes a
:class:`~pktscope.fields.packet.Packet` like the full path makes, and ``slow_row`` renders it.
"""

from __future__ import annotations

import mmap
import struct
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pktscope.errors import CaptureError

if TYPE_CHECKING:
    from pktscope.extract.cache import Extractor
    from pktscope.extract.render import RowCode

__all__ = ["Stats", "scan"]

FILE_HEADER_SIZE = 24
# classic pcap magics walked here: (byte order, nanosecond); the capture package reads these
# and the rarer ones (modified pcap) itself: a file with another magic goes through it
MAGICS = {
    bytes.fromhex("d4c3b2a1"): ("<", False),
    bytes.fromhex("a1b2c3d4"): (">", False),
    bytes.fromhex("4d3cb2a1"): ("<", True),
    bytes.fromhex("a1b23c4d"): (">", True),
}
MAX_RECORD_SIZE = 256 * 1024 * 1024  # = pktscope.capture.records.MAX_RECORD_SIZE (tested)
_CHUNK_MASK = 4095  # lines are written 4096 at a time


class Stats:
    """Frames seen and frames that took the full decode, by the last scan."""

    __slots__ = ("fallback", "frames")

    def __init__(self) -> None:
        self.frames = 0
        self.fallback = 0


def _record(buf: Any, off: int, number: int) -> Any:
    """The record at ``off`` as the capture package builds it (for the full decode)."""
    from pktscope.capture.pcap import parse_file_header, record_at  # noqa: PLC0415 - cold path

    return record_at(parse_file_header(buf), buf, off, number)


class _Slow:
    """Builds packets for refused frames (the chain loads on first use)."""

    def __init__(self) -> None:
        self.chain: Any = None

    def packet(self, record: Any) -> Any:
        from pktscope.dissect.capture import packet_from_record  # noqa: PLC0415 - cold path

        if self.chain is None:
            from pktscope.dissect.chain import Chain  # noqa: PLC0415 - cold path

            self.chain = Chain()
        return packet_from_record(record, self.chain)


def scan(
    path: str,
    extractor: Extractor,
    *,
    row: RowCode,
    slow_row: Callable[[Any], str],
    limit: int | None,
    write: Callable[[str], object],
) -> Stats:
    """Write one line per frame of the capture at ``path`` (at most ``limit``), in chunks."""
    stats = Stats()
    try:
        fh = Path(path).open("rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise CaptureError(f"cannot open {path}: {exc.strerror or exc}") from exc
    with fh:
        head = fh.read(FILE_HEADER_SIZE)
        header = _header(head)
        if header is None:  # pcapng, or a capture the index reports on: the common path
            _records(path, extractor.extract, row.row, slow_row, limit, write, stats)
            return stats
        buf: Any
        try:  # mapped: pages are read as the loop reaches them (`-c 1` reads one)
            buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            fh.seek(0)
            buf = fh.read()
        try:
            _pcap(buf, header, extractor, row, slow_row, limit, write, stats)
        finally:
            if isinstance(buf, mmap.mmap):
                buf.close()
    return stats


def _header(head: bytes) -> tuple[str, int] | None:
    """Byte order and link type of a classic pcap this loop walks (None: leave the file to
    the capture package, which reads it or reports what is wrong), as ``parse_file_header``
    reads them."""
    fmt = MAGICS.get(head[:4])
    if fmt is None or len(head) < FILE_HEADER_SIZE:
        return None
    major, _minor, _zone, _sigfigs, _snaplen, linktype = struct.unpack_from(
        fmt[0] + "HHiIII", head, 4
    )
    if major != 2:
        return None
    return fmt[0], linktype & 0xFFFF  # the upper bits are FCS flags


def _pcap(  # noqa: PLR0917 - one loop's facts
    buf: Any,
    header: tuple[str, int],
    extractor: Extractor,
    row: RowCode,
    slow_row: Callable[[Any], str],
    limit: int | None,
    write: Callable[[str], object],
    stats: Stats,
) -> None:
    size = len(buf)
    hsize = 16
    endian, linktype = header
    cap_len_at = struct.Struct(endian + "I").unpack_from
    extract, to_line = extractor.extract, row.row
    last = size - hsize
    off = FILE_HEADER_SIZE
    number = 0
    slow = _Slow()
    stop = limit if limit is not None else -1
    lines: list[str] = []
    append = lines.append
    while off <= last:
        (cap_len,) = cap_len_at(buf, off + 8)
        start = off + hsize
        end = start + cap_len
        if end > size or cap_len > MAX_RECORD_SIZE:
            break
        number += 1
        try:
            append(to_line(extract(buf, start, end, linktype)))
        except Exception:  # the extractor refused the frame: the full decode decides
            stats.fallback += 1
            append(slow_row(slow.packet(_record(buf, off, number))))
        off = end
        if not number & _CHUNK_MASK:
            append("")
            write("\n".join(lines))
            lines.clear()
        if number == stop:
            break
    if lines:
        append("")
        write("\n".join(lines))
    stats.frames = number


def _records(  # noqa: PLR0917 - one loop's facts
    path: str,
    extract: Callable[[Any, int, int, int], list[list[Any]]],
    row: Callable[[list[list[Any]]], str],
    slow_row: Callable[[Any], str],
    limit: int | None,
    write: Callable[[str], object],
    stats: Stats,
) -> None:
    from pktscope.capture.open import open_records  # noqa: PLC0415 - pcapng and others

    slow = _Slow()
    n = 0
    lines: list[str] = []
    with open_records(path) as rf:
        for rec in rf:
            data = rec.data
            n += 1
            try:
                lines.append(row(extract(data, 0, len(data), rec.linktype)))
            except Exception:  # the extractor refused the frame: the full decode decides
                stats.fallback += 1
                lines.append(slow_row(slow.packet(rec)))
            if not n & _CHUNK_MASK:
                lines.append("")
                write("\n".join(lines))
                lines.clear()
            if n == limit:
                break
    if lines:
        lines.append("")
        write("\n".join(lines))
    stats.frames = n
