"""Stand-in indexed capture reader (pcap and pcapng over ``mmap``) for the TUI.

Used only while ``pktscope.capture.open`` is not available. The frame-offset index is an
``array('Q')`` (8 bytes a frame) built by a background thread, so the first screen shows as soon
as the first records are indexed; ``len()`` grows until ``done``.
"""

from __future__ import annotations

import mmap
import struct
import threading
from array import array
from pathlib import Path

from pktscope.capture.records import Record
from pktscope.errors import CaptureError

__all__ = ["LiteRecordFile"]

_PCAP_MAGIC = {
    b"\xd4\xc3\xb2\xa1": ("<", 1_000),
    b"\xa1\xb2\xc3\xd4": (">", 1_000),
    b"\x4d\x3c\xb2\xa1": ("<", 1),
    b"\xa1\xb2\x3c\x4d": (">", 1),
}
_PCAPNG_SHB = b"\x0a\x0d\x0d\x0a"


class LiteRecordFile:
    """``len(rf)``, ``rf[i] -> Record``; indexing runs in a daemon thread (``done``, ``wait()``)."""

    def __init__(self, path: str | Path, *, background: bool = True) -> None:
        self.path = Path(path)
        with self.path.open("rb") as fh:
            size = self.path.stat().st_size
            if size < 24:
                raise CaptureError(f"{self.path}: too short for a capture ({size} bytes)")
            self._mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        head = self._mm[:4]
        self.offsets = array("Q")
        # pcapng: per-record interface id lives in the block; per-interface (linktype, scale)
        self._ifaces: list[tuple[int, int, int]] = []  # (linktype, ticks/s numerator, denom)
        self.error: CaptureError | None = None
        self.done = False
        self._cancel = False
        if head in _PCAP_MAGIC:
            self.kind = "pcap"
            self._endian, ns_scale = _PCAP_MAGIC[head]
            self._frac_ns = ns_scale
            self.linktype = struct.unpack_from(self._endian + "I", self._mm, 20)[0] & 0x0FFFFFFF
            self._scan = self._scan_pcap
        elif head == _PCAPNG_SHB:
            self.kind = "pcapng"
            bom = self._mm[8:12]
            self._endian = "<" if bom == b"\x4d\x3c\x2b\x1a" else ">"
            self.linktype = 1
            self._scan = self._scan_pcapng
        else:
            raise CaptureError(
                f"{self.path}: not a pcap or pcapng file (magic {head.hex()})", file_offset=0
            )
        if background:
            self._thread: threading.Thread | None = threading.Thread(
                target=self._run, name="pktscope-index", daemon=True
            )
            self._thread.start()
        else:
            self._thread = None
            self._run()

    def _run(self) -> None:
        try:
            self._scan()
        except CaptureError as exc:
            self.error = exc
        except (struct.error, ValueError) as exc:
            self.error = CaptureError(
                f"broken record framing: {exc}", record_index=len(self.offsets)
            )
        self.done = True

    def wait(self, timeout: float | None = None) -> bool:
        if self._thread is not None:
            self._thread.join(timeout)
        return self.done

    def close(self) -> None:
        self._cancel = True
        if self._thread is not None:
            self._thread.join()
        self._mm.close()

    def __len__(self) -> int:
        return len(self.offsets)

    def _scan_pcap(self) -> None:
        mm, end, off = self._mm, len(self._mm), 24
        unpack = struct.Struct(self._endian + "I").unpack_from
        append = self.offsets.append
        while off + 16 <= end:
            if self._cancel:
                return
            append(off)
            off += 16 + unpack(mm, off + 8)[0]
        if off + 16 <= end or (off < end and off + 16 > end):
            raise CaptureError(
                "truncated record header", file_offset=off, record_index=len(self.offsets)
            )

    def _scan_pcapng(self) -> None:
        mm, end, off = self._mm, len(self._mm), 0
        hdr = struct.Struct(self._endian + "II")
        append = self.offsets.append
        while off + 12 <= end:
            if self._cancel:
                return
            btype, blen = hdr.unpack_from(mm, off)
            if btype == 0x0A0D0D0A:
                self._endian = "<" if mm[off + 8 : off + 12] == b"\x4d\x3c\x2b\x1a" else ">"
                hdr = struct.Struct(self._endian + "II")
                btype, blen = hdr.unpack_from(mm, off)
                self._ifaces = []
            if blen < 12 or blen % 4 or off + blen > end:
                raise CaptureError(
                    f"bad block length {blen}", file_offset=off, record_index=len(self.offsets)
                )
            if btype == 1:
                self._ifaces.append(self._idb(off, blen))
            elif btype in (3, 6):
                append(off)
            off += blen

    def _idb(self, off: int, blen: int) -> tuple[int, int, int]:
        e = self._endian
        linktype = struct.unpack_from(e + "H", self._mm, off + 8)[0]
        num, den = 1_000_000_000, 1_000_000  # default: microseconds
        pos, stop = off + 16, off + blen - 4
        while pos + 4 <= stop:
            code, length = struct.unpack_from(e + "HH", self._mm, pos)
            if code == 0:
                break
            if code == 9 and length >= 1:
                res = self._mm[pos + 4]
                den = 2 ** (res & 0x7F) if res & 0x80 else 10**res
            pos += 4 + ((length + 3) & ~3)
        return (linktype, num, den)

    def __getitem__(self, index: int) -> Record:
        if index < 0:
            index += len(self.offsets)
        if not 0 <= index < len(self.offsets):
            raise IndexError(f"frame index {index} out of range ({len(self.offsets)} indexed)")
        off = self.offsets[index]
        e, mm = self._endian, self._mm
        if self.kind == "pcap":
            sec, frac, cap, orig = struct.unpack_from(e + "IIII", mm, off)
            time_ns = sec * 1_000_000_000 + frac * self._frac_ns
            data = bytes(mm[off + 16 : off + 16 + cap])
            return Record(
                index + 1,
                time_ns / 1e9,
                time_ns,
                len(data),
                orig,
                0,
                self.linktype,
                data,
                None,
                off + 16,
            )
        btype, blen = struct.unpack_from(e + "II", mm, off)
        if btype == 3:
            orig = struct.unpack_from(e + "I", mm, off + 8)[0]
            cap = min(orig, blen - 16)
            lt = self._ifaces[0][0] if self._ifaces else 1
            data = bytes(mm[off + 12 : off + 12 + cap])
            return Record(index + 1, 0.0, 0, cap, orig, 0, lt, data, None, off + 12)
        iface, hi, lo, cap, orig = struct.unpack_from(e + "IIIII", mm, off + 8)
        lt, num, den = self._ifaces[iface] if iface < len(self._ifaces) else (1, 10**9, 10**6)
        ticks = (hi << 32) | lo
        time_ns = ticks * num // den
        data = bytes(mm[off + 28 : off + 28 + min(cap, blen - 32)])
        return Record(
            index + 1, time_ns / 1e9, time_ns, len(data), orig, iface, lt, data, None, off + 28
        )
