"""The Python backend: one spec model -> the source of one Python module.

:class:`ModuleGen` walks the type tree and emits, per type, a class on ``_PktStruct`` (see
``runtime.py``) with the official Python target's API plus the span tables of ``docs/spans.md``.
Consecutive fixed-size fields (integers, floats, fixed-size byte arrays, ``contents``) are read as
one *fixed run*: a single precompiled ``struct.Struct.unpack`` and one recorded start offset,
their spans derived from the class table ``_PKT_RUNS``. Everything else is emitted by
:class:`~pktscope.compile.reads.ReadEmitter`. Import statements are left to ``build.py`` (in
memory the imported modules are injected; on disk they become ``import``/``from pkg import``).
"""

from __future__ import annotations

import functools
import keyword
from dataclasses import dataclass, field
from typing import Any

from pktscope.compile.arrays import bulk_elem, gen_bulk, gen_loop
from pktscope.compile.bitgroups import BitGroup, gen_bit_group, group_bits
from pktscope.compile.emit import Emitter
from pktscope.compile.fastpath import fast_types
from pktscope.compile.meta import field_meta, plain
from pktscope.compile.reads import CODES as _FMT
from pktscope.compile.reads import ReadEmitter
from pktscope.compile.runtime import RUNTIME_IMPORTS, RUNTIME_SOURCE, runtime_names
from pktscope.compile.translate import ID_RE, Ctx, check_id, pyname
from pktscope.errors import CompileError, SpecError
from pktscope.spec import expr_ast as A
from pktscope.spec.expr import parse_expr
from pktscope.spec.model import Attr, EnumDef, Spec, TypeDef
from pktscope.spec.types import PRIM_RE, Universe, prim_size

__all__ = ["HEADER", "GeneratedModule", "ModuleGen", "camel"]

HEADER = (
    "# This is a generated file! Please edit the source .ksy file and rebuild with "
    "`pktscope compile`. @generated"
)


def doc_literal(text: str) -> str:
    """A docstring literal: triple-quoted when the text is plainly safe there, else ``repr``."""
    body = text.rstrip("\n")
    plain = "\\" not in body and body.replace("\n", "").isprintable()
    if plain and '"""' not in body and not body.endswith('"') and not body.startswith('"'):
        return '"""' + body + '"""'
    return repr(text)


@functools.lru_cache(maxsize=8192)  # pure, and asked ~90k times per 186 specs
def camel(name: str) -> str:
    """``ipv4_packet`` -> ``Ipv4Packet`` (the official compiler's class naming)."""
    check_id(name, "type name")
    return "".join(p[:1].upper() + p[1:] for p in name.split("_"))


@dataclass
class GeneratedModule:
    name: str  # module name (spec id)
    body: str  # everything after the import block
    imports: list[str] = field(default_factory=list)  # spec ids this module refers to
    process_modules: dict[str, str] = field(default_factory=dict)  # dotted name -> alias
    opaque: list[str] = field(default_factory=list)  # opaque external type modules
    need_zlib: bool = False
    generator: Any = None  # the ModuleGen that produced this module

    def source(
        self, import_lines: list[str], *, runtime: bool = True, runtime_from: str | None = None
    ) -> str:
        """Module text; ``runtime=False`` leaves out the shared prelude (in-memory builds
        execute a precompiled copy of it into the module first); ``runtime_from`` imports it
        from that module (on-disk builds write one copy beside the generated modules)."""
        head = [HEADER, "# type: ignore", "# ruff: noqa"]
        if runtime:
            head.append(RUNTIME_IMPORTS)
        if self.need_zlib:
            head.append("import zlib as _zlib")
        for dotted, alias in self.process_modules.items():
            head.append(f"import {dotted} as {alias}")
        prelude = ""
        if runtime and runtime_from is not None:
            prelude = f"from {runtime_from} import ({', '.join(runtime_names())})"
        elif runtime:
            prelude = RUNTIME_SOURCE
        return "\n".join([*head, *import_lines, prelude, self.body])


@dataclass
class _Run:
    attrs: list[tuple[int, Attr, str, int]]  # (seq index, attr, struct code, size)
    endian: str | None

    @property
    def size(self) -> int:
        return sum(s for _, _, _, s in self.attrs)


class ModuleGen:
    def __init__(self, uni: Universe, spec: Spec, *, allow_process_modules: bool = False) -> None:
        self.uni = uni
        self.spec = spec
        self.allow_process_modules = allow_process_modules
        self.structs: dict[str, str] = {}  # format -> global name
        self.late: dict[str, str] = {}  # expression -> global name, defined after the classes
        self.mod = GeneratedModule(name=check_id(spec.id, "spec id"), body="")
        self.fast: set[int] = set()  # id() of the types read in buffer mode (fastpath.py)
        self.named: set[int] = set()  # id() of the types whose fields are named and checked
        # id() of a seq attribute without id -> its name (``_unnamed3``); kept here, not written
        # into the model, which validation and other compiles share (pktscope.spec.cache)
        self.unnamed: dict[int, str] = {}
        self.asked: set[int] | None = None  # is_fast() answers noted here (fastpath.py)

    # -- errors -------------------------------------------------------------------------
    def error(self, msg: str, path: str) -> SpecError:
        return self.spec.loaded.error(msg, path)

    def located(self, exc: SpecError, path: str) -> SpecError:
        line, col = self.spec.loaded.loc(path)
        exc.file = self.spec.loaded.file
        exc.line, exc.col, exc.spec_path = line, col, path
        exc.args = (exc.location_text() + exc.message,)
        return exc

    # -- names --------------------------------------------------------------------------
    def cls_ref(self, t: TypeDef) -> str:
        chain = list(reversed(t.chain()))
        names = ".".join(camel(x.name) for x in chain)
        root_id = chain[0].name
        if root_id != self.spec.id:
            if root_id not in self.mod.imports:
                self.mod.imports.append(root_id)
            return f"{check_id(root_id)}.{names}"
        return names

    def enum_ref(self, e: EnumDef) -> str:
        owner = e.owner or self.uni.enum_owner(e)
        return f"{self.cls_ref(owner)}.{camel(e.name)}"

    def opaque(self, name: str, path: str) -> str:
        if "::" in name:
            raise self.error(f"unknown type {name!r}", f"{path}/type")
        check_id(name, "type name")
        if name not in self.mod.opaque:
            self.mod.opaque.append(name)
        return f"{name}.{camel(name)}"

    def process_module(self, dotted: str, path: str) -> str:
        if not self.allow_process_modules:
            raise self.error(
                f"custom process {dotted!r} needs allow_process_modules (--allow-process)", path
            )
        for part in dotted.split("."):
            if not ID_RE.match(part) or keyword.iskeyword(part):
                raise self.error(f"invalid process module name {dotted!r}", path)
        alias = self.mod.process_modules.get(dotted)
        if alias is None:
            alias = f"_pkt_proc{len(self.mod.process_modules)}"
            self.mod.process_modules[dotted] = alias
        return alias

    def struct(self, fmt: str) -> str:
        name = self.structs.get(fmt)
        if name is None:
            name = f"_S{len(self.structs)}"
            self.structs[fmt] = name
        return name

    # -- module -------------------------------------------------------------------------
    def generate(self) -> GeneratedModule:
        self.fast = fast_types(self, self.dry_run)
        em = Emitter()
        self.gen_class(em, self.spec.root)
        structs = [f"{n} = _struct.Struct({f!r})" for f, n in self.structs.items()]
        self.mod.body = "\n".join(structs) + "\n\n\n" + em.text()
        if self.late:
            self.mod.body += "\n\n# switch tables (case value -> class) and enum value maps\n"
            self.mod.body += "\n".join(f"{n} = {t}" for t, n in self.late.items()) + "\n"
        return self.mod

    def dry_run(self, em: Emitter, t: TypeDef) -> str | None:
        """Generate ``t``'s buffer-mode reader into ``em``, leaving no trace in the module;
        returns what did not fit (None: all of it did)."""
        saved = (dict(self.structs), dict(self.late), list(self.mod.imports))
        saved2 = (list(self.mod.opaque), dict(self.mod.process_modules), self.mod.need_zlib)
        try:
            self.name_fields(t)
            reads = ReadEmitter(self, t, self.ctx(t))
            plan = group_bits(t, self.plan(t, reads))
            reads.fast = True
            self.gen_seq(em, t, plan, reads, self.ctx(t))
            return reads.bad
        finally:
            self.structs, self.late, self.mod.imports = saved
            self.mod.opaque, self.mod.process_modules, self.mod.need_zlib = saved2

    def is_fast(self, t: TypeDef) -> bool:
        if self.asked is not None:
            self.asked.add(id(t))
        return id(t) in self.fast

    def is_fast_name(self, t: TypeDef, tname: str) -> bool:
        """True when the type named ``tname`` (seen from ``t``) is read in buffer mode."""
        found = self.uni.resolve_type(t, tname.split("(", 1)[0].strip())
        return found is not None and self.is_fast(found)

    def late_global(self, text: str, prefix: str) -> str:
        """A module-level name for the expression ``text`` (over this module's classes),
        defined after the classes."""
        name = self.late.get(text)
        if name is None:
            k = sum(n.startswith(prefix) for n in self.late.values())
            name = self.late[text] = f"{prefix}{k}"
        return name

    def table(self, cases: dict[str, str]) -> str:
        """The global name of the switch table ``cases`` (value source -> class source)."""
        return self.late_global("{" + ", ".join(f"{k}: {v}" for k, v in cases.items()) + "}", "_SW")

    def enum_map(self, e: EnumDef) -> str | None:
        """The global name of the value -> member map of enum ``e`` when it is of this spec."""
        ref = self.enum_ref(e)
        if not ref.startswith(camel(self.spec.id) + "."):
            return None
        # getattr: a type class of the same name may shadow the enum (then using the map fails
        # at run time, as the plain attribute lookup would, instead of at import)
        return self.late_global(f"getattr({ref}, '_value2member_map_', None)", "_EM")

    def ctx(self, t: TypeDef) -> Ctx:
        return Ctx(self.uni, t, self.cls_ref, self.enum_ref)

    def fixed(self, t: TypeDef, a: Attr, reads: ReadEmitter) -> tuple[str, int, str | None] | None:
        """``(struct code, size, endian)`` when ``a`` can join a fixed run."""
        if a.kind != "seq" or a.if_expr or a.repeat or a.switch or a.process:
            return None
        if a.contents is not None:
            return (f"{len(a.contents)}s", len(a.contents), None)
        if a.type is None:
            if a.size is None or a.terminator is not None or a.pad_right is not None:
                return None
            try:
                node = parse_expr(a.size.text)
            except SpecError:
                return None
            if isinstance(node, A.IntLit) and 0 <= node.value < 1 << 20:
                return (f"{node.value}s", node.value, None)
            return None
        m = PRIM_RE.match(a.type)
        if not m or m.group(5):
            return None
        kind = (m.group(1) or m.group(3)) + (m.group(2) or m.group(4))
        size = prim_size(a.type)
        assert size is not None
        endian = None if size == 1 else reads.endian_of(a, a.type)
        return (_FMT[kind], size, endian)

    def plan(self, t: TypeDef, reads: ReadEmitter) -> list[_Run | tuple[int, Attr]]:
        out: list[_Run | tuple[int, Attr]] = []
        cur: _Run | None = None
        for i, a in enumerate(t.seq):
            info = self.fixed(t, a, reads)
            if info is None:
                cur = None
                out.append((i, a))
                continue
            code, size, endian = info
            if cur is None or (endian and cur.endian and endian != cur.endian):
                cur = _Run([], endian)
                out.append(cur)
            cur.endian = cur.endian or endian
            cur.attrs.append((i, a, code, size))
        return out

    def aid(self, a: Attr) -> str | None:
        """``a``'s id, or the name :meth:`name_fields` gave it (None before that)."""
        return a.id if a.id is not None else self.unnamed.get(id(a))

    def attr_name(self, a: Attr) -> str:
        aid = a.id if a.id is not None else self.unnamed.get(id(a))
        if aid is None:
            return ""
        if aid.startswith("_unnamed") and aid[8:].isdigit():
            return aid
        return pyname(aid)

    def gen_class(self, em: Emitter, t: TypeDef) -> None:
        cname = camel(t.name)
        ctx = self.ctx(t)
        reads = ReadEmitter(self, t, ctx)
        self.name_fields(t)
        with em.block(f"class {cname}(_PktStruct):"):
            if t.doc:
                em.line(doc_literal(t.doc))
            for e in t.enums.values():
                with em.block(f"class {camel(e.name)}(_IntEnum):"):
                    for v, label in e.values.items():
                        if not ID_RE.match(label):
                            raise self.error(f"invalid enum label {label!r}", f"{e.path}/{v}")
                        em.line(f"{pyname(label)} = {int(v)!r}")
            plan = group_bits(t, self.plan(t, reads))
            runs: dict[str, tuple[int, int, int]] = {}
            run_of: dict[int, tuple[tuple[int, int, int, str | None, int], ...]] = {}
            run_no = 0
            contents: dict[str, bytes] = {}  # what a cut run checks before keeping a field
            bit_runs: dict[str, tuple[int, int, int]] = {}
            for k, group in enumerate(x for x in plan if isinstance(x, BitGroup)):
                off = 0
                for _, a, width in group.fields:
                    bit_runs[self.attr_name(a)] = (-1 - k, off, width)
                    off += width
            for item in plan:
                if isinstance(item, _Run):
                    off = 0
                    entries = []
                    for idx, a, code, size in item.attrs:
                        runs[self.attr_name(a)] = (run_no, off, size)
                        prefix = {"le": "<", "be": ">", None: ">"}.get(item.endian)
                        if a.valid is not None:
                            prefix = None  # checked: a cut run keeps no unchecked value of it
                        elif a.contents is not None:
                            contents[self.attr_name(a)] = bytes(a.contents)
                        entries.append((off, size, idx, prefix and prefix + code, run_no))
                        off += size
                    run_of[item.attrs[0][0]] = tuple(entries)
                    run_no += 1
            seq_names = [self.attr_name(a) for a in t.seq]
            em.line(f"SEQ_FIELDS = {seq_names!r}")
            em.line(f"_PKT_INSTANCES = {[self.attr_name(a) for a in t.instances]!r}")
            metas = {
                self.attr_name(a): field_meta(self, t, a, reads) for a in [*t.seq, *t.instances]
            }
            em.line(f"_PKT_FIELDS = {metas!r}")
            hints = dict(t.hints)
            if t.parent is None:
                hints.update(t.meta.hints)
            em.line(f"_PKT_HINTS = {plain(hints)!r}")
            em.line(f"_PKT_RUNS = {runs!r}")
            if contents:
                em.line(f"_PKT_CONTENTS = {contents!r}")
            if bit_runs:
                em.line(f"_PKT_BITS = {bit_runs!r}")
            seq_table = [
                (self.attr_name(a), self.aid(a), bool(a.repeat), a.path, run_of.get(i))
                for i, a in enumerate(t.seq)
            ] + [
                (f"_m_{self.attr_name(a)}", a.id, bool(a.repeat), a.path, None) for a in t.instances
            ]
            em.line(f"_PKT_SEQ = {tuple(seq_table)!r}")
            eager = sorted(self.attr_name(a) for a in t.instances if a.hints.get("eager") is True)
            if eager:
                em.line(f"_PKT_EAGER = frozenset({eager!r})")
            for a in t.instances:
                em.line(f"_m_{self.attr_name(a)} = _PKT_UNSET")
            fast = self.is_fast(t)
            if fast and t.parent is None and not t.params:
                em.line("_pkt_root_ok = True  # from_bytes reads from the buffer")
            em.line()
            self.gen_init(em, t)
            self.gen_read(em, t, plan, reads, ctx, fast=fast)
            reads.fast_inst = fast
            for k, a in enumerate(t.instances):
                self.gen_instance(em, t, a, len(t.seq) + k, reads, ctx)
            reads.fast_inst = False
            for sub in t.types.values():
                em.line()
                self.gen_class(em, sub)

    def name_fields(self, t: TypeDef) -> None:
        if id(t) in self.named:
            return
        self.named.add(id(t))
        for i, a in enumerate(t.seq):
            if a.id is None:
                self.unnamed[id(a)] = f"_unnamed{i}"
            elif not ID_RE.match(a.id):
                raise self.error(f"invalid field id {a.id!r}", a.path)
        for a in t.instances:
            if a.id is None or not ID_RE.match(a.id):
                raise self.error(f"invalid instance id {a.id!r}", a.path)

    def gen_init(self, em: Emitter, t: TypeDef) -> None:
        params = [pyname(p.id) for p in t.params]
        sig = ", ".join(["self", *params, "_io", "_parent=None", "_root=None"])
        inherits_le = t.endian_switch_owner() not in (None, t)
        if inherits_le:
            sig += ", _is_le=None"
        with em.block(f"def __init__({sig}):"):
            em.line("self._io = _io")
            em.line("self._parent = _parent")
            if t.parent is None:
                em.line("self._root = _root if _root is not None else self")
            else:
                em.line("self._root = _root")
            if inherits_le:
                em.line("self._is_le = _is_le")
            for p in params:
                em.line(f"self.{p} = {p}")
            em.line("self._read()")
        em.line()

    def gen_read(
        self,
        em: Emitter,
        t: TypeDef,
        plan: list[_Run | tuple[int, Attr] | BitGroup],
        reads: ReadEmitter,
        ctx: Ctx,
        *,
        fast: bool = False,
    ) -> None:
        """``_read()`` (stream mode) and, for a type in buffer mode, ``_pkt_read()``; then
        ``_read()`` hands a clean in-memory stream to ``_pkt_read()`` (``_pkt_enter``) and
        keeps the stream code for any other (a file, a reader that refuses its buffer, bits
        pending)."""
        for mode in (False, True) if fast else (False,):
            head = "def _pkt_read(self, _B, _o, _z, _p):" if mode else "def _read(self):"
            reads.fast = mode
            reads.resync = False
            with em.block(head):
                if fast and not mode:
                    with em.block("if _pkt_enter(self):"):
                        em.line("return")
                if not mode:
                    em.line("_io = self._io")
                em.line("self._pkt_s = _s = {}")
                em.line("self._pkt_start = _p" if mode else "self._pkt_start = _p = _io._io.tell()")
                if not plan or t.meta.endian_switch is not None:
                    em.line("_f = -1")  # (otherwise the first field sets it)
                with em.block("try:"):
                    self.gen_seq(em, t, plan, reads, ctx)
                    self.gen_eager(em, t)
                with em.block("except Exception as _x:"):
                    em.line("_pkt_fail(self, _x, _f, _p)")
                    em.line("raise")
                em.line("self._pkt_end = _p")
                if reads.resync:
                    em.line("_pkt_resync(self, _p)")
            reads.fast = False
            em.line()

    def gen_eager(self, em: Emitter, t: TypeDef) -> None:
        """Evaluate the ``-pktscope-eager`` instances once the seq is read: a part of the
        packet the spec reaches through an instance (an overloaded option area, a name a
        compression pointer points to) fails with the object, as a dissector reports it."""
        for k, a in enumerate(t.instances):
            if a.hints.get("eager") is True:
                em.line(f"_f = {len(t.seq) + k}")
                em.line(f"self.{self.attr_name(a)}  # -pktscope-eager: read with the seq")

    def gen_seq(
        self,
        em: Emitter,
        t: TypeDef,
        plan: list[_Run | tuple[int, Attr] | BitGroup],
        reads: ReadEmitter,
        ctx: Ctx,
    ) -> None:
        if t.meta.endian_switch is not None and not t.meta.endian:
            self.gen_endian_switch(em, t, reads)
        run_no = group_no = 0
        for item in plan:
            if isinstance(item, _Run):
                self.gen_run(em, t, item, run_no, reads)
                run_no += 1
            elif isinstance(item, BitGroup):
                group_no += 1
                gen_bit_group(
                    em,
                    item,
                    -group_no,
                    reads,
                    self.attr_name,
                    lambda i, a: self.gen_seq_attr(em, t, i, a, reads, ctx),
                )
            else:
                self.gen_seq_attr(em, t, item[0], item[1], reads, ctx)

    def gen_endian_switch(self, em: Emitter, t: TypeDef, reads: ReadEmitter) -> None:
        sw = t.meta.endian_switch
        assert sw is not None
        em.line(f"_on = {reads.expr(sw.on)}")
        first = True
        default = None
        for key, val in sw.cases:
            if val not in ("be", "le"):
                raise self.error(f"unknown endianness {val!r}", key.path)
            if key.text == "_":
                default = val
                continue
            cond = f"_on == {reads.node(parse_expr(key.text), key.path)}"
            with em.block(("if " if first else "elif ") + cond + ":"):
                em.line(f"self._is_le = {val == 'le'}")
            first = False
        if default is not None:
            with em.block("else:") if not first else _nullblock():
                em.line(f"self._is_le = {default == 'le'}")
        else:
            with em.block("else:"):
                em.line(f"raise _kaitaistruct.UndecidedEndiannessError({t.path or '/'!r})")

    def gen_run(self, em: Emitter, t: TypeDef, run: _Run, run_no: int, reads: ReadEmitter) -> None:
        fmt = "".join(code for _, _, code, _ in run.attrs)
        targets = ", ".join(f"self.{self.attr_name(a)}" for _, a, _, _ in run.attrs)
        em.line(f"_f = {run.attrs[0][0]}")
        if run.endian == "switch":
            le, be = self.struct("<" + fmt), self.struct(">" + fmt)
            unpack = f"({le} if self._is_le else {be}).unpack"
        else:
            unpack = self.struct((">" if run.endian != "le" else "<") + fmt) + ".unpack"
        n = run.size
        first = run.attrs[0][1]
        local = None  # a lone enum field: read into a local, then wrapped once
        if reads.fast and len(run.attrs) == 1 and first.enum and first.contents is None:
            local = "_x"
            targets = local
        if reads.fast:
            if run.endian == "switch":
                reads.unfit("switched endianness")
            with em.block(f"if _p + {n} > _z:"):
                em.line(f"raise _pkt_eos({n}, _z - _p)")
            if fmt == "B" and run.endian != "switch":
                em.line(f"{targets} = _B[_o + _p]")
            else:
                em.line(f"({targets},) = {unpack}_from(_B, _o + _p)")
        else:
            em.line("if _io.bits_left:")
            with em.indent():
                em.line("_io.align_to_byte()")
            em.line(f"_d = _io._io.read({n})")
            em.line(f"if len(_d) < {n}:")
            with em.indent():
                em.line(
                    f"raise _kaitaistruct.EndOfStreamError('requested {n} bytes, but only %d "
                    f"bytes available' % len(_d), {n}, len(_d))"
                )
            if fmt == "B" and run.endian != "switch":
                em.line(f"{targets} = _d[0]")
            else:
                em.line(f"({targets},) = {unpack}(_d)")
        em.line(f"_s[{run_no}] = _p")
        checked = any(a.contents is not None or a.valid is not None for _, a, _, _ in run.attrs)
        if not checked:
            em.line(f"_p += {run.size}")
        off = 0
        for idx, a, _, size in run.attrs:
            target = f"self.{self.attr_name(a)}"
            if (a.enum or a.contents is not None or a.valid is not None) and idx != run.attrs[0][0]:
                em.line(f"_f = {idx}")
            if checked and (a.contents is not None or a.valid is not None) and off:
                # a failed check names this field's own offset, not the run's end
                em.line(f"_p = _s[{run_no}] + {off}")
            if a.enum:
                em.line(f"{target} = {reads.enum_wrap(a, local or target)}")
            reads.after_bytes(em, a, target)
            reads.valid(em, a, target)
            off += size
        if checked:
            em.line(f"_p = _s[{run_no}] + {run.size}")

    def gen_seq_attr(  # noqa: PLR0917 - internal emitter step
        self, em: Emitter, t: TypeDef, idx: int, a: Attr, reads: ReadEmitter, ctx: Ctx
    ) -> None:
        name = self.attr_name(a)
        em.line(f"_f = {idx}")
        target = f"self.{name}"
        if a.if_expr is not None:
            em.line(f"if {reads.expr(a.if_expr)}:")
            with em.indent():
                self.gen_value(em, t, a, target, repr(self.aid(a)), reads, ctx, seq=True)
            with em.block("else:"):
                em.line(f"{target} = None")
        else:
            self.gen_value(em, t, a, target, repr(self.aid(a)), reads, ctx, seq=True)

    def gen_value(  # noqa: PLR0917 - internal emitter step
        self,
        em: Emitter,
        t: TypeDef,
        a: Attr,
        target: str,
        key: str,
        reads: ReadEmitter,
        ctx: Ctx,
        *,
        seq: bool,
    ) -> None:
        """Read ``a`` (repeated or not) into ``target``, recording spans under ``key``."""

        def wrap(rec: str) -> str:
            return rec if seq else f"(_io, {rec})"

        if not a.repeat:
            reads.attr(em, a, target, lambda rec: f"_s[{key}] = {wrap(rec)}", ctx)
            reads.valid(em, a, target)
            return
        bulk = bulk_elem(reads, a)
        if bulk is None:
            gen_loop(self, em, t, a, target, key, reads, ctx, wrap)
            return
        # fixed-size elements: one read, values and spans in one go; any irregularity (bits
        # pending, a short last element) seeks back and takes the element-by-element loop
        if not gen_bulk(em, reads, a, target, key, bulk, wrap):
            return
        with em.block("else:"):
            if not reads.fast:
                em.line("if _r is not None:")
                with em.indent():
                    em.line("_io._io.seek(_p)")
            gen_loop(self, em, t, a, target, key, reads, ctx, wrap, count="_c")

    def gen_instance(  # noqa: PLR0917 - internal emitter step
        self, em: Emitter, t: TypeDef, a: Attr, idx: int, reads: ReadEmitter, ctx: Ctx
    ) -> None:
        name = self.attr_name(a)
        cache = f"self._m_{name}"
        em.line("@property")
        with em.block(f"def {name}(self):"):
            if a.doc:
                em.line(doc_literal(a.doc))
            em.line(f"_v = {cache}")
            with em.block("if _v is not _PKT_UNSET:"):
                em.line("return _v")
            value = a.kind == "value"
            if not value:
                em.line(f"_f = {idx}")
                em.line("_p = None")
            with em.block("try:"):
                if a.if_expr is not None:
                    with em.block(f"if not ({reads.expr(a.if_expr)}):"):
                        em.line(f"{cache} = None")
                        em.line("return None")
                if value:
                    assert a.value is not None
                    em.line(f"{cache} = _v = {reads.enum_wrap(a, reads.expr(a.value))}")
                else:
                    io = reads.expr(a.io) if a.io is not None else "self._io"
                    em.line(f"_io = {io}")
                    em.line("_s = self._pkt_s")
                    if a.pos is not None:
                        em.line("_old = _io.pos()")
                        em.line(f"_io.seek({reads.expr(a.pos)})")
                    em.line("_p = _io._io.tell()")
                    self.gen_value(em, t, a, cache, repr("@" + (a.id or "")), reads, ctx, seq=False)
                    if a.pos is not None:
                        em.line("_io.seek(_old)")
            with em.block("except Exception as _x:"):
                em.line(
                    f"_pkt_fail(self, _x, {idx}, None)" if value else "_pkt_fail(self, _x, _f, _p)"
                )
                em.line("raise")
            em.line("return _v" if value else f"return {cache}")
        em.line()


class _nullblock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


_ = CompileError
