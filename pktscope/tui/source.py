"""The TUI's view of a capture: indexed records, decoded packets and list rows, all bounded.

Opening indexes frame offsets only (no decode). ``packet(i)`` decodes one frame on demand and
``summary(i)`` derives its list row; both sit in small LRU caches, so memory stays flat however
large the capture. Records come from ``pktscope.capture.open.open_records`` (a screenful indexed
at once, the rest in a background thread) and packets from the dissector chain.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

from pktscope.capture.open import open_records
from pktscope.capture.records import Record
from pktscope.dissect.capture import packet_from_record
from pktscope.dissect.chain import Chain
from pktscope.dissect.decode_as import DecodeAsRules
from pktscope.tui.summary import Summary, summarize

__all__ = ["SAMPLE_CAPTURE", "CaptureSource", "packet_roots"]

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
        self.records = open_records(self.path)
        # a screenful now; the rest in the background once the first screen is up
        self.records.index_to(FIRST_SCREEN_FRAMES)
        self.set_rules(rules)

    def start_indexing(self) -> None:
        """Index the rest of the file in a background thread (idempotent)."""
        self.records.start_indexing()

    def __len__(self) -> int:
        return self.records.indexed

    @property
    def indexing_done(self) -> bool:
        return self.records.complete

    @property
    def error(self) -> Exception | None:
        """Why the file ended early (a truncated last record...), else None."""
        return self.records.warning

    def close(self) -> None:
        self.records.close()

    def record(self, index: int) -> Record:
        rec: Record = self.records[index]
        return rec

    def decode(self, index: int) -> Any:
        """Decode frame ``index`` without touching the caches (filters and exports)."""
        return packet_from_record(self.record(index), self._chain)

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
        """Apply decode-as rules. A malformed rule, or a spec that does not load, raises
        PktscopeError (or ValueError) and leaves the current rules in place."""
        parsed = DecodeAsRules(rules, self.spec_dirs)
        for rule in parsed.rules:  # compile each named spec now, not while drawing rows
            parsed.spec_class(rule.spec)
        self._chain = Chain(None, parsed)
        self.rules = list(rules)
        self.invalidate()

    def reload(self) -> None:
        """Re-read specs: a new chain compiles edited ``.ksy`` files afresh (keyed by mtime)."""
        self.set_rules(self.rules)

    def invalidate(self) -> None:
        """Forget decoded packets and rows (after decode-as or a spec reload)."""
        self._packets.clear()
        self._rows.clear()
