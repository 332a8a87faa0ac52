"""Frame-offset index over a whole capture held in a buffer (normally an ``mmap``).

The index is one ``array('Q')`` of record offsets (8 bytes a frame: 8 MB for a million frames;
pcap record headers, pcapng packet-block starts) built by walking headers without touching frame
data. It grows on demand: :meth:`FrameIndex.extend` indexes the next N records, so a viewer shows
the first screen at once while the rest is walked later (see ``open.RecordFile``). Per-frame
context that pcapng needs (byte order, interface table) lives in the few ``Section`` objects,
found again by bisecting their start offsets. Pages already walked are handed back to the kernel
(``MADV_DONTNEED``), so resident memory does not grow with the file.
"""

from __future__ import annotations

import bisect
import mmap
import struct
from array import array
from collections.abc import Iterator
from typing import Any

from pktscope.capture.pcap import FILE_HEADER_SIZE, PcapHeader, parse_file_header, record_at
from pktscope.capture.pcapng import (
    BT_EPB,
    BT_IDB,
    BT_SHB,
    PACKET_BLOCKS,
    PcapngParser,
    fast_epb,
)
from pktscope.capture.reader import detect_format
from pktscope.capture.records import MAX_RECORD_SIZE, Buffer, Record, remake
from pktscope.errors import CaptureError

__all__ = ["FrameIndex"]

_PAGE = mmap.PAGESIZE
_DROP_EVERY = 8 << 20  # give walked pages back every 8 MiB
_WALK_STEP = 16384  # records walked between two looks at what to give back


class FrameIndex:
    """Offsets of the records in ``buf``, a complete pcap or pcapng image.

    >>> from pktscope.capture.writer import write_pcap
    >>> import io
    >>> from pktscope.capture.records import Record
    >>> out = io.BytesIO()
    >>> _ = write_pcap(out, [Record(1, 0.0, 0, 1, 1, 0, 1, b"x", None, 0)] * 3)
    >>> idx = FrameIndex(out.getvalue())
    >>> idx.extend(2), idx.complete, idx.extend(10), idx.complete, idx.record(2).data
    (2, False, 3, True, b'x')
    """

    def __init__(self, buf: Buffer) -> None:
        self.buf = buf
        self.size = len(buf)
        if self.size < 4:
            raise CaptureError(f"not a capture: only {self.size} bytes", file_offset=0)
        self.format = detect_format(bytes(buf[:4]))
        self.offsets = array("Q")
        self.complete = False
        self.warning: CaptureError | None = None
        """Why indexing stopped before the end of the buffer (records before it are kept)."""
        self._dropped = 0  # bytes of the buffer already returned to the kernel
        self.pcap: PcapHeader | None = None
        self.parser = PcapngParser()
        self._section_starts: list[int] = []
        if self.format == "pcap":
            if self.size < FILE_HEADER_SIZE:
                raise CaptureError(
                    f"pcap file header needs 24 bytes, file has {self.size}", file_offset=0
                )
            self.pcap = parse_file_header(buf)
            self._next = FILE_HEADER_SIZE
        else:  # the first section header must be sound, or this is not a capture at all
            got = self.parser.block_header(buf, 0, self.size, 0, 0)
            if got is None or got[1] > self.size:
                raise CaptureError(
                    f"file ends inside the section header ({self.size} bytes)", file_offset=0
                )
            btype, blen, endian = got
            self.parser.process(buf, 0, btype, blen, endian, number=1)
            self._section_starts.append(0)
            self._next = blen

    def __len__(self) -> int:
        return len(self.offsets)

    def extend(self, count: int) -> int:
        """Index up to ``count`` more records (fewer at the end); returns the total indexed."""
        walk = self._walk_pcap if self.pcap is not None else self._walk_pcapng
        while not self.complete and count > 0:
            step = min(count, _WALK_STEP)
            walk(step)
            count -= step
            self._release()
        return len(self.offsets)

    def record(self, i: int) -> Record:
        """Record ``i`` (0-based, must be indexed already)."""
        off = self.offsets[i]
        if self.pcap is not None:
            return record_at(self.pcap, self.buf, off, i + 1)
        section = self.parser.sections[bisect.bisect_right(self._section_starts, off) - 1]
        btype, blen = struct.unpack_from(section.endian + "II", self.buf, off)
        return self.parser.packet(section, self.buf, off, btype, blen, number=i + 1)

    def records(self, start: int, stop: int, make: Any = Record) -> Iterator[Any]:
        """Records ``start`` to ``stop - 1`` (indexed already), built in one tight loop.

        ``make`` is called with a :class:`Record`'s ten fields, positionally (``Record`` itself
        by default): a consumer building its own object per frame (``Capture`` makes packets)
        skips the intermediate record.
        """
        header = self.pcap
        if header is None:
            yield from self._pcapng_records(start, stop, make)
            return
        buf, offsets = self.buf, self.offsets
        unpack = header.record_struct.unpack_from
        hsize = header.record_header_size
        scale = 1 if header.nanosecond else 1000
        linktype = header.linktype
        for i in range(start, stop):
            off = offsets[i]
            ts_sec, ts_frac, cap_len, orig_len = unpack(buf, off)
            time_ns = ts_sec * 1_000_000_000 + ts_frac * scale
            off += hsize
            yield make(
                i + 1, time_ns / 1e9, time_ns, cap_len, orig_len, 0, linktype,
                bytes(buf[off : off + cap_len]), None, off,
            )  # fmt: skip

    def _pcapng_records(self, start: int, stop: int, make: Any) -> Iterator[Any]:
        buf, size, offsets = self.buf, self.size, self.offsets
        sections, starts = self.parser.sections, self._section_starts
        lo = hi = 0  # offsets in [lo, hi) belong to `section`
        section = sections[0]
        for i in range(start, stop):
            off = offsets[i]
            if not lo <= off < hi:
                k = bisect.bisect_right(starts, off) - 1
                section = sections[k]
                lo, hi = starts[k], starts[k + 1] if k + 1 < len(starts) else size
            got = fast_epb(section, buf, off, size, i + 1)
            rec = got[0] if got is not None else self.record(i)
            yield rec if make is Record else remake(rec, make)

    def frames(self, start: int, stop: int) -> Iterator[tuple[int, int, bytes]]:
        """(number, linktype, data) of records ``start`` to ``stop - 1``: the lean path for
        consumers that need only the bytes (no timestamps, no :class:`Record` objects)."""
        header = self.pcap
        if header is None:
            for rec in self.records(start, stop):
                yield rec.number, rec.linktype, bytes(rec.data)
            return
        buf, offsets = self.buf, self.offsets
        cap_len_at = struct.Struct(header.endian + "I").unpack_from
        hsize = header.record_header_size
        linktype = header.linktype
        for i in range(start, stop):
            off = offsets[i]
            start_data = off + hsize
            yield i + 1, linktype, bytes(buf[start_data : start_data + cap_len_at(buf, off + 8)[0]])

    # -- walking -------------------------------------------------------------------------
    def _stop(self, message: str, offset: int) -> None:
        self.complete = True
        self.warning = CaptureError(message, file_offset=offset, record_index=len(self.offsets))

    def _walk_pcap(self, count: int) -> None:
        assert self.pcap is not None
        buf, size, off = self.buf, self.size, self._next
        hsize = self.pcap.record_header_size
        cap_len_at = struct.Struct(self.pcap.endian + "I").unpack_from
        offsets = self.offsets
        append = offsets.append
        limit = size - hsize  # last offset where a whole record header fits
        for _ in range(count):
            if off > limit:
                if off < size:
                    self._stop(f"file ends inside a record header: {size - off} bytes", off)
                else:
                    self.complete = True
                break
            cap_len = cap_len_at(buf, off + 8)[0]
            end = off + hsize + cap_len
            if end > size or cap_len > MAX_RECORD_SIZE:
                self._stop(
                    f"record claims cap_len {cap_len} but the file has {size - off - hsize} "
                    "bytes left",
                    off,
                )
                break
            append(off)
            off = end
        self._next = off

    def _walk_pcapng(self, count: int) -> None:
        buf, size, off = self.buf, self.size, self._next
        parser = self.parser
        offsets = self.offsets
        append = offsets.append
        stop_at = len(offsets) + count
        packet_blocks = PACKET_BLOCKS
        head: struct.Struct | None = None
        if parser.sections:
            head = struct.Struct(parser.sections[-1].endian + "II")
        try:
            while len(offsets) < stop_at:
                # the SHB type reads the same in both byte orders, so `head` can test for it
                if head is not None and off + 12 <= size:
                    btype, blen = head.unpack_from(buf, off)
                    if btype == BT_EPB and 32 <= blen <= MAX_RECORD_SIZE and not blen % 4:
                        if off + blen > size:
                            self._stop(
                                f"block claims {blen} bytes but the file has {size - off} left",
                                off,
                            )
                            break
                        append(off)
                        off += blen
                        continue
                got = parser.block_header(buf, off, size - off, off, len(offsets))
                if got is None:
                    if off < size:
                        self._stop(f"file ends inside a block header: {size - off} bytes", off)
                    else:
                        self.complete = True
                    break
                btype, blen, endian = got
                if off + blen > size:
                    self._stop(f"block claims {blen} bytes but the file has {size - off} left", off)
                    break
                if btype in packet_blocks:
                    append(off)
                elif btype in (BT_SHB, BT_IDB):
                    parser.process(buf, off, btype, blen, endian, number=len(offsets) + 1)
                    if btype == BT_SHB:
                        self._section_starts.append(off)
                        head = struct.Struct(endian + "II")
                off += blen
        except CaptureError as exc:
            self.complete = True
            self.warning = exc
        self._next = off

    def _release(self) -> None:
        """Return pages of the walked prefix to the kernel (file-backed: they reload on access)."""
        buf = self.buf
        if not isinstance(buf, mmap.mmap) or not hasattr(buf, "madvise"):
            return
        upto = (self._next // _PAGE) * _PAGE
        if upto - self._dropped >= _DROP_EVERY or (self.complete and upto > self._dropped):
            try:
                buf.madvise(mmap.MADV_DONTNEED, self._dropped, upto - self._dropped)
            except (OSError, ValueError):  # advisory only
                return
            self._dropped = upto
