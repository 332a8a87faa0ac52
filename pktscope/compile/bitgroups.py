"""Byte-aligned groups of consecutive bit fields, read with one ``read`` and split by shifts.

``version: b4, ihl: b4`` (or IPv4's ``flags: b3, frag_offset: b13``) cost one
``KaitaiStream.read_bits_int_*`` call per field; when such fields are consecutive, unconditional
and add up to whole bytes, the group is read at once when the stream is byte-aligned at that point
(checked at run time), each field's value and span computed from the group's integer. Otherwise,
or when the data is cut short, the stream is put back and the field-by-field code runs, so values,
spans, errors and partial results are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from pktscope.compile.emit import Emitter
from pktscope.compile.reads import ReadEmitter
from pktscope.spec.model import Attr, TypeDef
from pktscope.spec.types import PRIM_RE

__all__ = ["BitGroup", "gen_bit_group", "group_bits"]

T = TypeVar("T")


@dataclass
class BitGroup:
    fields: list[tuple[int, Attr, int]]  # (seq index, attr, width in bits)
    endian: str  # "be" or "le"

    @property
    def nbytes(self) -> int:
        return sum(n for _, _, n in self.fields) // 8


def _simple_bits(t: TypeDef, a: Attr) -> tuple[int, str] | None:
    """``(width, bit endianness)`` of an unconditional, unrepeated bit field."""
    if a.kind != "seq" or a.if_expr or a.repeat or a.switch or a.process or a.type is None:
        return None
    if a.contents is not None:
        return None
    m = PRIM_RE.match(a.type)
    if not m or not m.group(5):
        return None
    endian = m.group(7) or t.bit_endian()
    if endian not in ("be", "le"):
        return None
    return int(m.group(6)), endian


def group_bits(t: TypeDef, items: Sequence[T]) -> list[T | BitGroup]:
    """Replace runs of plan items ``(index, attr)`` that are simple bit fields by
    :class:`BitGroup` items where they add up to whole bytes (the longest such prefix)."""
    out: list[T | BitGroup] = []
    k = 0
    while k < len(items):
        item = items[k]
        cand: list[tuple[int, Attr, int]] = []
        endian = None
        j = k
        while j < len(items):
            cur = items[j]
            if not isinstance(cur, tuple):
                break
            idx: int = cur[0]
            a: Attr = cur[1]
            info = _simple_bits(t, a)
            if info is None or (endian is not None and info[1] != endian):
                break
            endian = info[1]
            cand.append((idx, a, info[0]))
            j += 1
        total, cut = 0, 0
        for m, (_, _, n) in enumerate(cand):
            total += n
            if total % 8 == 0:
                cut = m + 1
        if cut >= 2 and endian is not None:
            out.append(BitGroup(cand[:cut], endian))
            k += cut
        else:
            out.append(item)
            k += 1
    return out


def gen_bit_group(  # noqa: PLR0917 - internal emitter step
    em: Emitter,
    group: BitGroup,
    key: int,
    reads: ReadEmitter,
    name_of: Callable[[Attr], str],
    slow: Callable[[int, Attr], None],
) -> None:
    """The fast read of ``group``, falling back to ``slow(index, attr)`` per field. The fast
    read records the group's start byte under ``key`` (negative; the fields' bit offsets are
    in the class table ``_PKT_BITS``), the fallback a span per field."""
    n = group.nbytes
    fast = reads.fast
    em.line(f"_f = {group.fields[0][0]}")
    if fast:  # buffer mode: always byte-aligned here
        em.line("_q = _p")
        cond = f"_p + {n} <= _z"
        data = "_B[_o + _p]" if n == 1 else f"_B[_o + _p : _o + _p + {n}]"
    else:
        em.line("_q = _io._io.tell()")
        em.line(f"_d = b'' if _io.bits_left else _io._io.read({n})")
        cond = f"len(_d) == {n}"
        data = "_d[0]" if n == 1 else "_d"
    with em.block(f"if {cond}:"):
        order = "big" if group.endian == "be" else "little"
        em.line(f"_x = {data}" if n == 1 else f"_x = int.from_bytes({data}, {order!r})")
        em.line(f"_s[{key}] = _q")
        off = 0
        for idx, a, width in group.fields:
            target = f"self.{name_of(a)}"
            shift = n * 8 - off - width if group.endian == "be" else off
            val = f"(_x >> {shift})" if shift else "_x"
            above = off if group.endian == "be" else n * 8 - off - width  # bits above it
            if above:
                val = f"{val} & {(1 << width) - 1:#x}"
            if width == 1 and not a.enum:
                val = f"({val}) != 0"
            if a.enum or a.valid is not None:
                em.line(f"_f = {idx}")
            em.line(f"{target} = {val}")
            if a.enum:
                em.line(f"{target} = {reads.enum_wrap(a, target)}")
            reads.valid(em, a, target)
            off += width
        em.line(f"_p = _q + {n}")
    with em.block("else:"):
        if fast:
            # too few bytes: the field-by-field stream reads keep what fits, then fail
            em.line("_io = self._io")
            em.line("_io.align_to_byte()")
            em.line("_io._io.seek(_p)")
            reads.fast = False
            try:
                for idx, a, _ in group.fields:
                    slow(idx, a)
            finally:
                reads.fast = True
        else:
            with em.block("if _d:"):
                em.line("_io._io.seek(_q)")
            for idx, a, _ in group.fields:
                slow(idx, a)
