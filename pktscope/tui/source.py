"""The TUI's view of a capture: indexed records, decoded packets and list rows, all bounded.

Opening indexes frame offsets only (no decode). ``packet(i)`` decodes one frame on demand and
``summary(i)`` derives its list row; both sit in small LRU caches, so memory stays flat however
large the capture. Records come from ``pktscope.capture.open.open_records`` and packets from
``pktscope.dissect.chain.decode`` when those exist; until they land, the stand-ins in
``lite_reader``/``lite_decode`` are used (``PKTSCOPE_TUI_LITE=1`` forces them).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

from pktscope.capture.records import Record
from pktscope.tui.lite_decode import DecodeRule, lite_decode
from pktscope.tui.lite_fields import FrameInfo
from pktscope.tui.lite_reader import LiteRecordFile
from pktscope.tui.summary import Summary, summarize

__all__ = ["SAMPLE_CAPTURE", "CaptureSource", "parse_decode_as"]

SAMPLE_CAPTURE = Path(__file__).resolve().parents[1] / "data" / "sample.pcapng"

K = TypeVar("K")
V = TypeVar("V")


class LRU(Generic[K, V]):
    """A tiny bounded mapping: the least recently used entry goes first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        value = self.data.get(key)
        if value is not None:
            self.data.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.size:
            self.data.popitem(last=False)

    def clear(self) -> None:
        self.data.clear()


def _lite() -> bool:
    return os.environ.get("PKTSCOPE_TUI_LITE") == "1"


def _open_records(path: Path) -> Any:
    if not _lite():
        try:
            from pktscope.capture.open import open_records  # noqa: PLC0415 - optional until it lands
        except ImportError:
            pass
        else:
            return open_records(path)
    return LiteRecordFile(path)


def parse_decode_as(text: str) -> DecodeRule:
    """``udp.port==9000:dns`` → ``("udp.port", 9000, "dns")``; ValueError when malformed."""
    try:
        cond, layer = text.rsplit(":", 1)
        key, value = cond.split("==")
        rule = (key.strip(), int(value.strip(), 0), layer.strip())
    except ValueError:
        raise ValueError(f"decode-as wants KEY==VALUE:SPEC, got {text!r}") from None
    if not rule[0] or not rule[2]:
        raise ValueError(f"decode-as wants KEY==VALUE:SPEC, got {text!r}")
    return rule


class CaptureSource:
    """``len()``, ``record(i)``, ``packet(i)``, ``summary(i)`` over one capture file."""

    def __init__(self, path: str | Path, *, rules: Sequence[DecodeRule] = ()) -> None:
        self.path = Path(path)
        self.records = _open_records(self.path)
        self.rules: list[DecodeRule] = list(rules)
        self._packets: LRU[int, Any] = LRU(256)
        self._rows: LRU[int, Summary] = LRU(4096)
        self._t0: float | None = None
        self.backend = "lite" if isinstance(self.records, LiteRecordFile) else "pktscope"

    def __len__(self) -> int:
        return len(self.records)

    @property
    def indexing_done(self) -> bool:
        return bool(getattr(self.records, "done", True))

    @property
    def error(self) -> Exception | None:
        err = getattr(self.records, "error", None)
        return err if isinstance(err, Exception) else None

    def close(self) -> None:
        close = getattr(self.records, "close", None)
        if close is not None:
            close()

    def record(self, index: int) -> Record:
        rec: Record = self.records[index]
        return rec

    def decode(self, index: int) -> Any:
        """Decode frame ``index`` without touching the caches (filters and exports)."""
        rec = self.record(index)
        frame = FrameInfo(
            rec.number, rec.time, rec.len, rec.cap_len, rec.linktype, rec.interface_id
        )
        return lite_decode(bytes(rec.data), frame, self.rules)

    def packet(self, index: int) -> Any:
        pkt = self._packets.get(index)
        if pkt is None:
            pkt = self.decode(index)
            self._packets.put(index, pkt)
        return pkt

    def summary(self, index: int) -> Summary:
        row = self._rows.get(index)
        if row is None:
            if self._t0 is None:
                self._t0 = self.record(0).time
            pkt = self.packet(index)
            rec = self.record(index)
            row = summarize(pkt, rec.number, rec.time - self._t0, rec.len)
            self._rows.put(index, row)
        return row

    def set_rules(self, rules: Sequence[DecodeRule]) -> None:
        self.rules = list(rules)
        self.invalidate()

    def invalidate(self) -> None:
        """Forget decoded packets and rows (after decode-as or a spec reload)."""
        self._packets.clear()
        self._rows.clear()
