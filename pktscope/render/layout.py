"""The three hexdump line layouts and the fast block builder behind every hexdump.

A layout says where, in a line of 16 bytes, the offset, each byte's two hex digits and each
ASCII character go. Lines are built a block (up to 2048 lines) at a time without a Python loop
per byte or per line: a block's output is one ``bytearray`` of identical line templates, and each
*column* (the high hex digit of byte 3, say) is written for every line at once with an extended
slice assignment (``out[col::line_len] = data[3::16].translate(HIGH_DIGIT)``). Hex digits and
the ASCII column come from 256-entry ``bytes.translate`` tables, offset digits from
precomputed 4096-entry digit patterns (blocks never straddle a 2048-line boundary, so the upper
offset digits are constant within a block). A short last line is built the ordinary way.

Layouts (each byte-identical to its reference, tested against it):

- ``classic``: the PyPI ``hexdump`` package 3.3 (``00000010: 41 42 ...  AB``, uppercase);
- ``canonical``: ``hexdump -C`` (``|ascii|`` column, repeated lines folded into ``*``, a last
  line with the end offset);
- ``xxd``: ``xxd`` (bytes in pairs, lowercase).

Offsets show ``base_offset + position``; they have 8 hex digits and grow past ``0xffffffff``
as the references do.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "ASCII_TABLE",
    "BYTES_PER_LINE",
    "FORMATS",
    "Layout",
    "as_bytes",
    "get_layout",
    "iter_blocks",
    "window",
]

BYTES_PER_LINE = 16
BLOCK_LINES = 2048  # a block's output stays in cache (~160 KB); must divide 4096
FOLD_SCAN_LINES = 4 * BLOCK_LINES  # lines scanned for hexdump -C folds per pass (~128 KB)
_HEXDIGITS = b"0123456789abcdef"
_UPPER = bytes.maketrans(b"abcdef", b"ABCDEF")
# Printable ASCII (0x20..0x7e) stays, everything else becomes "." (all three references agree).
ASCII_TABLE = bytes(b if 0x20 <= b <= 0x7E else 0x2E for b in range(256))


def _digit_tables(digits: bytes) -> tuple[bytes, bytes]:
    return bytes(digits[b >> 4] for b in range(256)), bytes(digits[b & 15] for b in range(256))


_PAIR_LOWER = _digit_tables(_HEXDIGITS)
_PAIR_UPPER = _digit_tables(_HEXDIGITS.upper())


@dataclass(frozen=True)
class Layout:
    """Geometry of one hexdump format, columns relative to the end of the offset digits."""

    name: str
    offset_sep: str  # between the offset digits and the first hex digit
    hex_cols: tuple[int, ...]  # column of byte i's high digit, relative to after offset_sep
    ascii_col: int  # column of the first ASCII character, same origin
    ascii_open: str  # text just before the ASCII column ("|" for canonical)
    ascii_close: str  # text after the last ASCII character
    upper: bool  # uppercase hex digits and offsets
    fold: bool  # fold repeated lines into "*" and finish with the end offset (hexdump -C)

    def prefix_len(self, width: int) -> int:
        """Columns before the first hex digit for offsets of ``width`` digits."""
        return width + len(self.offset_sep)

    def byte_col(self, i: int, width: int = 8) -> int:
        """Line column of byte ``i``'s high hex digit."""
        return self.prefix_len(width) + self.hex_cols[i]

    def char_col(self, i: int, width: int = 8) -> int:
        """Line column of byte ``i``'s ASCII character."""
        return self.prefix_len(width) + self.ascii_col + i

    def offset_text(self, offset: int) -> str:
        return f"{offset:08X}" if self.upper else f"{offset:08x}"

    def template(self, width: int, nbytes: int = BYTES_PER_LINE) -> bytearray:
        """A line of ``nbytes`` bytes with every variable column blank, newline included."""
        pre = self.prefix_len(width)
        line = bytearray(b" " * (pre + self.ascii_col))
        line[width:pre] = self.offset_sep.encode()
        opener = self.ascii_open.encode()
        line[pre + self.ascii_col - len(opener) : pre + self.ascii_col] = opener
        line += b" " * nbytes + self.ascii_close.encode() + b"\n"
        return line

    def line(self, offset: int, chunk: bytes) -> str:
        """One line (no newline) for up to 16 bytes: used for short lines and single rows."""
        width = max(8, _hex_len(offset))
        out = self.template(width, len(chunk))
        out[:width] = self.offset_text(offset).encode()
        hx = chunk.hex().encode()
        if self.upper:
            hx = hx.translate(_UPPER)
        pre = self.prefix_len(width)
        for i in range(len(chunk)):
            col = pre + self.hex_cols[i]
            out[col : col + 2] = hx[2 * i : 2 * i + 2]
        asc = pre + self.ascii_col
        out[asc : asc + len(chunk)] = chunk.translate(ASCII_TABLE)
        return out[:-1].decode("ascii")


FORMATS: dict[str, Layout] = {
    "classic": Layout(
        "classic", ": ", tuple(3 * i + (i >= 8) for i in range(16)), 50, "", "", True, False
    ),
    "canonical": Layout(
        "canonical", "  ", tuple(3 * i + (i >= 8) for i in range(16)), 51, "|", "|", False, True
    ),
    "xxd": Layout("xxd", ": ", tuple(2 * i + i // 2 for i in range(16)), 41, "", "", False, False),
}


def get_layout(fmt: str) -> Layout:
    """The layout named ``fmt``; ``ValueError`` listing the known ones otherwise."""
    try:
        return FORMATS[fmt]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ValueError(f"unknown hexdump format {fmt!r} (known: {known})") from None


def _hex_len(n: int) -> int:
    return max(1, (n.bit_length() + 3) // 4)


@functools.cache
def _patterns(upper: bool) -> tuple[bytes, bytes, bytes]:
    """Digit j (0 = lowest) of t for t in 0..4095, as three 4096-byte strings (built once)."""
    digits = _HEXDIGITS.upper() if upper else _HEXDIGITS
    return tuple(  # type: ignore[return-value]
        bytes(digits[(t >> (4 * j)) & 15] for t in range(4096)) for j in range(3)
    )


def _repeated_lines(buf: bytes, start: int, ka: int, kb: int) -> list[tuple[int, int]]:
    """Runs ``[a, b)`` within lines ``ka..kb-1`` whose 16 bytes equal the line before.

    Line ``k`` is ``buf[start + 16*k:][:16]``; this is hexdump -C's fold, found a block at a time
    while the block is in cache. Candidates come from three byte columns at once (a line can
    only repeat where its bytes 0, 7 and 15 repeat: one XOR of each column with itself shifted
    by a line, as big integers); each candidate is checked, and a confirmed run is extended by
    galloping comparisons of the data against itself shifted by one line.
    """
    lo = max(ka, 1) - 1  # the line before the first one compared
    n = kb - lo
    if n < 2:
        return []
    acc = 0
    for col in (0, 7, 15):
        c = int.from_bytes(buf[start + 16 * lo + col : start + 16 * kb : 16], "big")
        acc |= c ^ (c >> 8)
    # flags[i] is zero iff bytes 0, 7, 15 of line lo+i equal those of line lo+i-1 (i >= 1)
    flags = acc.to_bytes(n, "big")
    runs: list[tuple[int, int]] = []

    def same(a: int, b: int) -> bool:  # lines a..b-1 all equal line a-1
        x, y = start + 16 * a, start + 16 * b
        return buf[x:y] == buf[x - 16 : y - 16]

    i = flags.find(0, 1)
    while i >= 0:
        k = lo + i
        if not same(k, k + 1):
            i = flags.find(0, i + 1)
            continue
        good, step = k + 1, 1  # lines k..good-1 repeat; gallop, then bisect
        while good < kb and same(k, min(kb, good + step)):
            good = min(kb, good + step)
            step *= 2
        bad = min(kb, good + step)
        while bad - good > 1:
            mid = (good + bad) // 2
            if same(k, mid):
                good = mid
            else:
                bad = mid
        runs.append((k, good))
        i = flags.find(0, good - lo + 1)
    return runs


def _folded(
    buf: bytes, layout: Layout, first: int, start: int, nfull: int
) -> Iterator[bytes | bytearray]:
    """Full lines with hexdump -C's folding: a line equal to the one before is not printed, and
    the first of a run of such lines becomes ``*``."""
    blocks: dict[tuple[int, int, int], _Block] = {}
    k = 0  # next line to print
    in_run = False  # the last line seen was folded (a "*" is out for its run)
    for ca in range(0, nfull, FOLD_SCAN_LINES):
        cb = min(nfull, ca + FOLD_SCAN_LINES)
        for a, b in _repeated_lines(buf, start, ca, cb):
            if a > k:
                yield from _full_lines(buf, layout, first, start, ka=k, kb=a, blocks=blocks)
                in_run = False
            if not in_run:
                yield b"*\n"
                in_run = True
            k = b
        if k < cb:
            yield from _full_lines(buf, layout, first, start, ka=k, kb=cb, blocks=blocks)
            in_run = False
            k = cb


def iter_blocks(
    data: bytes | bytearray | memoryview,
    layout: Layout,
    *,
    base_offset: int = 0,
    start: int = 0,
    end: int | None = None,
) -> Iterator[bytes | bytearray]:
    """Encoded text of ``data[start:end]``, many whole lines (each ending in ``\\n``) at a time.

    A yielded ``bytearray`` is reused for the next block: consume (write, decode, copy) it
    before asking for the next one.
    """
    buf, start, end, shift = window(data, start, end)
    if end <= start:
        return
    nfull, rest = divmod(end - start, BYTES_PER_LINE)
    first = base_offset + shift + start
    if first < 0:
        raise ValueError(f"hexdump offsets must not be negative: base_offset+start={first}")
    if layout.fold:
        yield from _folded(buf, layout, first, start, nfull)
    else:
        yield from _full_lines(buf, layout, first, start, ka=0, kb=nfull, blocks={})
    tail = end - rest
    if rest:
        yield (layout.line(first + tail - start, buf[tail:end]) + "\n").encode("ascii")
    if layout.fold:
        yield (layout.offset_text(first + end - start) + "\n").encode("ascii")


def as_bytes(data: bytes | bytearray | memoryview) -> bytes:
    """``data`` as ``bytes`` (no copy for bytes); a view of wider items gives its raw bytes."""
    if type(data) is bytes:
        return data
    if isinstance(data, str):
        raise TypeError("hexdump needs bytes-like data, not str")
    view = memoryview(data)
    if view.format not in ("B", "b", "c") or view.ndim != 1:
        return view.tobytes()
    return bytes(view)


def window(
    data: bytes | bytearray | memoryview, start: int = 0, end: int | None = None
) -> tuple[bytes, int, int, int]:
    """``(buf, start, end, shift)`` with ``buf[start:end] == data[start+shift:end+shift]``.

    ``start``/``end`` are clamped like slice indexes. ``bytes`` are used as they are; anything
    else is copied, but only the window (a field of a large mmap-backed view stays cheap).
    """
    if isinstance(data, str):
        raise TypeError("hexdump needs bytes-like data, not str")
    if type(data) is bytes:
        start, end, _ = slice(start, end).indices(len(data))
        return data, start, max(start, end), 0
    view = memoryview(data)
    if view.format not in ("B", "b", "c") or view.ndim != 1:
        view = memoryview(view.tobytes())
    start, end, _ = slice(start, end).indices(len(view))
    end = max(start, end)
    return bytes(view[start:end]), 0, end - start, start


class _Block:
    """A reusable block of ``m`` line templates and the offset digits already written in it.

    Full blocks start at a line number ``u`` that is a multiple of 2048, so the three cycling
    offset digits of a block only depend on ``u & 0xfff`` (0 or 2048): with one block buffer
    for each, those columns are written once, and the constant upper digits only when they
    change (every 4096 lines, usually one column).
    """

    __slots__ = ("high", "line_len", "m", "out", "r", "t")

    def __init__(self, layout: Layout, width: int, m: int) -> None:
        self.out = layout.template(width) * m
        self.m = m
        self.line_len = len(self.out) // m
        self.r = -1
        self.t = -1
        self.high = b""

    def set_offsets(self, layout: Layout, width: int, u: int, r: int) -> None:
        out, m, line_len = self.out, self.m, self.line_len
        digits = _HEXDIGITS.upper() if layout.upper else _HEXDIGITS
        if r != self.r:
            out[width - 1 :: line_len] = digits[r : r + 1] * m
            self.r = r
        t = u & 0xFFF
        if t != self.t:
            pats = _patterns(layout.upper)
            for j in range(3):
                out[width - 2 - j :: line_len] = pats[j][t : t + m]
            self.t = t
        high = (f"{u >> 12:X}" if layout.upper else f"{u >> 12:x}").rjust(width - 4, "0").encode()
        old = self.high
        for col, ch in enumerate(high):
            if not old or old[col] != ch:
                out[col::line_len] = bytes((ch,)) * m
        self.high = high


def _full_lines(
    buf: bytes,
    layout: Layout,
    first: int,
    start: int,
    *,
    ka: int,
    kb: int,
    blocks: dict[tuple[int, int, int], _Block],
) -> Iterator[bytearray]:
    """Lines ``ka..kb-1`` (full lines only) of the dump whose line 0 is at ``buf[start]``.

    ``blocks`` keeps the reusable block buffers between calls of one dump.
    """
    r = first & 15
    u0 = first >> 4  # offset of line k is (u0 + k) * 16 + r
    k = ka
    while k < kb:
        u = u0 + k
        width = max(8, _hex_len(u * 16 + r))
        grow = -(-(16**width - r) // 16) - u0  # first line whose offset needs more digits
        stop = min(kb, k + BLOCK_LINES - (u % BLOCK_LINES), grow)
        m = stop - k
        key = (width, m, u & 0xFFF)
        block = blocks.get(key)
        if block is None:
            block = _Block(layout, width, m)
            if m == BLOCK_LINES:
                blocks[key] = block
        block.set_offsets(layout, width, u, r)
        _fill(
            block.out,
            layout,
            width,
            buf[start + BYTES_PER_LINE * k : start + BYTES_PER_LINE * stop],
        )
        yield block.out
        k = stop


def _fill(out: bytearray, layout: Layout, width: int, blk: bytes) -> None:
    """Write the hex and ASCII columns of the full lines ``blk`` into the block ``out``.

    Per byte column: one strided read of the input, three 256-entry translations (high digit,
    low digit, ASCII) and three strided writes; measured faster than hexlify + strided reads.
    """
    line_len = len(out) * BYTES_PER_LINE // len(blk)
    hi, lo = _PAIR_UPPER if layout.upper else _PAIR_LOWER
    pre = layout.prefix_len(width)
    asc = pre + layout.ascii_col
    for i, rel in enumerate(layout.hex_cols):
        col = blk[i::BYTES_PER_LINE]
        out[pre + rel :: line_len] = col.translate(hi)
        out[pre + rel + 1 :: line_len] = col.translate(lo)
        out[asc + i :: line_len] = col.translate(ASCII_TABLE)
