"""The fast ``fields`` loop: records → extractor → rows, the full decode for frames it refuses.

A classic pcap file is walked here directly (record headers read in place, each frame handed
to the extractor as bounds into the file's bytes, nothing copied), stopping exactly where the
capture index stops (:meth:`pktscope.capture.index.FrameIndex._walk_pcap`: a cut record header,
a ``cap_len`` past the end of the file or over the record limit). Other formats come through
:func:`pktscope.capture.open.open_records`. A frame the extractor refuses (it raises
:class:`~pktscope.extract.runtime.Fallback`, or anything else) becomes a
:class:`~pktscope.fields.packet.Packet` like the full path makes, and ``slow_row`` renders it.
"""

from __future__ import annotations

import itertools
import mmap
import os
import struct
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pktscope.errors import CaptureError

if TYPE_CHECKING:
    from pktscope.extract.cache import Extractor
    from pktscope.extract.render import RowCode

__all__ = ["Stats", "scan"]

FILE_HEADER_SIZE = 24
# classic pcap magics walked here: (byte order, nanosecond); the capture package reads these
# and the rarer ones (modified pcap) itself: a file with another magic goes through it
MAGICS = {
    bytes.fromhex("d4c3b2a1"): ("<", False),
    bytes.fromhex("a1b2c3d4"): (">", False),
    bytes.fromhex("4d3cb2a1"): ("<", True),
    bytes.fromhex("a1b23c4d"): (">", True),
}
MAX_RECORD_SIZE = 256 * 1024 * 1024  # = pktscope.capture.records.MAX_RECORD_SIZE (tested)
_CHUNK_MASK = 4095  # lines are written 4096 at a time


class Stats:
    """Frames seen, frames that took the full decode, and the number of a frame the file
    ends in the middle of (0: none), by the last scan."""

    __slots__ = ("cut", "fallback", "frames")

    def __init__(self) -> None:
        self.frames = 0
        self.fallback = 0
        self.cut = 0


def _record(buf: Any, off: int, number: int) -> Any:
    """The record at ``off`` as the capture package builds it (for the full decode)."""
    from pktscope.capture.pcap import parse_file_header, record_at  # noqa: PLC0415 - cold path

    return record_at(parse_file_header(buf), buf, off, number)


class _Slow:
    """Builds packets for refused frames (the chain loads on first use)."""

    def __init__(self) -> None:
        self.chain: Any = None

    def packet(self, record: Any) -> Any:
        from pktscope.dissect.capture import packet_from_record  # noqa: PLC0415 - cold path

        if self.chain is None:
            from pktscope.dissect.chain import Chain  # noqa: PLC0415 - cold path

            self.chain = Chain()
        return packet_from_record(record, self.chain)


def scan(
    path: str,
    extractor: Extractor,
    *,
    row: RowCode,
    slow_row: Callable[[Any], str],
    limit: int | None,
    write: Callable[[str], object],
    jobs: int = 1,
    tick: Callable[[int], object] | None = None,
) -> Stats:
    """Write one line per frame of the capture at ``path`` (at most ``limit``), in chunks.

    ``jobs`` > 1 shares a classic pcap's frames among that many forked workers (see
    :func:`_pcap_parallel`; the output is the same, in order). ``tick(offset)`` is called
    after each chunk with the file offset reached (a progress bar).
    """
    stats = Stats()
    try:
        fh = Path(path).open("rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise CaptureError(f"cannot open {path}: {exc.strerror or exc}") from exc
    with fh:
        head = fh.read(FILE_HEADER_SIZE)
        header = _header(head)
        if header is None:  # pcapng, or a capture the index reports on: the common path
            _records(path, extractor, row, slow_row, limit, write, stats)
            return stats
        buf: Any
        try:  # mapped: pages are read as the loop reaches them (`-c 1` reads one)
            buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            fh.seek(0)
            buf = fh.read()
        try:
            samples = _samples(buf, header[0]) if _specialise(len(buf), limit) else None
            line_of = _framer(extractor, row, header[1], buf, samples)
            if jobs > 1 and hasattr(os, "fork"):
                _pcap_parallel(buf, header, line_of, slow_row, limit, write, stats, jobs, tick)
            else:
                _pcap(buf, header, line_of, slow_row, limit, write, stats, tick)
        finally:
            if isinstance(buf, mmap.mmap):
                buf.close()
    return stats


def _framer(
    extractor: Extractor,
    row: RowCode,
    linktype: int,
    buf: Any = None,
    samples: list[tuple[int, int]] | None = None,
) -> Callable[[Any, int, int], str]:
    """A frame's line from its bounds in the capture: extraction and row in one call,
    specialised to the path most of ``samples`` (the first frames' bounds in ``buf``) take
    when there are samples (:mod:`pktscope.extract.trace`)."""
    layer = extractor.first.get(linktype)
    if layer is not None:
        general = row.framer(layer, len(extractor.facts))
        if samples:
            from pktscope.extract.trace import specialised  # noqa: PLC0415 - big captures only

            try:
                fast = specialised(
                    layer,
                    extractor.source,
                    row,
                    columns=len(extractor.facts),
                    general=general,
                    buf=buf,
                    samples=samples,
                )
            except Exception:  # an optimisation that fails must not stop the scan
                fast = None
            if fast is not None:
                return fast
        return general
    extract, to_line = extractor.extract, row.row

    def line_of(buf: Any, start: int, end: int) -> str:
        return to_line(extract(buf, start, end, linktype))

    return line_of


# tracing and building cost ~42M instructions (~10 ms) and save ~11k a frame on the benchmark
# frames: worth it from ~4,000 frames on
SPECIALISE_MIN_BYTES = 4 << 20
SPECIALISE_MIN_FRAMES = 5_000  # the same for ``-c N``


def _specialise(size: int, limit: int | None) -> bool:
    """Whether to specialise the extractor to the capture's first frames:
    ``PKTSCOPE_FIELDS_SPECIALISE=1`` always, ``0`` never, otherwise for big captures."""
    flag = os.environ.get("PKTSCOPE_FIELDS_SPECIALISE", "")
    if flag in ("0", "1"):
        return flag == "1"
    return size >= SPECIALISE_MIN_BYTES and (limit is None or limit >= SPECIALISE_MIN_FRAMES)


def _samples(buf: Any, endian: str) -> list[tuple[int, int]]:
    """The bounds of the capture's first frames (at most ``trace.SAMPLES``)."""
    from pktscope.extract.trace import SAMPLES  # noqa: PLC0415 - big captures only

    cap_len_at = struct.Struct(endian + "I").unpack_from
    out: list[tuple[int, int]] = []
    off, size = FILE_HEADER_SIZE, len(buf)
    while off + 16 <= size and len(out) < SAMPLES:
        (cap_len,) = cap_len_at(buf, off + 8)
        start, end = off + 16, off + 16 + cap_len
        if end > size or cap_len > MAX_RECORD_SIZE:
            break
        out.append((start, end))
        off = end
    return out


def _header(head: bytes) -> tuple[str, int] | None:
    """Byte order and link type of a classic pcap this loop walks (None: leave the file to
    the capture package, which reads it or reports what is wrong), as ``parse_file_header``
    reads them."""
    fmt = MAGICS.get(head[:4])
    if fmt is None or len(head) < FILE_HEADER_SIZE:
        return None
    major, _minor, _zone, _sigfigs, _snaplen, linktype = struct.unpack_from(
        fmt[0] + "HHiIII", head, 4
    )
    if major != 2:
        return None
    return fmt[0], linktype & 0xFFFF  # the upper bits are FCS flags


def _pcap(  # noqa: PLR0917 - one loop's facts
    buf: Any,
    header: tuple[str, int],
    line_of: Callable[[Any, int, int], str],
    slow_row: Callable[[Any], str],
    limit: int | None,
    write: Callable[[str], object],
    stats: Stats,
    tick: Callable[[int], object] | None = None,
) -> None:
    for text, fallback, offset in _chunks(buf, header, line_of, slow_row, limit, stats):
        write(text)
        stats.fallback += fallback
        if tick is not None:
            tick(offset)


def _chunks(  # noqa: PLR0917 - one loop's facts
    buf: Any,
    header: tuple[str, int],
    line_of: Callable[[Any, int, int], str],
    slow_row: Callable[[Any], str],
    limit: int | None,
    done: Stats,
    k: int = 0,
    jobs: int = 1,
) -> Iterator[tuple[str, int, int]]:
    """The lines of chunks ``k``, ``k + jobs``, ... of ``CHUNK`` frames (all of them for one
    job), each as ``(text, frames that took the full decode, file offset reached)``; at the end
    ``done.frames`` and ``done.cut`` say how many frames there were and where the file ends
    early. Every job walks every record header, so all agree on the frame numbers."""
    size = len(buf)
    hsize = 16
    endian, _linktype = header
    cap_len_at = struct.Struct(endian + "I").unpack_from
    last = size - hsize
    off = FILE_HEADER_SIZE
    number = 0
    slow = _Slow()
    stop = limit if limit is not None else -1
    lines: list[str] = []
    append = lines.append
    fallback = 0
    mine = k == 0  # is the chunk being walked this job's?
    while off <= last:
        (cap_len,) = cap_len_at(buf, off + 8)
        start = off + hsize
        end = start + cap_len
        if end > size or cap_len > MAX_RECORD_SIZE:
            done.cut = number + 1
            break
        number += 1
        if mine:
            try:
                append(line_of(buf, start, end))
            except Exception:  # the extractor refused the frame: the full decode decides
                fallback += 1
                append(slow_row(slow.packet(_record(buf, off, number))))
        off = end
        if not number & _CHUNK_MASK:
            if mine:
                append("")
                yield "\n".join(lines), fallback, off
                lines.clear()
                fallback = 0
            mine = (number // CHUNK) % jobs == k
        if number == stop:
            break
    else:
        if off != size:  # a record header cut short
            done.cut = number + 1
    if lines:
        append("")
        yield "\n".join(lines), fallback, off
    done.frames = number


# -- several processes ---------------------------------------------------------------------
# Each worker walks every record header (cheap) and extracts the chunks of CHUNK frames whose
# number is its own modulo ``jobs``; the parent writes the chunks back in order. A message on a
# worker's pipe is a header (kind, payload bytes, frames, fallbacks, file offset reached) and a
# payload: a chunk's lines (UTF-8), or at the end the cut frame number, or an error's text.
CHUNK = _CHUNK_MASK + 1
_MSG = struct.Struct("<BQQQQ")
_CHUNK_MSG, _END_MSG, _ERROR_MSG = 0, 1, 2


def _pcap_parallel(  # noqa: PLR0917 - one loop's facts
    buf: Any,
    header: tuple[str, int],
    line_of: Callable[[Any, int, int], str],
    slow_row: Callable[[Any], str],
    limit: int | None,
    write: Callable[[str], object],
    stats: Stats,
    jobs: int,
    tick: Callable[[int], object] | None = None,
) -> None:
    """:func:`_pcap` shared among ``jobs`` forked processes; same output, same stats."""
    readers: list[Any] = []
    pids: list[int] = []
    try:
        for k in range(jobs):
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                os.close(r)
                for other in readers:
                    other.close()
                _worker(buf, header, line_of, slow_row, limit, w, k, jobs)
            os.close(w)
            pids.append(pid)
            readers.append(os.fdopen(r, "rb"))
        _collect(readers, write, stats, tick)
    finally:
        for reader in readers:
            reader.close()
        for pid in pids:
            os.waitpid(pid, 0)


def _collect(
    readers: list[Any],
    write: Callable[[str], object],
    stats: Stats,
    tick: Callable[[int], object] | None,
) -> None:
    """Write the workers' chunks in frame order; then take their end messages."""
    jobs = len(readers)
    ended: set[int] = set()
    c = 0
    while True:
        k = c % jobs
        kind, payload, frames, fallback, offset = _message(readers[k])
        if kind == _CHUNK_MSG:
            write(payload.decode())
            stats.fallback += fallback
            if tick is not None:
                tick(offset)
            c += 1
            continue
        if kind == _ERROR_MSG:
            raise CaptureError(f"a fields worker failed: {payload.decode(errors='replace')}")
        ended.add(k)  # no chunk c: every worker is at its end
        stats.frames = frames
        stats.cut = int(payload.decode() or 0)
        break
    for j in range(jobs):
        if j not in ended:
            kind, payload, _f, _fb, _o = _message(readers[j])
            if kind == _ERROR_MSG:
                raise CaptureError(f"a fields worker failed: {payload.decode(errors='replace')}")


def _message(reader: Any) -> tuple[int, bytes, int, int, int]:
    head = reader.read(_MSG.size)
    if len(head) != _MSG.size:
        raise CaptureError("a fields worker ended without its result")
    kind, size, frames, fallback, offset = _MSG.unpack(head)
    payload = reader.read(size)
    if len(payload) != size:
        raise CaptureError("a fields worker ended in the middle of its result")
    return kind, payload, frames, fallback, offset


def _worker(  # noqa: PLR0917 - one loop's facts
    buf: Any,
    header: tuple[str, int],
    line_of: Callable[[Any, int, int], str],
    slow_row: Callable[[Any], str],
    limit: int | None,
    fd: int,
    k: int,
    jobs: int,
) -> None:
    """A forked worker's whole life: its chunks down ``fd``, then ``os._exit``."""
    code = 0
    try:
        with os.fdopen(fd, "wb") as pipe:
            try:
                _work(buf, header, line_of, slow_row, limit, pipe, k, jobs)
            except BaseException as exc:  # reported to the parent, which raises
                text = f"{type(exc).__name__}: {exc}".encode()
                pipe.write(_MSG.pack(_ERROR_MSG, len(text), 0, 0, 0) + text)
                code = 1
    except BaseException:  # the pipe is gone (the parent stopped reading)
        code = 1
    os._exit(code)


def _work(  # noqa: PLR0917 - one loop's facts
    buf: Any,
    header: tuple[str, int],
    line_of: Callable[[Any, int, int], str],
    slow_row: Callable[[Any], str],
    limit: int | None,
    pipe: Any,
    k: int,
    jobs: int,
) -> None:
    """The chunks ``k``, ``k + jobs``, ... down ``pipe``, then the end message."""
    done = Stats()
    for text, fallback, offset in _chunks(buf, header, line_of, slow_row, limit, done, k, jobs):
        data = text.encode()
        pipe.write(_MSG.pack(_CHUNK_MSG, len(data), 0, fallback, offset) + data)
        pipe.flush()
    cut = str(done.cut).encode() if done.cut else b""
    pipe.write(_MSG.pack(_END_MSG, len(cut), done.frames, 0, 0) + cut)
    pipe.flush()


def _records(  # noqa: PLR0917 - one loop's facts
    path: str,
    extractor: Extractor,
    row: RowCode,
    slow_row: Callable[[Any], str],
    limit: int | None,
    write: Callable[[str], object],
    stats: Stats,
) -> None:
    """The loop for pcapng (and what else the capture package reads): records one by one,
    each interface's link type with its own line function; the first frames' link type
    specialised to their path as for a classic pcap."""
    from pktscope.capture.open import open_records  # noqa: PLC0415 - pcapng and others

    slow = _Slow()
    n = 0
    lines: list[str] = []
    framers: dict[int, Callable[[Any, int, int], str]] = {}
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0
    with open_records(path) as rf:
        records = iter(rf)
        head: list[Any] = []
        if _specialise(size, limit):
            from pktscope.extract.trace import SAMPLES  # noqa: PLC0415 - big captures only

            head = list(itertools.islice(records, SAMPLES))
        if head:
            lt = head[0].linktype
            datas = [bytes(r.data) for r in head if r.linktype == lt]
            buf = b"".join(datas)
            bounds, at = [], 0
            for d in datas:
                bounds.append((at, at + len(d)))
                at += len(d)
            framers[lt] = _framer(extractor, row, lt, buf, bounds)
        for rec in itertools.chain(head, records):
            line_of = framers.get(rec.linktype)
            if line_of is None:
                line_of = framers[rec.linktype] = _framer(extractor, row, rec.linktype)
            data = rec.data
            n += 1
            try:
                lines.append(line_of(data, 0, len(data)))
            except Exception:  # the extractor refused the frame: the full decode decides
                stats.fallback += 1
                lines.append(slow_row(slow.packet(rec)))
            if not n & _CHUNK_MASK:
                lines.append("")
                write("\n".join(lines))
                lines.clear()
            if n == limit:
                break
        else:
            if rf.warning is not None:  # the file ends early: the caller reports where
                stats.cut = n + 1
    if lines:
        lines.append("")
        write("\n".join(lines))
    stats.frames = n
