"""Sans-IO reader for classic libpcap files (``.pcap``).

The 24-byte file header fixes byte order (from the magic), timestamp resolution (µs ``a1b2c3d4``
or ns ``a1b23c4d``), snap length and link type; then come 16-byte record headers each followed by
``cap_len`` bytes. Kuznetzov's "modified pcap" (magic ``a1b2cd34``, 24-byte record headers) is
read too. The helpers :func:`parse_file_header` and :func:`record_at` are shared with the mmap
index, which walks record headers itself and re-reads single records on demand.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

from pktscope.capture.records import MAX_RECORD_SIZE, Buffer, Record
from pktscope.capture.sansio import FeedReader
from pktscope.errors import CaptureError

__all__ = [
    "FILE_HEADER_SIZE",
    "MAGICS",
    "PcapHeader",
    "PcapReader",
    "parse_file_header",
    "record_at",
]

FILE_HEADER_SIZE = 24
_RECORD_STRUCTS = {"<": struct.Struct("<IIII"), ">": struct.Struct(">IIII")}

# magic as stored in the file -> (struct byte order, nanosecond?, record header size)
MAGICS: dict[bytes, tuple[str, bool, int]] = {
    bytes.fromhex("d4c3b2a1"): ("<", False, 16),
    bytes.fromhex("a1b2c3d4"): (">", False, 16),
    bytes.fromhex("4d3cb2a1"): ("<", True, 16),
    bytes.fromhex("a1b23c4d"): (">", True, 16),
    bytes.fromhex("34cdb2a1"): ("<", False, 24),  # modified pcap (Kuznetzov)
    bytes.fromhex("a1b2cd34"): (">", False, 24),
}


@dataclass(frozen=True, slots=True)
class PcapHeader:
    """What the file header says about every record of a pcap file."""

    endian: str
    nanosecond: bool
    record_header_size: int
    version: tuple[int, int]
    snaplen: int
    linktype: int

    @property
    def record_struct(self) -> struct.Struct:
        """ts_sec, ts_frac, cap_len, len."""
        return _RECORD_STRUCTS[self.endian]


def parse_file_header(buf: Buffer, offset: int = 0) -> PcapHeader:
    """Decode the 24-byte file header at ``offset``; ``buf`` must hold all 24 bytes."""
    magic = bytes(buf[offset : offset + 4])
    fmt = MAGICS.get(magic)
    if fmt is None:
        raise CaptureError(f"not a pcap file: magic {magic.hex()}", file_offset=offset)
    endian, ns, rec_size = fmt
    major, minor, _zone, _sigfigs, snaplen, linktype = struct.unpack_from(
        endian + "HHiIII", buf, offset + 4
    )
    if major != 2:
        raise CaptureError(
            f"unsupported pcap version {major}.{minor} (only 2.x)", file_offset=offset + 4
        )
    # The upper bits of the link-type field carry FCS flags (LT_FCS_*), not the DLT.
    return PcapHeader(endian, ns, rec_size, (major, minor), snaplen, linktype & 0xFFFF)


def record_at(
    header: PcapHeader,
    buf: Buffer,
    offset: int,
    number: int,
    *,
    base: int = 0,
    copy: bool = True,
) -> Record:
    """The record whose header starts at ``offset`` in ``buf`` (caller checked it is complete).

    ``base`` is added to offsets to make ``file_offset`` absolute when ``buf`` is a window.
    """
    ts_sec, ts_frac, cap_len, orig_len = header.record_struct.unpack_from(buf, offset)
    time_ns = ts_sec * 1_000_000_000 + (ts_frac if header.nanosecond else ts_frac * 1000)
    start = offset + header.record_header_size
    end = start + cap_len
    data: bytes | memoryview = bytes(buf[start:end]) if copy else memoryview(buf)[start:end]
    return Record(
        number=number,
        time=time_ns / 1e9,
        time_ns=time_ns,
        cap_len=cap_len,
        len=orig_len,
        interface_id=0,
        linktype=header.linktype,
        data=data,
        comment=None,
        file_offset=base + start,
    )


class PcapReader(FeedReader):
    """Feed pcap bytes, take :class:`Record` objects.

    >>> import struct
    >>> hdr = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)
    >>> rec = struct.pack("<IIII", 10, 5, 2, 60) + b"\\xab\\xcd"
    >>> r = PcapReader()
    >>> r.feed(hdr + rec)
    >>> [(x.number, x.time_ns, x.cap_len, x.len, x.data) for x in r.records()]
    [(1, 10000005000, 2, 60, b'\\xab\\xcd')]
    """

    def __init__(self) -> None:
        super().__init__()
        self.header: PcapHeader | None = None

    def _pending_what(self) -> str:
        return "the pcap file header" if self.header is None else "a pcap record"

    def records(self) -> Iterator[Record]:
        """Every complete record buffered; a tight loop over :meth:`next_record`'s logic."""
        if self.header is None or self._error is not None:
            first = self.next_record()  # parses the file header, or raises the latched error
            if first is None:
                return
            yield first
        header = self.header
        assert header is not None
        unpack = header.record_struct.unpack_from
        hsize = header.record_header_size
        scale = 1 if header.nanosecond else 1000
        linktype = header.linktype
        while True:
            buf, pos, base = self._buf, self._pos, self._base
            if pos + hsize > len(buf):
                return
            ts_sec, ts_frac, cap_len, orig_len = unpack(buf, pos)
            start = pos + hsize
            end = start + cap_len
            if cap_len > MAX_RECORD_SIZE or end > len(buf):
                rec = self.next_record()  # the careful path: raises, or needs more input
                if rec is None:
                    return
                yield rec
                continue
            time_ns = ts_sec * 1_000_000_000 + ts_frac * scale
            self._pos = end
            self._count += 1
            # re-read buffer state after each yield: the consumer may feed() meanwhile
            yield Record(
                self._count, time_ns / 1e9, time_ns, cap_len, orig_len, 0, linktype,
                bytes(buf[start:end]), None, base + start,
            )  # fmt: skip

    __iter__ = records

    def _parse(self) -> Record | object | None:
        avail = self._avail()
        pos = self._pos
        header = self.header
        if header is None:
            if avail >= 4 and bytes(self._buf[pos : pos + 4]) not in MAGICS:
                raise self._fail(f"not a pcap file: magic {bytes(self._buf[pos : pos + 4]).hex()}")
            if avail < FILE_HEADER_SIZE:
                return None
            try:
                header = parse_file_header(self._buf, pos)
            except CaptureError as exc:  # offsets there are relative to our buffer
                where = self._base + (exc.file_offset or pos)
                raise CaptureError(exc.message, file_offset=where, record_index=0) from None
            self.header = header
            self._pos += FILE_HEADER_SIZE
            pos += FILE_HEADER_SIZE
            avail -= FILE_HEADER_SIZE
        hsize = header.record_header_size
        if avail < hsize:
            return None
        cap_len = header.record_struct.unpack_from(self._buf, pos)[2]
        if cap_len > MAX_RECORD_SIZE:
            raise self._fail(
                f"record claims cap_len {cap_len}, more than the {MAX_RECORD_SIZE} byte limit", 8
            )
        if avail < hsize + cap_len:
            return None
        rec = record_at(header, self._buf, pos, self._count + 1, base=self._base)
        self._pos += hsize + cap_len
        return rec
