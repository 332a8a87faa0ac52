"""Capture files and live capture: pcap/pcapng in, :class:`Record` objects out.

Cut by concept: ``records`` (the Record), ``sansio`` + ``pcap`` + ``pcapng`` (readers fed bytes,
h11-style), ``reader`` (format by magic, streams), ``index`` + ``open`` (mmap'd random access,
indexed lazily), ``writer`` (pcap/pcapng out), ``live`` (dumpcap/tshark on a pipe).

>>> from pktscope.capture import open_records                      # doctest: +SKIP
>>> rf = open_records("capture.pcapng"); rf.index_to(50); rf[0].time_epoch   # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pktscope.capture.live import live_records
    from pktscope.capture.open import RecordFile, StreamAccessError, open_records
    from pktscope.capture.pcap import PcapReader
    from pktscope.capture.pcapng import PcapngReader
    from pktscope.capture.reader import CaptureReader, detect_format, iter_stream
    from pktscope.capture.records import Record, format_epoch
    from pktscope.capture.writer import write_pcap, write_pcapng

# Imported on first use, so that opening a file does not pay for subprocess & co. (live).
_LAZY = {
    "live_records": "live",
    "RecordFile": "open",
    "StreamAccessError": "open",
    "open_records": "open",
    "PcapReader": "pcap",
    "PcapngReader": "pcapng",
    "CaptureReader": "reader",
    "detect_format": "reader",
    "iter_stream": "reader",
    "Record": "records",
    "format_epoch": "records",
    "write_pcap": "writer",
    "write_pcapng": "writer",
}

__all__ = [
    "CaptureReader",
    "PcapReader",
    "PcapngReader",
    "Record",
    "RecordFile",
    "StreamAccessError",
    "detect_format",
    "format_epoch",
    "iter_stream",
    "live_records",
    "open_records",
    "write_pcap",
    "write_pcapng",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pktscope.capture' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"pktscope.capture.{module}"), name)
    globals()[name] = value
    return value
