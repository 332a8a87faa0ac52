"""Write the shown packets to a pcapng file (``e`` in the TUI).

Uses ``pktscope.capture.writer.write_pcapng`` when it exists; until then a minimal writer here:
one section, one interface per link type, enhanced packet blocks with nanosecond timestamps.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from pktscope.capture.records import Record

__all__ = ["export_pcapng"]


def _block(btype: int, body: bytes) -> bytes:
    body += b"\0" * (-len(body) % 4)
    n = len(body) + 12
    return struct.pack("<II", btype, n) + body + struct.pack("<I", n)


def _write_lite(out: BinaryIO, records: Iterable[Record]) -> int:
    out.write(_block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)))
    ifaces: dict[int, int] = {}
    count = 0
    for rec in records:
        iface = ifaces.get(rec.linktype)
        if iface is None:
            iface = ifaces[rec.linktype] = len(ifaces)
            tsresol = struct.pack("<HHB3x", 9, 1, 9) + struct.pack("<HH", 0, 0)
            out.write(_block(1, struct.pack("<HHI", rec.linktype, 0, 0) + tsresol))
        data = bytes(rec.data)
        ts = rec.time_ns
        body = struct.pack("<IIIII", iface, ts >> 32, ts & 0xFFFFFFFF, len(data), rec.len) + data
        out.write(_block(6, body))
        count += 1
    return count


def export_pcapng(
    path: str | Path,
    records: Iterable[Record],
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write ``records`` to ``path`` as pcapng; returns how many were written."""
    written = 0

    def counted() -> Iterable[Record]:
        nonlocal written
        for rec in records:
            yield rec
            written += 1
            if progress is not None and written % 10_000 == 0:
                progress(written)

    try:
        from pktscope.capture.writer import write_pcapng  # noqa: PLC0415 - optional until it lands
    except ImportError:
        with Path(path).open("wb") as out:
            _write_lite(out, counted())
    else:
        write_pcapng(path, counted())
    return written
