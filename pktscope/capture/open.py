"""``open_records(path) -> RecordFile``: random access to a capture's records, indexed lazily.

A regular file is ``mmap``-ed and indexed by :class:`~pktscope.capture.index.FrameIndex`; the
index grows on demand (``rf[i]`` indexes up to ``i``), in explicit steps
(:meth:`RecordFile.index_to`) or in a background thread (:meth:`RecordFile.start_indexing`),
so a viewer can show the first screen of a million-frame capture before the whole file is
walked. A pipe, stdin (``"-"``) or any non-seekable stream is read once through the sans-IO
reader: iteration works, random access raises :class:`CaptureError`.

>>> rf = open_records("../shared/captures/wswiki__dhcp.pcap")     # doctest: +SKIP
>>> len(rf), rf[-1].number, rf[0].data[:6].hex()                  # doctest: +SKIP
(4, 4, 'ffffffffffff')
"""

from __future__ import annotations

import math
import mmap
import os
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, overload

from pktscope.capture.index import FrameIndex
from pktscope.capture.reader import CaptureReader
from pktscope.capture.records import Buffer, Record, remake
from pktscope.errors import CaptureError

__all__ = ["RecordFile", "StreamAccessError", "open_records"]

_STEP = 32768  # records indexed per step of the background walk (~20-30 ms here)
_CHUNK = 1 << 16


class StreamAccessError(CaptureError, TypeError):
    """``len()`` or ``rf[i]`` on a stream. Also a ``TypeError``, so ``list(stream_file)``
    (which asks for a length hint first) still works."""


class RecordFile:
    """The records of one capture: ``len()``, ``rf[i]`` (negative ok, slices give lists), iteration.

    ``len()`` and negative indexes need the whole index: they walk the rest of the file first
    (seconds on a large capture). :attr:`indexed` and :attr:`complete` are the cheap progress
    views: they tell how far the index is without walking or waiting.

    Reading a record that is already indexed takes no lock, so it never waits for the background
    indexer (which holds the lock for one step of ``_STEP`` records); only a read past the
    indexed prefix waits, for the step in progress and then for its own walk.
    :attr:`warning` holds the :class:`CaptureError` that ended the file early (a truncated last
    record, a corrupt block), with every record before it still available.
    """

    def __init__(
        self,
        source: Buffer | None,
        *,
        name: str = "<buffer>",
        stream: BinaryIO | None = None,
        owned: list[object] | None = None,
    ) -> None:
        self.name = name
        self._owned = owned or []  # file objects / mmaps closed by close()
        self._stream = stream
        self._lock = threading.RLock()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._index: FrameIndex | None = None
        self._stream_warning: CaptureError | None = None
        self._stream_format: str | None = None
        self._stream_reader: CaptureReader | None = None
        if source is not None:
            self._index = FrameIndex(source)

    # -- state ---------------------------------------------------------------------------
    @property
    def seekable(self) -> bool:
        """False for pipes and stdin: only one pass of iteration is possible."""
        return self._index is not None

    @property
    def format(self) -> str | None:
        """``"pcap"`` or ``"pcapng"`` (for a stream, known once reading has started)."""
        return self._index.format if self._index is not None else self._stream_format

    def time_digits(self, interface_id: int = 0) -> int:
        """Decimals of the timestamps' resolution (6 for microseconds, 9 for nanoseconds; a
        pcapng interface's ``if_tsresol``), as tshark prints times; 6 when unknown."""
        index = self._index
        pcap: Any
        parser: Any
        if index is not None:
            pcap, parser = index.pcap, index.parser
        else:  # a stream: what its reader has seen (it read the headers before any record)
            inner = getattr(self._stream_reader, "_inner", None)
            pcap = getattr(inner, "header", None)
            parser = getattr(inner, "parser", None)
        if pcap is not None:
            return 9 if pcap.nanosecond else 6
        section = parser.section if parser is not None else None
        if section is None or not 0 <= interface_id < len(section.interfaces):
            return 6
        resol = int(section.interfaces[interface_id].tsresol)
        n = resol & 0x7F
        digits = math.ceil(n * math.log10(2)) if resol & 0x80 else n
        return max(0, min(9, digits))

    @property
    def indexed(self) -> int:
        """How many records are indexed so far."""
        return len(self._index) if self._index is not None else 0

    @property
    def complete(self) -> bool:
        """True once the index covers the whole file."""
        return self._index is not None and self._index.complete

    @property
    def warning(self) -> CaptureError | None:
        if self._index is not None:
            return self._index.warning
        return self._stream_warning

    def _need_index(self) -> FrameIndex:
        if self._index is None:
            raise StreamAccessError(
                f"{self.name}: a stream has no random access; iterate it instead"
            )
        return self._index

    # -- indexing ------------------------------------------------------------------------
    def index_to(self, count: int) -> int:
        """Index at least ``count`` records (fewer if the file has fewer); returns how many."""
        index = self._need_index()
        with self._lock:
            missing = count - len(index)
            if missing > 0:
                index.extend(missing)
            return len(index)

    def index_all(self) -> int:
        """Walk the whole file; returns the record count."""
        index = self._need_index()
        while not index.complete:
            self.index_to(len(index) + _STEP * 4)
        return len(index)

    def start_indexing(self) -> None:
        """Index the rest of the file in a daemon thread, a step at a time (idempotent)."""
        index = self._need_index()
        if self._thread is not None or index.complete:
            return

        def run() -> None:
            while not index.complete and not self._stop.is_set():
                self.index_to(len(index) + _STEP)

        self._thread = threading.Thread(target=run, name=f"index {self.name}", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for background indexing; True when the index is complete."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self.complete

    # -- access --------------------------------------------------------------------------
    def __len__(self) -> int:
        return self.index_all()

    @overload
    def __getitem__(self, i: int) -> Record: ...
    @overload
    def __getitem__(self, i: slice) -> list[Record]: ...
    def __getitem__(self, i: int | slice) -> Record | list[Record]:
        index = self._need_index()
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += self.index_all()
            if i < 0:
                raise IndexError("record index out of range")
        elif i >= len(index):
            self.index_to(i + 1)
            if i >= len(index):
                raise IndexError(f"record index {i} out of range ({len(index)} records)")
        # No lock: indexed entries never change, and the walker only appends (under the GIL),
        # so a jump does not wait for a background indexing step to finish.
        return index.record(i)

    def __iter__(self) -> Iterator[Record]:
        if self._index is None:
            yield from self._iter_stream()
            return
        index = self._index
        i = 0
        while True:
            if i >= len(index) and self.index_to(i + _STEP) <= i:
                return
            stop = len(index)
            yield from index.records(i, stop)
            i = stop

    def records_as(self, make: Any) -> Iterator[Any]:
        """``make(number, time, time_ns, cap_len, len, interface_id, linktype, data, comment,
        file_offset)`` for every record, in order: iteration that builds the consumer's own
        object per frame (``Capture`` makes packets) instead of a :class:`Record` first."""
        index = self._index
        if index is None:
            for rec in self._iter_stream():
                yield remake(rec, make)
            return
        i = 0
        while True:
            if i >= len(index) and self.index_to(i + _STEP) <= i:
                return
            stop = len(index)
            yield from index.records(i, stop, make)
            i = stop

    def frames(self) -> Iterator[tuple[int, int, bytes]]:
        """``(number, linktype, data)`` for every frame, in order: iteration without building
        :class:`Record` objects, for consumers that look only at the bytes (``fields``)."""
        index = self._index
        if index is None:
            for rec in self._iter_stream():
                yield rec.number, rec.linktype, bytes(rec.data)
            return
        i = 0
        while True:
            if i >= len(index) and self.index_to(i + _STEP) <= i:
                return
            stop = len(index)
            yield from index.frames(i, stop)
            i = stop

    def _iter_stream(self) -> Iterator[Record]:
        stream = self._stream
        if stream is None:
            raise CaptureError(f"{self.name}: the stream was already read")
        self._stream = None
        reader = self._stream_reader = CaptureReader()
        read = getattr(stream, "read1", stream.read)
        while True:
            try:
                chunk = read(_CHUNK)
            except OSError as exc:
                raise CaptureError(f"{self.name}: read failed: {exc}") from exc
            if not chunk:
                break
            reader.feed(chunk)
            self._stream_format = reader.format
            yield from reader.records()
        self._stream_warning = reader.close()

    # -- lifetime ------------------------------------------------------------------------
    def close(self) -> None:
        """Stop background indexing and release the mapping and file."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._index = None
        for obj in reversed(self._owned):
            close = getattr(obj, "close", None)
            if close is not None:
                close()
        self._owned = []

    def __enter__(self) -> RecordFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        if not self.seekable:
            return f"<RecordFile {self.name} {self.format or '?'} stream>"
        state = "complete" if self.complete else "indexing"
        return f"<RecordFile {self.name} {self.format} {self.indexed} records {state}>"


def open_records(source: str | os.PathLike[str] | BinaryIO | bytes) -> RecordFile:
    """Open a pcap/pcapng capture (format told by magic) for indexed access.

    ``source`` is a path, ``"-"`` for stdin, a binary file object, or the capture's bytes.
    Regular files are memory-mapped; pipes and other streams are read once, in order.
    Raises :class:`CaptureError` when the file cannot be opened or is not a capture.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        return RecordFile(bytes(source))
    if isinstance(source, str) and source == "-":
        return RecordFile(None, name="<stdin>", stream=sys.stdin.buffer)
    if isinstance(source, str | os.PathLike):
        name = str(source)
        try:
            fobj: BinaryIO = Path(source).open("rb")  # noqa: SIM115 - owned by the RecordFile
        except OSError as exc:
            raise CaptureError(f"cannot open {name}: {exc.strerror or exc}") from exc
        owned: list[object] = [fobj]
    else:
        fobj = source
        name = str(getattr(source, "name", "<stream>"))
        owned = []
    try:
        return _open_file(fobj, name, owned)
    except BaseException:
        for obj in owned:
            getattr(obj, "close", lambda: None)()
        raise


def _open_file(fobj: BinaryIO, name: str, owned: list[object]) -> RecordFile:
    try:
        fd = fobj.fileno()
        info = os.fstat(fd)
    except (OSError, AttributeError, ValueError):
        return RecordFile(None, name=name, stream=fobj, owned=owned)
    if not stat.S_ISREG(info.st_mode):
        return RecordFile(None, name=name, stream=fobj, owned=owned)
    if info.st_size == 0:
        raise CaptureError(f"{name}: empty file, not a capture", file_offset=0)
    try:
        mm = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError) as exc:
        raise CaptureError(f"cannot map {name}: {exc}") from exc
    try:
        return RecordFile(mm, name=name, owned=[*owned, mm])
    except CaptureError as exc:
        mm.close()
        raise CaptureError(f"{name}: {exc.message}", file_offset=exc.file_offset) from None
