"""Writers for pcap and pcapng, the inverse of the readers (the TUI exports shown packets here).

:func:`write_pcapng` is lossless for everything a :class:`Record` carries: one IDB per distinct
``(interface_id, linktype)`` in order of first use, nanosecond timestamps (``if_tsresol=9``) and
packet comments. :func:`write_pcap` writes one link type, with µs or ns timestamps.

>>> import io
>>> from pktscope.capture.records import Record
>>> out = io.BytesIO()
>>> write_pcap(out, [Record(1, 1.0, 10**9, 3, 3, 0, 1, b"abc", None, 0)])
1
>>> len(out.getvalue())
43
"""

from __future__ import annotations

import io
import struct
import time
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
from os import PathLike
from pathlib import Path
from typing import BinaryIO

from pktscope.capture.pcapng import BT_EPB, BT_IDB, BT_SHB, IF_TSRESOL, OPT_COMMENT
from pktscope.capture.records import MAX_RECORD_SIZE, Record
from pktscope.errors import CaptureError

__all__ = ["write_pcap", "write_pcapng"]

PathOrStream = str | PathLike[str] | BinaryIO

_PCAP_SNAPLEN = 262144
_SHB_USERAPPL = 4
_SEC = 1_000_000_000
_MAX_KEPT_IFACE = 256  # above this, interface numbers are compacted rather than padded


def _open(target: PathOrStream, stack: ExitStack) -> BinaryIO:
    if isinstance(target, str | PathLike):
        try:
            return stack.enter_context(Path(target).open("wb"))
        except OSError as exc:
            raise CaptureError(f"cannot write {target}: {exc}") from exc
    return target


class _Sink:
    """Buffered output that only ever writes whole blocks: at 1 MiB, at least every 0.2 s (so
    a live capture being written shows up in the file), and once more on the way out."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.buf = io.BytesIO()
        self.last = -1.0  # the first record goes out at once (a live capture shows up)

    def write(self, data: bytes) -> None:
        self.buf.write(data)

    def tick(self) -> None:
        if self.buf.tell() >= 1 << 20 or time.monotonic() - self.last >= 0.2:
            self.flush()

    def flush(self) -> None:
        if self.buf.tell():
            try:
                self.out.write(self.buf.getvalue())
                self.out.flush()
            except OSError as exc:
                raise CaptureError(f"write failed: {exc}") from exc
            self.buf = io.BytesIO()
        self.last = time.monotonic()


def _check(rec: Record, index: int) -> bytes:
    data = bytes(rec.data)
    if len(data) > MAX_RECORD_SIZE or rec.len > 0xFFFFFFFF or rec.len < 0:
        raise CaptureError(
            f"frame {rec.number}: {len(data)} bytes (len {rec.len}) cannot be written",
            record_index=index,
        )
    return data


def write_pcap(
    target: PathOrStream,
    records: Iterable[Record],
    linktype: int | None = None,
    *,
    nanosecond: bool = False,
    snaplen: int = _PCAP_SNAPLEN,
) -> int:
    """Write ``records`` as a little-endian pcap 2.4 file; returns how many were written.

    ``linktype`` defaults to the first record's (Ethernet when there are none); a record of
    another link type raises :class:`CaptureError`, as pcap holds only one. ``cap_len`` is the
    length of ``data``; times before 1970 or after 2106 do not fit and raise.
    """
    rec_hdr = struct.Struct("<IIII")
    count = 0
    with ExitStack() as stack:
        sink = _Sink(_open(target, stack))
        header_written = False
        try:
            for rec in records:
                if not header_written:
                    linktype = rec.linktype if linktype is None else linktype
                    _write_pcap_header(sink, linktype, nanosecond, snaplen)
                    header_written = True
                if rec.linktype != linktype:
                    raise CaptureError(
                        f"frame {rec.number} has link type {rec.linktype}, the pcap file "
                        f"{linktype}; use write_pcapng for mixed link types",
                        record_index=count,
                    )
                data = _check(rec, count)
                sec, frac = divmod(rec.time_ns, _SEC)
                if not 0 <= sec <= 0xFFFFFFFF:
                    raise CaptureError(
                        f"frame {rec.number}: time {rec.time_epoch} does not fit a pcap timestamp",
                        record_index=count,
                    )
                frac = frac if nanosecond else frac // 1000
                sink.write(rec_hdr.pack(sec, frac, len(data), rec.len) + data)
                count += 1
                sink.tick()
            if not header_written:
                _write_pcap_header(sink, 1 if linktype is None else linktype, nanosecond, snaplen)
        finally:
            sink.flush()  # even after an error or Ctrl-C: what is written is a valid capture
    return count


def _write_pcap_header(out: _Sink, linktype: int, nanosecond: bool, snaplen: int) -> None:
    magic = 0xA1B23C4D if nanosecond else 0xA1B2C3D4
    out.write(struct.pack("<IHHiIII", magic, 2, 4, 0, 0, snaplen, linktype))


def _option(code: int, value: bytes) -> bytes:
    return struct.pack("<HH", code, len(value)) + value + b"\0" * (-len(value) % 4)


def _idb(linktype: int, tsresol: int) -> bytes:
    opts = _option(IF_TSRESOL, bytes((tsresol,))) + b"\0\0\0\0"
    return _block(BT_IDB, struct.pack("<HHI", linktype, 0, 0) + opts)


def _block(btype: int, body: bytes) -> bytes:
    total = 12 + len(body)
    return struct.pack("<II", btype, total) + body + struct.pack("<I", total)


def _ts_units(time_ns: int, tsresol: int) -> int:
    """Nanoseconds to timestamp units of ``if_tsresol`` (truncating, like the capture clock)."""
    if tsresol & 0x80:
        return (time_ns << (tsresol & 0x7F)) // _SEC
    if tsresol <= 9:
        return time_ns // int(10 ** (9 - tsresol))
    return time_ns * int(10 ** (tsresol - 9))


class _Interfaces:
    """IDB slots for ``(interface_id, linktype)`` pairs, keeping a record's interface number
    when that slot is free (gaps get placeholder IDBs), else taking the next free slot."""

    def __init__(self, tsresol: int | Mapping[int, int]) -> None:
        self.tsresol = tsresol
        self.slots: dict[tuple[int, int], int] = {}
        self.resolutions: list[int] = []  # per written IDB

    def _resol(self, iface_id: int, index: int) -> int:
        tsresol = self.tsresol
        resol = tsresol if isinstance(tsresol, int) else tsresol.get(iface_id, 9)
        if not 0 <= resol <= 0xFF or (resol & 0x7F) > 63:
            raise CaptureError(f"if_tsresol {resol} out of range", record_index=index)
        return resol

    def add(self, iface_id: int, linktype: int, index: int) -> bytes:
        """IDBs to write so that the pair has a slot (b"" when it already has one)."""
        if (iface_id, linktype) in self.slots:
            return b""
        if not 0 <= linktype <= 0xFFFF:
            raise CaptureError(f"link type {linktype} does not fit 16 bits", record_index=index)
        out = []
        resol = self._resol(iface_id, index)
        if len(self.resolutions) <= iface_id < _MAX_KEPT_IFACE:
            while len(self.resolutions) < iface_id:  # placeholders: same link type, unused
                self.slots.setdefault((len(self.resolutions), linktype), len(self.resolutions))
                self.resolutions.append(resol)
                out.append(_idb(linktype, resol))
        self.slots[(iface_id, linktype)] = len(self.resolutions)
        self.resolutions.append(resol)
        out.append(_idb(linktype, resol))
        return b"".join(out)

    def plan(self, records: Sequence[Record]) -> bytes:
        """All IDBs up front for a known list: every pair whose number is free keeps it."""
        pairs = list(dict.fromkeys((r.interface_id, r.linktype) for r in records))
        wanted: dict[int, tuple[int, int]] = {}
        for iface_id, linktype in pairs:
            if iface_id < _MAX_KEPT_IFACE:
                wanted.setdefault(iface_id, (iface_id, linktype))
        out = []
        for slot in range(max(wanted, default=-1) + 1):
            pair = wanted.get(slot) or next(iter(wanted.values()))
            out.append(self.add(slot, pair[1], 0))
        for index, (iface_id, linktype) in enumerate(pairs):
            out.append(self.add(iface_id, linktype, index))
        return b"".join(out)


def write_pcapng(
    target: PathOrStream,
    records: Iterable[Record],
    *,
    tsresol: int | Mapping[int, int] = 9,
) -> int:
    """Write ``records`` as a little-endian pcapng section; returns how many were written.

    Each distinct ``(interface_id, linktype)`` gets an IDB (snaplen 0), numbered
    ``interface_id`` when that is free, so ids survive a round trip (for a ``Sequence`` of
    records always; for a one-pass iterable unless an interface's number is first used after a
    higher one with another link type). Packets are EPBs carrying ``comment`` as
    ``opt_comment``. ``tsresol`` is the ``if_tsresol`` byte (9: ns, lossless; 6: µs;
    ``0x80 | n``: 2^-n s), one for all interfaces or a mapping from ``interface_id``
    (missing ids get 9).
    """
    epb_hdr = struct.Struct("<IIIII")
    end_opts = b"\0\0\0\0"
    count = 0
    interfaces = _Interfaces(tsresol)
    with ExitStack() as stack:
        sink = _Sink(_open(target, stack))
        shb_opts = _option(_SHB_USERAPPL, b"pktscope") + end_opts
        sink.write(_block(BT_SHB, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1) + shb_opts))
        try:
            if isinstance(records, Sequence):
                sink.write(interfaces.plan(records))
            for rec in records:
                sink.write(interfaces.add(rec.interface_id, rec.linktype, count))
                iface = interfaces.slots[(rec.interface_id, rec.linktype)]
                data = _check(rec, count)
                units = _ts_units(rec.time_ns, interfaces.resolutions[iface])
                if not 0 <= units < 1 << 64:
                    raise CaptureError(
                        f"frame {rec.number}: time {rec.time_epoch} does not fit a pcapng "
                        "timestamp",
                        record_index=count,
                    )
                opts = b""
                if rec.comment is not None:
                    text = rec.comment.encode("utf-8")
                    if len(text) > 0xFFFF:
                        raise CaptureError(
                            f"frame {rec.number}: comment of {len(text)} bytes exceeds 65535",
                            record_index=count,
                        )
                    opts = _option(OPT_COMMENT, text) + end_opts
                body = (
                    epb_hdr.pack(iface, units >> 32, units & 0xFFFFFFFF, len(data), rec.len)
                    + data
                    + b"\0" * (-len(data) % 4)
                    + opts
                )
                sink.write(_block(BT_EPB, body))
                count += 1
                sink.tick()
        finally:
            sink.flush()  # even after an error or Ctrl-C: what is written is a valid capture
    return count
