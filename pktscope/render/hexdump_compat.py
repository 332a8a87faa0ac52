"""A drop-in for the PyPI ``hexdump`` package 3.3: same functions, same output, much faster.

``hexdump``, ``dumpgen``, ``dump``, ``dehex`` and ``restore`` give byte-identical results to the
package (tested against it), including its edge cases: empty input prints nothing, ``str``
input to :func:`hexdump` raises ``TypeError``, an unknown ``result`` raises ``ValueError``,
``restore`` raises what the package raises on text it cannot read.

Bytes-like input (``bytes``, ``bytearray``, byte ``memoryview``/``array``) goes through the
column-wise builder of :mod:`pktscope.render.layout`. File-like objects (anything with
``read``) are read in large blocks; their lines are the package's whenever ``read(n)`` returns
``n`` bytes until end of file (regular files, ``BufferedReader``, ``BytesIO``), since the
package's addresses count 16-byte reads. Other sequences (items wider than a byte) take a
line-by-line path that mirrors the package's own algorithm.
"""

from __future__ import annotations

import binascii
import sys
from collections.abc import Iterator
from typing import Any, Literal, overload

from pktscope.render.layout import BLOCK_LINES, BYTES_PER_LINE, FORMATS, iter_blocks

__all__ = ["dehex", "dump", "dumpgen", "hexdump", "restore"]

_CLASSIC = FORMATS["classic"]
_READ_SIZE = BYTES_PER_LINE * BLOCK_LINES


def dehex(hextext: str) -> bytes:
    """Binary data from hex text, whitespace ignored: ``dehex("41 42") == b"AB"``."""
    return bytes.fromhex(hextext)


def _chunks(seq: Any, size: int) -> Iterator[Any]:
    # The package's chunking, kept exact (including its results for size <= 0).
    d, m = divmod(len(seq), size)
    for i in range(d):
        yield seq[i * size : (i + 1) * size]
    if m:
        yield seq[d * size :]


def dump(binary: Any, size: int = 2, sep: str = " ") -> str:
    """Uppercase hex in chunks of ``size`` hex characters: ``dump(b"\\x00\\xde") == "00 DE"``."""
    if size == 2 and isinstance(sep, str) and len(sep) == 1 and sep.isascii() and not sep.isalnum():
        try:
            return memoryview(binary).cast("B").hex(sep).upper()
        except (TypeError, ValueError):
            pass  # not a plain contiguous buffer: let binascii decide, as the package does
    text = binascii.hexlify(binary).decode("ascii").upper()
    return sep.join(_chunks(text, size))


def _byte_buffer(data: Any) -> bytes | bytearray | memoryview | None:
    """``data`` as a buffer of bytes when it is one (one item per byte), else None."""
    if isinstance(data, bytes | bytearray):
        return data
    try:
        view = memoryview(data)
    except TypeError:
        return None
    if view.ndim == 1 and view.itemsize == 1 and view.format in ("B", "b", "c"):
        return view
    return None


def _lines(blocks: Iterator[bytes | bytearray]) -> Iterator[str]:
    for block in blocks:
        yield from block.decode("ascii").split("\n")[:-1]


def _file_lines(stream: Any) -> Iterator[str]:
    carry = b""
    line_no = 0
    while True:
        chunk = stream.read(_READ_SIZE)
        if not chunk:
            break
        chunk = carry + bytes(chunk)
        whole = len(chunk) - len(chunk) % BYTES_PER_LINE
        carry = chunk[whole:]
        if whole:
            yield from _lines(
                iter_blocks(chunk, _CLASSIC, base_offset=line_no * BYTES_PER_LINE, end=whole)
            )
            line_no += whole // BYTES_PER_LINE
    if carry:
        yield _CLASSIC.line(line_no * BYTES_PER_LINE, carry)


def _generic_lines(data: Any) -> Iterator[str]:
    """The package's own algorithm, for sequences whose items are not bytes."""
    for addr, d in enumerate(_chunks(data, 16)):
        line = f"{addr * 16:08X}: "
        dumpstr = dump(d)
        line += dumpstr[: 8 * 3]
        if len(d) > 8:
            line += " " + dumpstr[8 * 3 :]
        pad = 2
        if len(d) < 16:
            pad += 3 * (16 - len(d))
        if len(d) <= 8:
            pad += 1
        line += " " * pad
        line += "".join(chr(b) if 0x20 <= b <= 0x7E else "." for b in d)
        yield line


def dumpgen(data: Any) -> Iterator[str]:
    """Lines of the dump (no newline) of bytes or a file-like object, lazily."""
    if hasattr(data, "read"):
        yield from _file_lines(data)
        return
    buf = _byte_buffer(data)
    if buf is None:
        yield from _generic_lines(data)
        return
    yield from _lines(iter_blocks(buf, _CLASSIC))


def _text(data: Any) -> str:
    buf = None if hasattr(data, "read") else _byte_buffer(data)
    if buf is None:
        return "\n".join(dumpgen(data))
    parts = [block.decode("ascii") for block in iter_blocks(buf, _CLASSIC)]
    if parts:
        parts[-1] = parts[-1][:-1]  # the package joins lines: no newline after the last
    return "".join(parts)


@overload
def hexdump(data: Any, result: Literal["print"] = "print") -> None: ...
@overload
def hexdump(data: Any, result: Literal["return"]) -> str: ...
@overload
def hexdump(data: Any, result: Literal["generator"]) -> Iterator[str]: ...
@overload
def hexdump(data: Any, result: str) -> str | Iterator[str] | None: ...


def hexdump(data: Any, result: str = "print") -> str | Iterator[str] | None:
    """Hexdump ``data`` as the ``hexdump`` package does.

    ``result="print"`` prints it, ``"return"`` returns one string (lines joined by newlines,
    none at the end), ``"generator"`` returns an iterator of lines::

        00000000: 00 00 00 5B 68 65 78 64  75 6D 70 5D 00 00 00 00  ...[hexdump]....
    """
    if type(data) is str:
        raise TypeError("Abstract unicode data (expected bytes sequence)")
    if result == "generator":
        return dumpgen(data)
    if result == "return":
        return _text(data)
    if result == "print":
        buf = None if hasattr(data, "read") else _byte_buffer(data)
        out = sys.stdout
        if buf is None:
            for line in dumpgen(data):
                out.write(line + "\n")
        else:
            for block in iter_blocks(buf, _CLASSIC):
                out.write(block.decode("ascii"))
        return None
    raise ValueError("Unknown value of `result` argument")


def restore(dump: str) -> bytes:
    """Bytes back from a hexdump (this module's, Scapy's or Far Manager's) or plain hex text.

    Raises ``TypeError`` for non-``str`` input and whatever the package raises on text it
    cannot read (``ValueError`` from bad hex, ``IndexError`` for a line under 3 characters).
    """
    minhexwidth = 2 * 16
    bytehexwidth = 3 * 16 - 1
    if type(dump) is not str:
        raise TypeError("Invalid data for restore")
    parts: list[bytes] = []
    for line in dump.strip().split("\n"):
        addrend = line.find(":")
        if 0 < addrend < minhexwidth:
            line = line[addrend + 1 :]
        line = line.lstrip()
        if line[2] == " ":
            sepstart = (2 + 1) * 7 + 2
            sep = line[sepstart : sepstart + 3]
            if sep[:2] == "  " and sep[2:] != " ":
                line = line[: bytehexwidth + 1]
            elif sep[2:] == " ":
                line = line[:sepstart] + line[sepstart + 3 : bytehexwidth + 2]
            else:
                line = line[:bytehexwidth]
        parts.append(dehex(line))
    return b"".join(parts)
