"""Repeated attributes: the element-by-element loop, and the one-go read of arrays of
fixed-size elements (numbers or byte strings of a literal size) with lazily derived spans
(one ``(start, elem_size, count, None)`` record, see ``runtime.py``), which falls back to the
loop when the data is irregular.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pktscope.compile.emit import Emitter
from pktscope.compile.reads import CODES, ReadEmitter
from pktscope.compile.translate import Ctx
from pktscope.errors import SpecError
from pktscope.spec import expr_ast as A
from pktscope.spec.expr import parse_expr
from pktscope.spec.model import Attr, TypeDef, parse_type_ref
from pktscope.spec.types import PRIM_RE, prim_size

if TYPE_CHECKING:
    from pktscope.compile.python import ModuleGen

__all__ = ["bulk_elem", "gen_bulk", "gen_loop", "is_bits"]


def bulk_elem(reads: ReadEmitter, a: Attr) -> tuple[str, int, str | None] | None:
    """``(struct code, size, endian)`` of the elements of a ``repeat: eos``/``expr``
    attribute that can be read in one go (fixed-size numbers or byte arrays, no checks)."""
    if a.repeat not in ("eos", "expr") or a.valid is not None or a.switch or a.process:
        return None
    if a.contents is not None or a.terminator is not None or a.pad_right is not None:
        return None
    if a.type is None:
        if a.size is None:
            return None
        try:
            node = parse_expr(a.size.text)
        except SpecError:
            return None
        if isinstance(node, A.IntLit) and 0 < node.value < 1 << 20:
            return (f"{node.value}s", node.value, None)
        return None
    m = PRIM_RE.match(a.type)
    if not m or m.group(5):
        return None
    kind = (m.group(1) or m.group(3)) + (m.group(2) or m.group(4))
    size = prim_size(a.type)
    assert size is not None
    endian = None if size == 1 else reads.endian_of(a, a.type)
    if endian == "switch":
        return None
    return (CODES[kind], size, endian)


def gen_bulk(  # noqa: PLR0917 - internal emitter step
    em: Emitter,
    reads: ReadEmitter,
    a: Attr,
    target: str,
    key: str,
    elem: tuple[str, int, str | None],
    wrap: Callable[[str], str],
) -> bool:
    """Read a whole array of fixed-size elements; leaves an open ``if`` for the fallback
    (returns False when there is none: bytes in buffer mode always split evenly).

    Sets ``_r`` (the bytes read, ``None`` when nothing was read) and, for ``repeat: expr``,
    ``_c`` (the count) for the element loop that follows in the ``else:`` branch."""
    code, size, endian = elem
    if a.repeat == "eos" and reads.fast:
        em.line("_r = _B[_o + _p : _o + _z]")
        ok = "True" if size == 1 else f"len(_r) % {size} == 0"
    elif a.repeat == "eos":
        em.line("_r = None if _io.bits_left else _io._io.read()")
        ok = "_r is not None" + (f" and len(_r) % {size} == 0" if size > 1 else "")
    else:
        assert a.repeat_expr is not None
        em.line(f"_c = {reads.expr(a.repeat_expr)}")
        if reads.fast:
            em.line(
                f"_r = _B[_o + _p : _o + _p + _c * {size}] if _c.__class__ is int and _c >= 0 "
                "else None"
            )
        else:
            em.line(
                f"_r = _io._io.read(_c * {size}) if _c.__class__ is int and _c >= 0 "
                "and not _io.bits_left else None"
            )
        ok = f"_r is not None and len(_r) == _c * {size}"
    count = "len(_r)" if size == 1 else f"len(_r) // {size}"
    if code.endswith("s"):
        value = (
            f"[_r] if len(_r) == {size} else "
            f"[_r[_k : _k + {size}] for _k in range(0, len(_r), {size})]"
        )
    elif code == "B":
        value = "list(_r)"
    else:
        prefix = "<" if endian == "le" else ">"
        value = f"list(_struct.unpack('{prefix}%d{code}' % ({count}), _r))"
    if a.enum:
        e = reads.ctx.uni.resolve_enum(reads.t, a.enum)
        if e is None:
            raise reads.gen.error(f"unknown enum {a.enum!r}", f"{a.path}/enum")
        emap = reads.gen.enum_map(e) or f"{reads.ctx.enum_ref(e)}._value2member_map_"
        if code == "B":
            value = f"list(map({emap}.get, _r, _r))"
        else:
            value = f"[{emap}.get(_x, _x) for _x in {value}]"
    if ok == "True":
        em.line(f"{target} = {value}")
        em.line(f"_s[{key}] = {wrap(f'(_p, {size}, {count}, None)')}")
        em.line("_p += len(_r)")
        return False
    em.line(f"if {ok}:")
    with em.indent():
        em.line(f"{target} = {value}")
        em.line(f"_s[{key}] = {wrap(f'(_p, {size}, {count}, None)')}")
        em.line("_p += len(_r)")
    return True


def gen_loop(  # noqa: PLR0917 - internal emitter step
    gen: ModuleGen,
    em: Emitter,
    t: TypeDef,
    a: Attr,
    target: str,
    key: str,
    reads: ReadEmitter,
    ctx: Ctx,
    wrap: Callable[[str], str],
    count: str | None = None,
) -> None:
    """The element-by-element loop of a repeated attribute."""
    em.line(f"{target} = _v = []")
    em.line("_a = [_p]")
    em.line(f"_s[{key}] = {wrap('_a')}")
    et = gen.uni.attr_type(t, a, element=True)
    if a.repeat == "eos":
        em.line("i = 0")
        header = "while _p < _z:" if reads.fast else "while not _io.is_eof():"
    elif a.repeat == "expr":
        assert a.repeat_expr is not None
        header = f"for i in range({count or reads.expr(a.repeat_expr)}):"
    else:
        em.line("i = 0")
        header = "while True:"
    # an element that consumes nothing would repeat forever: stop with an error
    guard = a.repeat == "eos" and not is_bits(gen, t, a)
    with em.block(header):
        if guard:
            em.line("_q = _p")
        reads.attr(em, a, "_t", lambda rec: f"_a.append({rec})", ctx)
        em.line("_v.append(_t)")
        if guard:
            cond = "_p == _q" if reads.fast else "_p == _q and _io._io.tell() == _q"
            with em.block(f"if {cond}:"):
                em.line(
                    "raise _kaitaistruct.KaitaiStructError('repeated element consumed no "
                    f"bytes', {a.path!r})"
                )
        reads.valid(em, a, "_t")
        if a.repeat == "until":
            assert a.repeat_until is not None
            c = ctx.with_local(_=("_t", et))
            em.line(f"if {reads.expr(a.repeat_until, c)}:")
            with em.indent():
                em.line("break")
        if a.repeat != "expr":
            em.line("i += 1")


def is_bits(gen: ModuleGen, t: TypeDef, a: Attr) -> bool:
    """True when ``a`` reads bit fields (its elements may not advance the byte position)."""
    names = [c for _, c in a.switch.cases] if a.switch else [a.type or ""]
    for n in names:
        m = PRIM_RE.match(parse_type_ref(n)[0])
        if m and m.group(5):
            return True
        ut = gen.uni.resolve_type(t, parse_type_ref(n)[0]) if n else None
        if ut is not None and any(
            (x.type or "").startswith("b") and PRIM_RE.match(x.type or "") for x in ut.seq
        ):
            return True
    return False
