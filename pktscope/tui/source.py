"""The TUI's view of a capture: indexed records, decoded packets and list rows, all bounded.

Opening indexes frame offsets only (no decode). ``packet(i)`` decodes one frame on demand and
``summary(i)`` derives its list row; both sit in small LRU caches, so memory stays flat however
large the capture. Records come from ``pktscope.capture.open.open_records`` (indexed in a
background thread) and packets from the dissector chain; ``PKTSCOPE_TUI_LITE=1`` switches to the
small stand-ins in ``lite_reader``/``lite_decode`` (written before those landed, kept for
comparison and for working on the TUI when the spec compiler is broken).
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

__all__ = ["SAMPLE_CAPTURE", "CaptureSource", "packet_roots", "parse_decode_as"]

SAMPLE_CAPTURE = Path(__file__).resolve().parents[1] / "data" / "sample.pcapng"

# Frames indexed before the first screen: more than any terminal shows.
FIRST_SCREEN_FRAMES = 512

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


def packet_roots(pkt: Any) -> list[Any]:
    """One field per layer (the roots of the field tree), for either field model."""
    fields = getattr(pkt, "fields", None)
    if callable(fields):
        return list(fields())
    return list(getattr(pkt, "layers", ()) or ())


class CaptureSource:
    """``len()``, ``record(i)``, ``packet(i)``, ``summary(i)`` over one capture file.

    ``len()`` is the number of frames indexed so far: it grows while :attr:`indexing_done` is
    false. ``rules`` are decode-as texts (``udp.port==9000:myproto``) whose spec names are
    looked up in ``spec_dirs`` first.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        rules: Sequence[str] = (),
        spec_dirs: Sequence[str | Path] = (),
    ) -> None:
        self.path = Path(path)
        self.spec_dirs = list(spec_dirs)
        self.rules: list[str] = []
        self._packets: LRU[int, Any] = LRU(256)
        self._rows: LRU[int, Summary] = LRU(4096)
        self._t0: float | None = None
        self.backend = "lite" if _lite() else "pktscope"
        if self.backend == "lite":
            self.records: Any = LiteRecordFile(self.path)
        else:
            from pktscope.capture.open import open_records  # noqa: PLC0415 - cheap start

            self.records = open_records(self.path)
            # a screenful now; the rest in the background once the first screen is up
            self.records.index_to(FIRST_SCREEN_FRAMES)
        self.set_rules(rules)

    def start_indexing(self) -> None:
        """Index the rest of the file in a background thread (idempotent)."""
        start = getattr(self.records, "start_indexing", None)
        if start is not None:
            start()

    def __len__(self) -> int:
        indexed = getattr(self.records, "indexed", None)
        return int(indexed) if indexed is not None else len(self.records)

    @property
    def indexing_done(self) -> bool:
        complete = getattr(self.records, "complete", None)
        if complete is not None:
            return bool(complete)
        return bool(getattr(self.records, "done", True))

    @property
    def error(self) -> Exception | None:
        err = getattr(self.records, "warning", None) or getattr(self.records, "error", None)
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
        if self.backend == "lite":
            frame = FrameInfo(
                rec.number, rec.time, rec.len, rec.cap_len, rec.linktype, rec.interface_id
            )
            return lite_decode(bytes(rec.data), frame, self._lite_rules)
        from pktscope.dissect.capture import packet_from_record  # noqa: PLC0415

        return packet_from_record(rec, self._chain)

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
            frame = pkt.frame
            row = summarize(pkt, frame.number, frame.time - self._t0, frame.len)
            self._rows.put(index, row)
        return row

    def set_rules(self, rules: Sequence[str]) -> None:
        """Apply decode-as rules (PktscopeError or ValueError when one is malformed)."""
        if self.backend == "lite":
            self._lite_rules = [parse_decode_as(r) for r in rules]
        else:
            from pktscope.dissect.chain import Chain  # noqa: PLC0415
            from pktscope.dissect.decode_as import DecodeAsRules  # noqa: PLC0415

            self._chain = Chain(None, DecodeAsRules(rules, self.spec_dirs))
        self.rules = list(rules)
        self.invalidate()

    def reload(self) -> None:
        """Re-read specs: a new chain compiles edited ``.ksy`` files afresh (keyed by mtime)."""
        self.set_rules(self.rules)

    def invalidate(self) -> None:
        """Forget decoded packets and rows (after decode-as or a spec reload)."""
        self._packets.clear()
        self._rows.clear()
