"""Sans-IO reader for pcapng, plus the block parser it shares with the mmap index.

A pcapng file is a sequence of blocks ``type, total_length, body, total_length``. A section header
block (SHB) fixes the byte order of everything up to the next SHB and resets the interface table;
interface description blocks (IDB) give each interface its link type, snap length and timestamp
resolution (``if_tsresol``: ``10^-n`` or, with the top bit set, ``2^-n``; ``if_tsoffset`` seconds
added). Enhanced (EPB), simple (SPB) and obsolete (OPB) packet blocks carry frames; every other
block is skipped (tshark also shows custom blocks, 0x00000BAD/0x40000BAD, as frames; we do not).
Interface ids in records are numbered per section in IDB order, as tshark numbers
``frame.interface_id`` (a second section's first interface is 0 again). Plain EPBs take
:func:`fast_epb`; everything else the careful :class:`PcapngParser` path.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field

from pktscope.capture.records import MAX_RECORD_SIZE, Buffer, Record
from pktscope.capture.sansio import SKIPPED, FeedReader
from pktscope.errors import CaptureError

__all__ = [
    "BT_EPB",
    "BT_IDB",
    "BT_OPB",
    "BT_SHB",
    "BT_SPB",
    "SHB_MAGIC",
    "Interface",
    "PcapngParser",
    "PcapngReader",
    "Section",
    "fast_epb",
]

BT_SHB = 0x0A0D0D0A
BT_IDB = 0x00000001
BT_OPB = 0x00000002  # obsolete packet block
BT_SPB = 0x00000003
BT_EPB = 0x00000006
PACKET_BLOCKS = frozenset({BT_EPB, BT_SPB, BT_OPB})

SHB_MAGIC = b"\x0a\x0d\x0d\x0a"  # a palindrome: the same in both byte orders
_BOM = {b"\x4d\x3c\x2b\x1a": "<", b"\x1a\x2b\x3c\x4d": ">"}

OPT_END = 0
OPT_COMMENT = 1
IF_TSRESOL = 9
IF_TSOFFSET = 14


@dataclass(slots=True)
class Interface:
    """One IDB: link type, snap length and how to turn its timestamps into nanoseconds."""

    id: int
    linktype: int
    snaplen: int
    tsresol: int = 6
    tsoffset: int = 0  # seconds

    def to_ns(self, ts: int) -> int:
        """Timestamp units of this interface to integer nanoseconds since the epoch."""
        r = self.tsresol
        if r & 0x80:
            ns = (ts * 1_000_000_000) >> (r & 0x7F)
        elif r <= 9:
            ns = ts * 10 ** (9 - r)
        else:
            ns = ts // 10 ** (r - 9)
        return ns + self.tsoffset * 1_000_000_000


@dataclass(slots=True)
class Section:
    """One section: its byte order and interface table.

    ``fast`` holds, per interface, ``(linktype, ns per timestamp unit, offset ns)`` when its
    clock is a power of ten no finer than 1 ns (else ``None``), for :func:`fast_epb`.
    """

    offset: int
    endian: str
    interfaces: list[Interface] = field(default_factory=list)
    fast: list[tuple[int, int, int] | None] = field(default_factory=list)
    epb: struct.Struct = field(init=False)
    u32: struct.Struct = field(init=False)

    def __post_init__(self) -> None:
        self.epb = struct.Struct(self.endian + "IIIIIII")  # type, length, EPB fixed fields
        self.u32 = struct.Struct(self.endian + "I")

    def add_interface(self, iface: Interface) -> None:
        self.interfaces.append(iface)
        r = iface.tsresol
        simple = not r & 0x80 and r <= 9
        self.fast.append(
            (iface.linktype, 10 ** (9 - r), iface.tsoffset * 1_000_000_000) if simple else None
        )


def fast_epb(
    section: Section, buf: Buffer, off: int, limit: int, number: int, *, base: int = 0
) -> tuple[Record, int] | None:
    """The common case on the hot path: a complete, well-formed EPB without options at ``off``
    (``buf[off:limit]`` available) -> (record, block length). ``None`` means "take the careful
    path" (another block type, options, anything odd or incomplete), never an error."""
    if off + 32 > limit:
        return None
    btype, blen, iface_id, ts_hi, ts_lo, cap_len, orig_len = section.epb.unpack_from(buf, off)
    if (
        btype != BT_EPB
        or off + blen > limit
        or blen != 32 + ((cap_len + 3) & ~3)  # no options, and the length adds up
        or iface_id >= len(section.fast)
        or section.u32.unpack_from(buf, off + blen - 4)[0] != blen
    ):
        return None
    params = section.fast[iface_id]
    if params is None:
        return None
    linktype, mult, offset_ns = params
    time_ns = ((ts_hi << 32) | ts_lo) * mult + offset_ns
    start = off + 28
    data = bytes(buf[start : start + cap_len])
    rec = Record(
        number, time_ns / 1e9, time_ns, cap_len, orig_len, iface_id, linktype, data, None,
        base + start,
    )  # fmt: skip
    return rec, blen


def iter_options(endian: str, buf: Buffer, start: int, end: int) -> Iterator[tuple[int, bytes]]:
    """(code, value) of each option in ``buf[start:end]``; stops at opt_endofopt or overrun."""
    hdr = struct.Struct(endian + "HH")
    while start + 4 <= end:
        code, length = hdr.unpack_from(buf, start)
        if code == OPT_END or start + 4 + length > end:
            return
        yield code, bytes(buf[start + 4 : start + 4 + length])
        start += 4 + ((length + 3) & ~3)


class PcapngParser:
    """Block-level pcapng logic over complete blocks; keeps the section/interface state."""

    def __init__(self) -> None:
        self.sections: list[Section] = []

    @property
    def section(self) -> Section | None:
        return self.sections[-1] if self.sections else None

    def block_header(
        self, buf: Buffer, off: int, avail: int, abs_off: int, index: int
    ) -> tuple[int, int, str] | None:
        """(block type, total length, byte order) of the block at ``off``, or ``None`` when
        more than ``avail`` bytes are needed to tell. Validates the length."""
        if avail < 8:
            return None
        raw_type = bytes(buf[off : off + 4])
        if raw_type == SHB_MAGIC:
            if avail < 12:
                return None
            bom = bytes(buf[off + 8 : off + 12])
            endian = _BOM.get(bom)
            if endian is None:
                raise CaptureError(
                    f"section header byte-order magic {bom.hex()} is neither 1a2b3c4d nor 4d3c2b1a",
                    file_offset=abs_off + 8,
                    record_index=index,
                )
        else:
            sec = self.section
            if sec is None:
                raise CaptureError(
                    f"not a pcapng file: first block type {raw_type.hex()} is not a section header",
                    file_offset=abs_off,
                    record_index=index,
                )
            endian = sec.endian
        btype, blen = struct.unpack_from(endian + "II", buf, off)
        if blen < 12 or blen % 4 or blen > MAX_RECORD_SIZE:
            why = (
                "is not a multiple of 4"
                if blen % 4 and 12 <= blen <= MAX_RECORD_SIZE
                else f"is outside 12..{MAX_RECORD_SIZE}"
            )
            raise CaptureError(
                f"block type 0x{btype:08x}: total length {blen} {why}",
                file_offset=abs_off + 4,
                record_index=index,
            )
        return btype, blen, endian

    def process(
        self,
        buf: Buffer,
        off: int,
        btype: int,
        blen: int,
        endian: str,
        *,
        number: int,
        base: int = 0,
        copy: bool = True,
    ) -> Record | None:
        """Handle the complete block at ``buf[off:off+blen]``; a record for packet blocks."""
        abs_off = base + off
        trailer = struct.unpack_from(endian + "I", buf, off + blen - 4)[0]
        if trailer != blen:
            raise CaptureError(
                f"block type 0x{btype:08x}: trailing length {trailer} != leading length {blen}",
                file_offset=abs_off + blen - 4,
                record_index=number - 1,
            )
        if btype == BT_SHB:
            if blen < 28:
                raise self._short(btype, blen, 28, abs_off, number)
            major, minor = struct.unpack_from(endian + "HH", buf, off + 12)
            if major != 1:
                raise CaptureError(
                    f"unsupported pcapng version {major}.{minor} (only 1.x)",
                    file_offset=abs_off + 12,
                    record_index=number - 1,
                )
            self.sections.append(Section(abs_off, endian))
            return None
        section = self.section
        assert section is not None  # block_header refused blocks before the first SHB
        if btype == BT_IDB:
            if blen < 20:
                raise self._short(btype, blen, 20, abs_off, number)
            linktype, _res, snaplen = struct.unpack_from(endian + "HHI", buf, off + 8)
            iface = Interface(len(section.interfaces), linktype, snaplen)
            for code, value in iter_options(endian, buf, off + 16, off + blen - 4):
                if code == IF_TSRESOL and len(value) >= 1:
                    iface.tsresol = value[0]
                elif code == IF_TSOFFSET and len(value) >= 8:
                    iface.tsoffset = struct.unpack_from(endian + "q", value)[0]
            section.add_interface(iface)
            return None
        if btype in PACKET_BLOCKS:
            return self.packet(section, buf, off, btype, blen, number=number, base=base, copy=copy)
        return None  # NRB, ISB, DSB, custom and unknown blocks carry no frame

    def packet(
        self,
        section: Section,
        buf: Buffer,
        off: int,
        btype: int,
        blen: int,
        *,
        number: int,
        base: int = 0,
        copy: bool = True,
    ) -> Record:
        """Decode the EPB/SPB/OPB at ``off`` (complete, length already validated)."""
        endian = section.endian
        abs_off = base + off
        end = off + blen - 4
        if btype == BT_SPB:
            if blen < 16:
                raise self._short(btype, blen, 16, abs_off, number)
            iface_id = 0
            orig_len = struct.unpack_from(endian + "I", buf, off + 8)[0]
            data_off = off + 12
            iface = self._interface(section, 0, abs_off, number)
            cap_len = min(orig_len, end - data_off)
            if iface.snaplen:
                cap_len = min(cap_len, iface.snaplen)
            ts = None
        else:
            if blen < 32:
                raise self._short(btype, blen, 32, abs_off, number)
            if btype == BT_EPB:
                iface_id, ts_hi, ts_lo, cap_len, orig_len = struct.unpack_from(
                    endian + "IIIII", buf, off + 8
                )
            else:  # OPB: 16-bit interface id, then a 16-bit drop count
                iface_id, _drops, ts_hi, ts_lo, cap_len, orig_len = struct.unpack_from(
                    endian + "HHIIII", buf, off + 8
                )
            data_off = off + 28
            if cap_len > end - data_off:
                raise CaptureError(
                    f"packet block: cap_len {cap_len} exceeds the {end - data_off} bytes the "
                    "block holds",
                    file_offset=abs_off + 20,
                    record_index=number - 1,
                )
            iface = self._interface(section, iface_id, abs_off + 8, number)
            ts = (ts_hi << 32) | ts_lo
        comment = None
        if btype != BT_SPB:
            comments = [
                value.decode("utf-8", "replace")
                for code, value in iter_options(endian, buf, data_off + ((cap_len + 3) & ~3), end)
                if code == OPT_COMMENT
            ]
            comment = "\n".join(comments) if comments else None
        time_ns = 0 if ts is None else iface.to_ns(ts)
        data: bytes | memoryview = (
            bytes(buf[data_off : data_off + cap_len])
            if copy
            else memoryview(buf)[data_off : data_off + cap_len]
        )
        return Record(
            number=number,
            time=time_ns / 1e9,
            time_ns=time_ns,
            cap_len=cap_len,
            len=orig_len,
            interface_id=iface.id,
            linktype=iface.linktype,
            data=data,
            comment=comment,
            file_offset=base + data_off,
        )

    @staticmethod
    def _interface(section: Section, iface_id: int, abs_off: int, number: int) -> Interface:
        if iface_id >= len(section.interfaces):
            raise CaptureError(
                f"packet block names interface {iface_id} but the section describes "
                f"{len(section.interfaces)}",
                file_offset=abs_off,
                record_index=number - 1,
            )
        return section.interfaces[iface_id]

    @staticmethod
    def _short(btype: int, blen: int, need: int, abs_off: int, number: int) -> CaptureError:
        return CaptureError(
            f"block type 0x{btype:08x}: total length {blen} is too small (need {need})",
            file_offset=abs_off + 4,
            record_index=number - 1,
        )


class PcapngReader(FeedReader):
    """Feed pcapng bytes, take :class:`Record` objects (see :class:`PcapngParser`)."""

    def __init__(self) -> None:
        super().__init__()
        self.parser = PcapngParser()

    def _pending_what(self) -> str:
        return "a pcapng block"

    def records(self) -> Iterator[Record]:
        """Every complete record buffered: plain EPBs on a fast path, the rest carefully."""
        parser = self.parser
        while True:
            section = parser.section
            if section is not None and self._error is None:
                buf = self._buf
                got = fast_epb(section, buf, self._pos, len(buf), self._count + 1, base=self._base)
                if got is not None:
                    self._pos += got[1]
                    self._count += 1
                    yield got[0]  # the consumer may feed() here: state is re-read each turn
                    continue
            rec = self.next_record()
            if rec is None:
                return
            yield rec

    __iter__ = records

    def _parse(self) -> Record | object | None:
        parser = self.parser
        head = parser.block_header(self._buf, self._pos, self._avail(), self.offset, self._count)
        if head is None:
            return None
        btype, blen, endian = head
        if self._avail() < blen:
            return None
        rec = parser.process(
            self._buf, self._pos, btype, blen, endian, number=self._count + 1, base=self._base
        )
        self._pos += blen
        return SKIPPED if rec is None else rec
