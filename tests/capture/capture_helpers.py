"""Shared helpers for the capture tests: the corpus, truth files, and reading a whole buffer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pktscope.capture.reader import CaptureReader
from pktscope.capture.records import Record

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
CAPTURE_FILES = sorted(
    p for p in CAPTURES.iterdir() if p.is_file() and p.suffix in {".pcap", ".pcapng", ".cap"}
)


def truth(path: Path) -> list[dict[str, Any]]:
    lines = (CAPTURES / "truth" / f"{path.name}.truth.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def read_all(data: bytes, chunks: list[int] | None = None) -> tuple[list[Record], CaptureReader]:
    """Feed ``data`` whole, or cut at the given chunk sizes (cycled), and take every record."""
    reader = CaptureReader()
    out: list[Record] = []
    if chunks is None:
        reader.feed(data)
        out.extend(reader.records())
    else:
        pos = 0
        i = 0
        while pos < len(data):
            size = max(1, chunks[i % len(chunks)])
            reader.feed(data[pos : pos + size])
            out.extend(reader.records())
            pos += size
            i += 1
    reader.close()
    return out, reader


def summary(rec: Record) -> tuple[object, ...]:
    return (rec.number, rec.len, rec.cap_len, rec.time_epoch, rec.interface_id)
