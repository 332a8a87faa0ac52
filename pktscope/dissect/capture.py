"""``open_capture(path) -> Capture``: a capture file as a sequence of lazily decoded packets.

``len(capture)``, ``capture[i]`` (0-based; ``frame.number`` is 1-based), slices, iteration.
Records come from :func:`pktscope.capture.open.open_records` (mmap + lazy index); a packet is
built only when asked for and decodes its layers only when a lookup needs them. Random access
keeps a bounded LRU cache of packets (so a viewer going back and forth does not re-decode, and a
million-frame capture does not fill memory); iteration does not fill the cache. A packet edited
in place through ``capture[i]`` (``Field.set``) is kept when the cache lets it go, so
``capture[i]`` and iteration give the edited packet back (the file is never written).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import ModuleType, TracebackType
from typing import Any, BinaryIO, overload

from pktscope.capture.open import open_records
from pktscope.capture.records import Record
from pktscope.dissect.chain import Chain, first_spec
from pktscope.dissect.decode_as import DecodeAs, DecodeAsRules
from pktscope.fields.packet import Frame, Packet

__all__ = ["Capture", "open_capture", "packet_from_record", "packet_maker"]

CACHE_SIZE = 256


def packet_from_record(record: Record, chain: Chain) -> Packet:
    """A (not yet decoded) packet for one capture record."""
    frame = Frame(
        record.number,
        record.time,
        record.time_ns,
        record.len,
        record.cap_len,
        record.interface_id,
        record.linktype,
        record.comment,
        record.file_offset,
    )
    return Packet(bytes(record.data), frame, chain)


def packet_maker(
    chain: Chain, cache: Mapping[int, Packet], pinned: Mapping[int, Packet] | None = None
) -> Any:
    """``make(number, time, time_ns, cap_len, len, interface_id, linktype, data, comment,
    file_offset)`` -> the packet (the cached one for that frame number, if any), for
    :meth:`~pktscope.capture.open.RecordFile.records_as`: the iteration's hot path, with no
    intermediate record and no keyword handling."""

    def make(  # noqa: PLR0917 - a record's fields, positionally
        number: int,
        time: float,
        time_ns: int,
        cap_len: int,
        length: int,
        interface_id: int,
        linktype: int,
        data: bytes,
        comment: str | None,
        file_offset: int,
    ) -> Packet:
        if cache or pinned:
            pkt = cache.get(number - 1)
            if pkt is None and pinned:
                pkt = pinned.get(number - 1)
            if pkt is not None:
                return pkt
        frame = Frame(
            number, time, time_ns, length, cap_len, interface_id, linktype, comment, file_offset
        )
        return Packet(data, frame, chain)

    return make


class Capture:
    """The packets of a capture file (see module docstring)."""

    def __init__(
        self,
        records: Any,
        *,
        decode_as: Iterable[str | DecodeAs] = (),
        spec_dirs: Iterable[str | os.PathLike[str]] = (),
        spec: str | os.PathLike[str] | type | ModuleType | None = None,
        cache_size: int = CACHE_SIZE,
    ) -> None:
        self.records = records
        dirs = tuple(spec_dirs)
        first = first_spec(spec, dirs) if spec is not None else None
        self.chain = Chain(first, DecodeAsRules(decode_as, dirs))
        self._cache: OrderedDict[int, Packet] = OrderedDict()
        self._cache_size = max(1, cache_size)
        # packets edited in place (Field.set) that the cache let go: kept, so an edit made
        # through capture[i] is what capture[i] gives back later
        self._pinned: dict[int, Packet] = {}

    @property
    def name(self) -> str:
        """The capture's file name (as given)."""
        return str(getattr(self.records, "name", "<capture>"))

    def __len__(self) -> int:
        return len(self.records)

    @overload
    def __getitem__(self, i: int) -> Packet: ...
    @overload
    def __getitem__(self, i: slice) -> list[Packet]: ...
    def __getitem__(self, i: int | slice) -> Packet | list[Packet]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if not isinstance(i, int):
            raise TypeError(f"capture indices are integers or slices, not {type(i).__name__}")
        if i < 0:
            i += len(self)
            if i < 0:
                raise IndexError("packet index out of range")
        cache = self._cache
        pkt = cache.get(i)
        if pkt is not None:
            cache.move_to_end(i)
            return pkt
        pkt = self._pinned.pop(i, None)
        if pkt is None:
            pkt = packet_from_record(self.records[i], self.chain)
        cache[i] = pkt
        if len(cache) > self._cache_size:
            j, old = cache.popitem(last=False)
            if old.edited:
                self._pinned[j] = old
        return pkt

    def __iter__(self) -> Iterator[Packet]:
        chain = self.chain
        cache = self._cache
        records_as = getattr(self.records, "records_as", None)
        if records_as is not None:
            yield from records_as(packet_maker(chain, cache, self._pinned))
            return
        for i, record in enumerate(self.records):
            pkt = cache.get(i)
            if pkt is None:
                pkt = self._pinned.get(i)
            yield pkt if pkt is not None else packet_from_record(record, chain)

    def to_dataframe(self, paths: Sequence[str]) -> Any:
        """A ``pandas.DataFrame`` of ``paths`` (columns) over every packet (rows); see
        :func:`pktscope.notebook.to_dataframe`. Raises PktscopeError without pandas."""
        from pktscope.notebook import to_dataframe  # noqa: PLC0415 - pandas/HTML are optional

        return to_dataframe(self, list(paths))

    def close(self) -> None:
        """Release the file."""
        close = getattr(self.records, "close", None)
        if close is not None:
            close()
        self._cache.clear()
        self._pinned.clear()

    def __enter__(self) -> Capture:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Capture {self.name}>"


def open_capture(
    path: str | os.PathLike[str] | BinaryIO | bytes,
    *,
    decode_as: Iterable[str | DecodeAs] = (),
    spec_dirs: Iterable[str | os.PathLike[str]] = (),
    spec: str | os.PathLike[str] | type | ModuleType | None = None,
) -> Capture:
    """Open a pcap/pcapng capture: ``for pkt in open_capture("dhcp.pcap"): pkt["dhcp.xid"]``.

    ``decode_as`` rules (``"udp.port==9000:myproto"``) and ``spec_dirs`` (where their spec
    names are looked up) apply to every packet; ``spec`` forces the first layer's spec
    instead of choosing it by each record's link type.
    """
    return Capture(open_records(path), decode_as=decode_as, spec_dirs=spec_dirs, spec=spec)
