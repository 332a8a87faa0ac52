"""Write the shown packets to a pcapng file (``e`` in the TUI), counting as it goes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pktscope.capture.records import Record
from pktscope.capture.writer import write_pcapng

__all__ = ["export_pcapng"]


def export_pcapng(
    path: str | Path,
    records: Iterable[Record],
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write ``records`` to ``path`` as pcapng (ns timestamps); returns how many were written."""

    def counted() -> Iterator[Record]:
        for n, rec in enumerate(records, 1):
            yield rec
            if progress is not None and n % 10_000 == 0:
                progress(n)

    return write_pcapng(Path(path), counted())
