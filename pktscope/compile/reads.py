"""Emit the Python statements that read one attribute (a seq field or a parsed instance).

:class:`ReadEmitter` knows one type being generated; ``attr(...)`` writes the statements that
read an attribute into a target, record its span (see ``runtime.py`` for the record shapes) and
advance the position local ``_p``. Fixed runs of consecutive fixed-size fields are handled by the
class generator in ``python.py``; everything else goes through here.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pktscope.compile.emit import Emitter
from pktscope.compile.translate import Ctx, check_id, pyname, translate
from pktscope.errors import CompileError, SpecError
from pktscope.spec import expr_ast as A
from pktscope.spec.expr import parse_expr
from pktscope.spec.expr import parse_type_ref as parse_type_expr
from pktscope.spec.model import Attr, Expr, TypeDef
from pktscope.spec.types import PRIM_RE, prim_size

if TYPE_CHECKING:
    from pktscope.compile.python import ModuleGen

__all__ = ["CODES", "ReadEmitter", "wide_terminator"]

Store = Callable[[str], str]

_LITERAL_KEY = re.compile(r"-?[0-9]+|'[^'\\]*'|\"[^\"\\]*\"")

# struct codes of the fixed-size numeric types
CODES = {
    "u1": "B",
    "s1": "b",
    "u2": "H",
    "s2": "h",
    "u4": "I",
    "s4": "i",
    "u8": "Q",
    "s8": "q",
    "f4": "f",
    "f8": "d",
}


def wide_terminator(encoding: str | None) -> int:
    """Width of a ``strz`` terminator for an encoding (UTF-16: 2, UTF-32: 4)."""
    if not encoding:
        return 1
    e = encoding.upper().replace("-", "").replace("_", "")
    if e.startswith(("UTF16", "UCS2")):
        return 2
    if e.startswith("UTF32"):
        return 4
    return 1


class ReadEmitter:
    def __init__(self, gen: ModuleGen, t: TypeDef, ctx: Ctx) -> None:
        self.gen = gen
        self.t = t
        self.ctx = ctx
        self.raw_end = "_io._io.tell()"  # where the bytes just read end (set by raw_bytes)
        # buffer mode (fastpath.py): read from ``_B`` at ``_o + _p`` instead of the stream;
        # ``bad`` names the first construct it cannot read (the type then keeps its stream
        # code), ``in_place`` collects the user types read in place (without a size)
        self.fast = False
        self.fast_inst = False
        self.table_fast = False
        self.bad: str | None = None
        self.resync = False  # a type of another spec may be read in place on the stream
        self.in_place: list[TypeDef] = []

    def unfit(self, why: str) -> None:
        if self.fast and self.bad is None:
            self.bad = why

    # -- helpers ------------------------------------------------------------------------
    def expr(self, e: Expr, ctx: Ctx | None = None) -> str:
        c = ctx or self.ctx
        try:
            node = parse_expr(e.text)
        except SpecError as exc:
            raise self.gen.located(exc, e.path) from None
        c = Ctx(c.uni, c.typedef, c.cls_ref, c.enum_ref, c.self_expr, c.local, e.path)
        return self.fast_expr(translate(node, c))

    def fast_expr(self, text: str) -> str:
        """In buffer mode, the object's own stream state from the locals; any other use of a
        stream makes the type unfit for it."""
        if self.fast:
            text = text.replace("self._io.is_eof()", "(_p >= _z)")
            text = text.replace("self._io.size()", "_z").replace("self._io.pos()", "_p")
            if "_io" in text or "_pkt_sizeof" in text:
                self.unfit("stream expression")
        elif self.fast_inst:
            text = text.replace("self._io.size()", "_pkt_iosize(self)")
        return text

    def node(self, node: A.Node, path: str) -> str:
        c = self.ctx
        c = Ctx(c.uni, c.typedef, c.cls_ref, c.enum_ref, c.self_expr, c.local, path)
        return self.fast_expr(translate(node, c))

    def encoding(self, a: Attr) -> str:
        enc = a.encoding or self.t.encoding()
        if enc is None:
            raise self.gen.error("string without an encoding", a.path)
        # an unknown encoding is accepted (as the official compiler does): decoding fails at
        # run time, and the name only ever reaches the output through repr()
        with contextlib.suppress(LookupError):
            codecs.lookup(enc)
        return enc

    def endian_of(self, a: Attr, type_name: str) -> str:
        m = PRIM_RE.match(type_name)
        if m and m.group(7):
            return m.group(7)
        e = self.t.endian()
        if e:
            return e
        if self.t.endian_switch_owner() is not None:
            return "switch"
        raise self.gen.error(f"no endianness for {type_name!r}", a.path)

    # -- reading values -----------------------------------------------------------------
    def attr(self, em: Emitter, a: Attr, target: str, store: Store, ctx: Ctx) -> None:
        """Read one value of ``a`` into ``target`` (a Python lvalue), then record its span."""
        self.ctx = ctx
        if a.switch is not None:
            on = self.expr(a.switch.on)
            em.line(f"_on = {on}")
            first = True
            default = None
            # cases sharing a type share one branch: `_on in (...)` (YAML keys are unique)
            groups: dict[str, list[str]] = {}
            for key, tname in a.switch.cases:
                if key.text == "_":
                    default = tname
                    continue
                try:
                    knode = parse_expr(key.text)
                except SpecError as exc:
                    raise self.gen.located(exc, key.path) from None
                groups.setdefault(tname, []).append(self.case_value(knode, key.path))
            if self.switch_table(em, a, groups, default, target, store):
                return
            for tname, values in groups.items():
                if len(values) == 1:
                    cond = f"_on == {values[0]}"
                else:
                    cond = f"_on in ({', '.join(values)})"
                with em.block(("if " if first else "elif ") + cond + ":"):
                    self.typed(em, a, tname, target, store)
                first = False
            if default is not None or a.size is not None or a.size_eos:
                if first:
                    self.typed(em, a, default, target, store)
                else:
                    with em.block("else:"):
                        self.typed(em, a, default, target, store)
            elif not first:
                with em.block("else:"):
                    em.line(f"{target} = None")
            return
        self.typed(em, a, a.type, target, store)

    def switch_table(  # noqa: PLR0917 - internal emitter step
        self,
        em: Emitter,
        a: Attr,
        groups: dict[str, list[str]],
        default: str | None,
        target: str,
        store: Store,
    ) -> bool:
        """A switch whose cases are all user types of this spec (no arguments) and whose keys
        are integer or string literals: one dict lookup of the class instead of an ``elif``
        chain. Returns False (nothing emitted) when the switch does not qualify."""
        if len(groups) < 2:
            return False
        table: dict[str, str] = {}
        for tname, values in groups.items():
            cls = self.local_class(tname)
            if cls is None or not all(_LITERAL_KEY.fullmatch(v) for v in values):
                return False
            for v in values:
                table.setdefault(v, cls)
        fallback = None
        if default is not None:
            fallback = self.local_class(default)
            if fallback is None:
                return False
        name = self.gen.table(table)
        self.table_fast = all(
            self.gen.is_fast_name(self.t, n) for n in [*groups, *([default] if default else [])]
        )
        em.line(f"_c = {name}.get(_on{', ' + fallback if fallback else ''})")
        if fallback:
            self.user(em, a, default or "", target, store, cls_expr="_c")
            return True
        with em.block("if _c is not None:"):
            self.user(em, a, next(iter(groups)), target, store, cls_expr="_c")
        if a.size is not None or a.size_eos:
            with em.block("else:"):
                self.typed(em, a, None, target, store)
        else:
            with em.block("else:"):
                em.line(f"{target} = None")
        return True

    def local_class(self, tname: str) -> str | None:
        """The class of user type ``tname`` when it is of this spec and takes no arguments
        and no inherited endianness (so every such case is constructed the same way)."""
        try:
            tref, arg_nodes = parse_type_expr(tname)
        except SpecError:
            return None
        if arg_nodes or PRIM_RE.match(tname) or tname in ("str", "strz", "bytes"):
            return None
        name = ("::" if tref.absolute else "") + "::".join(tref.path)
        target_t = self.ctx.uni.resolve_type(self.t, name)
        if target_t is None or self.ctx.uni.root_of(target_t) is not self.ctx.uni.root_of(self.t):
            return None
        if target_t.endian_switch_owner() not in (None, target_t):
            return None
        return self.ctx.cls_ref(target_t)

    def case_value(self, knode: A.Node, path: str) -> str:
        """A switch case key; enum labels become their integer (IntEnum compares equal)."""
        if isinstance(knode, A.EnumRef):
            name = "::".join([*knode.type_path, knode.enum])
            e = self.ctx.uni.resolve_enum(self.t, ("::" if knode.absolute else "") + name)
            if e is not None:
                for v, label in e.values.items():
                    if label == knode.label:
                        return repr(int(v))
        return self.node(knode, path)

    def typed(self, em: Emitter, a: Attr, tname: str | None, target: str, store: Store) -> None:
        if tname is not None:
            base_name = tname.split("(", 1)[0].strip()
            m = PRIM_RE.match(base_name)
            if m:
                if m.group(5):
                    self.bits(em, a, int(m.group(6)), m.group(7), target, store)
                else:
                    self.number(em, a, base_name, target, store)
                return
            if base_name not in ("str", "strz", "bytes"):
                self.user(em, a, tname, target, store)
                return
        raw = self.raw_bytes(em, a, tname)
        is_str = tname in ("str", "strz")
        val = f"({raw}).decode({self.encoding(a)!r})" if is_str else raw
        em.line(f"{target} = {val}")
        self.after_bytes(em, a, target)
        em.line(f"_e = {self.raw_end}")
        em.line(store("(_p, _e)"))
        em.line("_p = _e")

    def after_bytes(self, em: Emitter, a: Attr, target: str) -> None:
        if a.contents is not None:
            em.line(f"if {target} != {a.contents!r}:")
            with em.indent():
                em.line(
                    f"raise _kaitaistruct.ValidationNotEqualError({a.contents!r}, {target}, "
                    f"self._io, {a.path or '/'!r})"
                )

    def number(self, em: Emitter, a: Attr, tname: str, target: str, store: Store) -> None:
        m = PRIM_RE.match(tname)
        assert m is not None
        kind = (m.group(1) or m.group(3)) + (m.group(2) or m.group(4))
        # read straight from the underlying file object (KaitaiStream.read_* is three calls)
        n = prim_size(tname)
        assert n is not None
        if self.fast:
            with em.block(f"if _p + {n} > _z:"):
                em.line(f"raise _pkt_eos({n}, _z - _p)")
            src, unpack = "_B, _o + _p", "unpack_from"
        else:
            with em.block("if _io.bits_left:"):
                em.line("_io.align_to_byte()")
            em.line(f"_d = _io._io.read({n})")
            with em.block(f"if len(_d) < {n}:"):
                em.line(
                    f"raise _kaitaistruct.EndOfStreamError('requested {n} bytes, but only %d "
                    f"bytes available' % len(_d), {n}, len(_d))"
                )
            src, unpack = "_d", "unpack"
        if kind == "u1":
            call = "_B[_o + _p]" if self.fast else "_d[0]"
        else:
            code = CODES[kind]
            endian = "be" if n == 1 else self.endian_of(a, tname)
            if endian == "switch":
                self.unfit("switched endianness")
                le, be = self.gen.struct("<" + code), self.gen.struct(">" + code)
                call = f"({le} if self._is_le else {be}).{unpack}({src})[0]"
            else:
                st = self.gen.struct(("<" if endian == "le" else ">") + code)
                call = f"{st}.{unpack}({src})[0]"
        if a.enum:
            em.line(f"{target} = {call}")
            call = target
        em.line(f"{target} = {self.enum_wrap(a, call)}")
        em.line(f"_e = _p + {n}")
        em.line(store("(_p, _e)"))
        em.line("_p = _e")

    def enum_wrap(self, a: Attr, value: str) -> str:
        if not a.enum:
            return value
        e = self.ctx.uni.resolve_enum(self.t, a.enum)
        if e is None:
            raise self.gen.error(f"unknown enum {a.enum!r}", f"{a.path}/enum")
        if re.fullmatch(r"[\w.]+", value):
            emap = self.gen.enum_map(e) or f"{self.ctx.enum_ref(e)}._value2member_map_"
            return f"{emap}.get({value}, {value})"
        return f"_ks_enum({self.ctx.enum_ref(e)}, {value})"

    def bits(  # noqa: PLR0917 - internal emitter step
        self, em: Emitter, a: Attr, n: int, endian: str | None, target: str, store: Store
    ) -> None:
        self.unfit("bit field")
        be = endian or self.t.bit_endian()
        val = f"_io.read_bits_int_{be}({n})"
        if n == 1 and not a.enum:
            val = f"{val} != 0"
        em.line("_b = _io._io.tell() * 8 - _io.bits_left")
        em.line(f"{target} = {self.enum_wrap(a, val)}")
        em.line("_p = _io._io.tell()")
        em.line(store(f"(_b, _p * 8 - _io.bits_left, {n})"))

    def raw_bytes(self, em: Emitter, a: Attr, tname: str | None) -> str:
        """Statements reading the raw bytes of ``a``; returns the expression holding them."""
        self.raw_end = "_io._io.tell()"
        if self.fast and (a.process is not None or a.terminator is not None or tname == "strz"):
            self.unfit("terminator or process")
        if a.contents is not None:
            self.raw_end = f"_p + {len(a.contents)}"
            if self.fast:
                n = len(a.contents)
                with em.block(f"if _p + {n} > _z:"):
                    em.line(f"raise _pkt_eos({n}, _z - _p)")
                return f"_B[_o + _p : _o + _p + {n}]"
            return f"_io.read_bytes({len(a.contents)})"
        term = a.terminator
        if tname == "strz" and term is None:
            term = 0
        width = wide_terminator(a.encoding or self.t.encoding()) if tname == "strz" else 1
        if self.fast and (a.size is not None or a.size_eos):
            self.fast_size(em, a)
            raw = "_r"
            em.line("_r = _B[_o + _p : _o + _p + _n]")
            self.raw_end = "_p + _n"
        elif a.size is not None:
            # fast path straight from the buffer; read_bytes() raises the runtime's errors
            em.line(f"_n = {self.expr(a.size)}")
            with em.block("if _n < 0 or _io.bits_left:"):
                em.line("_r = _io.read_bytes(_n)")
            with em.block("else:"):
                em.line("_r = _io._io.read(_n)")
                with em.block("if len(_r) < _n:"):
                    em.line(
                        "raise _kaitaistruct.EndOfStreamError('requested %d bytes, but only %d "
                        "bytes available' % (_n, len(_r)), _n, len(_r))"
                    )
            raw = "_r"
            self.raw_end = "_p + _n"
        elif a.size_eos:
            with em.block("if _io.bits_left:"):
                em.line("_io.align_to_byte()")
            em.line("_r = _io._io.read()")
            em.line("_n = len(_r)")
            raw = "_r"
            self.raw_end = "_p + _n"
        elif term is not None:
            args = f"{bool(a.include)}, {bool(a.consume)}, {bool(a.eos_error)}"
            if width > 1:
                raw = f"_io.read_bytes_term_multi({bytes([term] * width)!r}, {args})"
            else:
                raw = f"_io.read_bytes_term({int(term)}, {args})"
            term = None
        else:
            raise self.gen.error("bytes without size, size-eos or terminator", a.path)
        if a.pad_right is not None and a.pad_right != term:
            raw = f"_KaitaiStream.bytes_strip_right({raw}, {int(a.pad_right)})"
        if term is not None:
            if width > 1:
                raw = (
                    f"_KaitaiStream.bytes_terminate_multi({raw}, {bytes([term] * width)!r}, "
                    f"{bool(a.include)})"
                )
            else:
                raw = f"_KaitaiStream.bytes_terminate({raw}, {int(term)}, {bool(a.include)})"
        if a.process is not None:
            em.line(f"_r = {raw}")
            raw = self.process(a, "_r")
        return raw

    def fast_size(self, em: Emitter, a: Attr) -> None:
        """Buffer mode: ``_n`` = the attribute's byte size, checked against what is left."""
        if a.size is None:
            em.line("_n = _z - _p")
            return
        em.line(f"_n = {self.expr(a.size)}")
        if not self.unsigned_field(a.size.text):
            with em.block("if _n < 0:"):
                em.line("self._io.read_bytes(_n)  # the stream's own error")
        with em.block("if _p + _n > _z:"):
            em.line("raise _pkt_eos(_n, _z - _p)")

    def unsigned_field(self, text: str) -> bool:
        """True when ``text`` names a seq field of this type read as an unsigned integer."""
        for b in self.t.seq:
            if self.gen.aid(b) == text.strip() and not b.repeat and not b.switch and not b.enum:
                return bool(re.fullmatch(r"u[1248](be|le)?", b.type or ""))
        return False

    def process(self, a: Attr, data: str) -> str:
        p = a.process
        assert p is not None
        args = [self.expr(x) for x in p.args]
        if p.name == "xor":
            if len(args) != 1:
                raise self.gen.error("xor takes one argument", p.path)
            return f"_ks_xor({data}, {args[0]})"
        if p.name in ("rol", "ror"):
            if len(args) != 1:
                raise self.gen.error(f"{p.name} takes one argument", p.path)
            amount = args[0] if p.name == "rol" else f"8 - ({args[0]})"
            return f"_KaitaiStream.process_rotate_left({data}, ({amount}) % 8, 1)"
        if p.name == "zlib":
            self.gen.mod.need_zlib = True
            return f"_zlib.decompress({data})"
        alias = self.gen.process_module(p.name, p.path)
        cls = "".join(w.capitalize() for w in p.name.split(".")[-1].split("_"))
        return f"{alias}.{cls}({', '.join(args)}).decode({data})"

    def user(  # noqa: PLR0917 - internal emitter step
        self,
        em: Emitter,
        a: Attr,
        tname: str,
        target: str,
        store: Store,
        cls_expr: str | None = None,
    ) -> None:
        """Construct user type ``tname`` (or the class held by ``cls_expr``, a switch table's
        pick, constructed like ``tname``) on the attribute's bytes or the current stream."""
        try:
            tref, arg_nodes = parse_type_expr(tname)
        except SpecError as exc:
            raise self.gen.located(exc, f"{a.path}/type") from None
        name = ("::" if tref.absolute else "") + "::".join(
            check_id(p, "type name") for p in tref.path
        )
        target_t = self.ctx.uni.resolve_type(self.t, name)
        args = [self.node(n, f"{a.path}/type") for n in arg_nodes]
        parent = self.expr(a.parent) if a.parent is not None else "self"
        if target_t is None:
            cls = self.gen.opaque(name, a.path)
            ctor_tail = ""
        else:
            cls = self.ctx.cls_ref(target_t)
            same_spec = self.ctx.uni.root_of(target_t) is self.ctx.uni.root_of(self.t)
            # the official target gives types of another spec neither _parent nor _root
            ctor_tail = f", {parent}, self._root" if same_spec else ""
            if target_t.endian_switch_owner() not in (None, target_t):
                ctor_tail += ", self._is_le"
        sized = a.size is not None or a.size_eos or a.terminator is not None
        if self.fast:
            fast_cls = (
                target_t is not None
                and same_spec
                and ctor_tail.endswith("self._root")
                and self.gen.is_fast(target_t)
                and (cls_expr is None or bool(self.table_fast))
            )
            if not sized and target_t is not None:
                self.in_place.append(target_t)
            params = [pyname(p.id) for p in target_t.params] if target_t is not None else []
            pairs = list(zip(params, args, strict=False)) if params else [("", v) for v in args]
            # a type of another spec is read from the buffer too when its class has buffer
            # code (known only at run time: its spec is compiled on its own)
            other = (
                target_t is not None
                and not same_spec
                and not ctor_tail
                and cls_expr is None
                and not fast_cls
            )
            other_root = ""
            if other and target_t is not None:
                other_root = "_w" if target_t.parent is None else "None"
            cls = cls_expr or cls
            self.fast_user(
                em, a, target, store, cls, fast_cls, pairs, parent, ctor_tail, other_root
            )
            return
        if sized:
            raw = self.raw_bytes(em, a, None)
            if raw != "_r":
                em.line(f"_r = {raw}")
            em.line(f"_e = {self.raw_end}")
            if a.process is not None:
                em.line("_sub = _pkt_sub(_io, _p, _e, _r, True)")
            else:
                em.line("_sub = _pkt_subio(_r, _io, _p)")
            io = "_sub"
        else:
            io = "_io"
        call_args = ", ".join([*args, io])
        em.line(f"{target} = {cls_expr or cls}({call_args}{ctor_tail})")
        if not sized:
            em.line("_e = _io._io.tell()")
        em.line(store("(_p, _e)"))
        em.line("_p = _e")

    def fast_user(  # noqa: PLR0917 - internal emitter step
        self,
        em: Emitter,
        a: Attr,
        target: str,
        store: Store,
        cls: str,
        fast_cls: bool,
        params: list[tuple[str, str]],
        parent: str,
        tail: str,
        other_root: str = "",
    ) -> None:
        """Buffer mode: a user type of this spec read from the buffer too (``_pkt_read`` on a
        new object, its stream made only if asked for), or, for any other type with a size,
        constructed on a stream over its bytes. ``other_root`` (``_root`` of a type of another
        spec: ``"_w"`` or ``"None"``) asks for a run-time choice: read from the buffer like a
        type of this spec when the class has ``_pkt_read``, on a stream otherwise."""
        sized = a.size is not None or a.size_eos
        if a.terminator is not None or a.process is not None:
            self.unfit("terminator or process")
            return
        if not sized and not fast_cls and other_root:
            em.line(f"_c = {cls}")
            with em.block("if _c._pkt_read is not None:"):
                em.line("_w = _pkt_new(_c)")
                em.line("_w._parent = None")
                em.line(f"_w._root = {other_root}")
                for name, value in params:
                    em.line(f"_w.{name} = {value}")
                em.line("_w._pkt_iv = self")
                em.line("_w._pkt_read(_B, _o, _z, _p)")
                em.line("_e = _w._pkt_end")
                em.line(f"{target} = _w")
            with em.block("else:"):
                # on this object's stream, put back where the buffer reads end (_pkt_resync)
                self.resync = True
                em.line("_io = self._io")
                em.line("_io.seek(_p)")
                em.line(f"{target} = _c({', '.join([*(v for _, v in params), '_io'])})")
                em.line("_e = _io.pos()")
            em.line(store("(_p, _e)"))
            em.line("_p = _e")
            return
        if not sized and not fast_cls:
            self.unfit("type read in place from the stream")
            return
        if sized:
            self.fast_size(em, a)
        if not fast_cls and other_root and sized:
            em.line(f"_c = {cls}")
            with em.block("if _c._pkt_read is not None:"):
                em.line("_w = _pkt_new(_c)")
                em.line("_w._parent = None")
                em.line(f"_w._root = {other_root}")
                for name, value in params:
                    em.line(f"_w.{name} = {value}")
                em.line("_w._pkt_iv = (self, _p, _n)")
                em.line("_w._pkt_read(_B, _o + _p, _n, 0)")
                em.line(f"{target} = _w")
            with em.block("else:"):
                em.line("_r = _B[_o + _p : _o + _p + _n]")
                em.line("_sub = _pkt_subof(_r, self, _p)")
                em.line(f"{target} = _c({', '.join([*(v for _, v in params), '_sub'])})")
            em.line("_e = _p + _n")
        elif not fast_cls:
            em.line("_r = _B[_o + _p : _o + _p + _n]")
            em.line("_sub = _pkt_subof(_r, self, _p)")
            em.line(f"{target} = {cls}({', '.join([*(v for _, v in params), '_sub'])}{tail})")
            em.line("_e = _p + _n")
        else:
            em.line(f"_w = _pkt_new({cls})")
            em.line(f"_w._parent = {parent}")
            em.line("_w._root = self._root")
            for name, value in params:
                em.line(f"_w.{name} = {value}")
            if sized:
                em.line("_w._pkt_iv = (self, _p, _n)")
                em.line("_w._pkt_read(_B, _o + _p, _n, 0)")
                em.line("_e = _p + _n")
            else:
                em.line("_w._pkt_iv = self")
                em.line("_w._pkt_read(_B, _o, _z, _p)")
                em.line("_e = _w._pkt_end")
            em.line(f"{target} = _w")
        em.line(store("(_p, _e)"))
        em.line("_p = _e")

    # -- validation ---------------------------------------------------------------------
    def valid(self, em: Emitter, a: Attr, value: str) -> None:
        v = a.valid
        if v is None:
            return
        path = repr(a.path or "/")
        ks = "_kaitaistruct"
        if v.eq is not None:
            exp = self.expr(v.eq)
            with em.block(f"if not ({value} == {exp}):"):
                em.line(f"raise {ks}.ValidationNotEqualError({exp}, {value}, self._io, {path})")
        if v.min is not None:
            exp = self.expr(v.min)
            with em.block(f"if {value} < {exp}:"):
                em.line(f"raise {ks}.ValidationLessThanError({exp}, {value}, self._io, {path})")
        if v.max is not None:
            exp = self.expr(v.max)
            with em.block(f"if {value} > {exp}:"):
                em.line(f"raise {ks}.ValidationGreaterThanError({exp}, {value}, self._io, {path})")
        if v.any_of is not None:
            opts = " or ".join(f"{value} == {self.expr(x)}" for x in v.any_of) or "False"
            with em.block(f"if not ({opts}):"):
                em.line(f"raise {ks}.ValidationNotAnyOfError({value}, self._io, {path})")
        if v.in_enum:
            if not a.enum:
                raise self.gen.error("valid/in-enum without enum", v.path)
            e = self.ctx.uni.resolve_enum(self.t, a.enum)
            if e is None:
                raise self.gen.error(f"unknown enum {a.enum!r}", f"{a.path}/enum")
            with em.block(f"if not isinstance({value}, {self.ctx.enum_ref(e)}):"):
                em.line(f"raise {ks}.ValidationNotInEnumError({value}, self._io, {path})")
        if v.expr is not None:
            et = self.ctx.uni.attr_type(self.t, a, element=True)
            c = self.ctx.with_local(_=("_", et))
            em.line(f"_ = {value}")
            with em.block(f"if not ({self.expr(v.expr, c)}):"):
                em.line(f"raise {ks}.ValidationExprError({value}, self._io, {path})")


_ = (CompileError, pyname)
