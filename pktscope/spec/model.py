"""The typed model of one ``.ksy`` spec, built from :mod:`pktscope.spec.load` output.

``build_spec(loaded)`` gives a :class:`Spec`: the root :class:`TypeDef` (with nested ``types``,
``enums``, ``seq`` and ``instances`` as :class:`Attr`), ``meta`` and the imports. Expressions stay
text here (:class:`Expr`, with the spec path they came from); the compiler parses them. Only
shape errors (a key of the wrong kind) are raised here; semantic checks belong to
``pktscope.spec.validate``. Every node keeps ``path`` (``/types/option/seq/1``) so errors can be
located with ``Spec.loaded.loc(path)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pktscope.spec.load import Loaded

__all__ = [
    "Attr",
    "EnumDef",
    "Expr",
    "Meta",
    "Param",
    "Process",
    "Spec",
    "Switch",
    "TypeDef",
    "Valid",
    "build_spec",
    "parse_type_ref",
]

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Expr:
    """Expression text as written at ``path`` (YAML ints/bools are turned back into text)."""

    text: str
    path: str


@dataclass
class Switch:
    on: Expr
    cases: list[tuple[Expr, str]]  # (case key expression, type ref text); key text "_" = else
    path: str


@dataclass
class Process:
    name: str  # "xor", "rol", "ror", "zlib" or a custom dotted name
    args: list[Expr]
    path: str


@dataclass
class Valid:
    eq: Expr | None = None
    min: Expr | None = None
    max: Expr | None = None
    any_of: list[Expr] | None = None
    in_enum: bool = False
    expr: Expr | None = None
    path: str = ""


@dataclass
class Attr:
    """A ``seq`` entry or an instance (``kind`` is ``"seq"``, ``"instance"`` or ``"value"``)."""

    id: str | None
    kind: str
    path: str
    type: str | None = None
    switch: Switch | None = None
    size: Expr | None = None
    size_eos: bool = False
    terminator: int | None = None
    consume: bool = True
    include: bool = False
    eos_error: bool = True
    pad_right: int | None = None
    contents: bytes | None = None
    encoding: str | None = None
    enum: str | None = None
    repeat: str | None = None
    repeat_expr: Expr | None = None
    repeat_until: Expr | None = None
    if_expr: Expr | None = None
    process: Process | None = None
    valid: Valid | None = None
    pos: Expr | None = None
    io: Expr | None = None
    value: Expr | None = None
    parent: Expr | None = None  # ``parent:`` override for the created object
    endian: str | None = None  # endianness override from the type suffix, if any
    doc: str | None = None
    doc_ref: list[str] = field(default_factory=list)
    hints: dict[str, Any] = field(default_factory=dict)


@dataclass
class Param:
    id: str
    type: str | None
    enum: str | None
    path: str
    doc: str | None = None


@dataclass
class EnumDef:
    name: str
    values: dict[int, str]  # value -> label
    path: str
    docs: dict[int, str] = field(default_factory=dict)
    owner: TypeDef | None = field(default=None, repr=False, compare=False)


@dataclass
class Meta:
    id: str | None = None
    endian: str | None = None  # "be", "le", or None (undecided / switchable)
    endian_switch: Switch | None = None
    bit_endian: str | None = None
    encoding: str | None = None
    imports: list[str] = field(default_factory=list)
    hints: dict[str, Any] = field(default_factory=dict)


@dataclass
class TypeDef:
    name: str
    path: str
    meta: Meta
    parent: TypeDef | None = field(default=None, repr=False, compare=False)
    params: list[Param] = field(default_factory=list)
    seq: list[Attr] = field(default_factory=list)
    instances: list[Attr] = field(default_factory=list)
    enums: dict[str, EnumDef] = field(default_factory=dict)
    types: dict[str, TypeDef] = field(default_factory=dict)
    doc: str | None = None
    doc_ref: list[str] = field(default_factory=list)
    hints: dict[str, Any] = field(default_factory=dict)

    def chain(self) -> list[TypeDef]:
        """This type and its enclosing types, innermost first."""
        out: list[TypeDef] = []
        t: TypeDef | None = self
        while t is not None:
            out.append(t)
            t = t.parent
        return out

    def endian(self) -> str | None:
        for t in self.chain():
            if t.meta.endian or t.meta.endian_switch:
                return t.meta.endian
        return None

    def endian_switch_owner(self) -> TypeDef | None:
        for t in self.chain():
            if t.meta.endian:
                return None
            if t.meta.endian_switch:
                return t
        return None

    def bit_endian(self) -> str:
        for t in self.chain():
            if t.meta.bit_endian:
                return t.meta.bit_endian
        return "be"

    def encoding(self) -> str | None:
        for t in self.chain():
            if t.meta.encoding:
                return t.meta.encoding
        return None


@dataclass
class Spec:
    root: TypeDef
    loaded: Loaded

    @property
    def id(self) -> str:
        return self.root.name


def _text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _expr(v: Any, path: str) -> Expr:
    return Expr(_text(v), path)


def parse_type_ref(text: str) -> tuple[str, str | None]:
    """Split ``foo::bar(1, x)`` into ``("foo::bar", "1, x")``; args ``None`` when absent."""
    i = text.find("(")
    if i < 0:
        return text.strip(), None
    return text[:i].strip(), text[i + 1 : text.rstrip().rfind(")")]


def _doc_ref(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, list):
        return [_text(x) for x in v]
    return [_text(v)]


def _hints(d: dict[Any, Any]) -> dict[str, Any]:
    return {k[len("-pktscope-") :]: v for k, v in d.items() if str(k).startswith("-pktscope-")}


class _Builder:
    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded

    def err(self, msg: str, path: str) -> Exception:
        return self.loaded.error(msg, path)

    def want_map(self, v: Any, path: str) -> dict[Any, Any]:
        if v is None:
            return {}
        if not isinstance(v, dict):
            raise self.err(f"expected a map, got {type(v).__name__}", path)
        return v

    def meta(self, d: Any, path: str) -> Meta:
        d = self.want_map(d, path)
        m = Meta(id=d.get("id"), hints=_hints(d))
        endian = d.get("endian")
        if isinstance(endian, dict):
            m.endian_switch = self.switch(endian, f"{path}/endian")
        elif endian is not None:
            if endian not in ("be", "le"):
                raise self.err(f"unknown endianness {endian!r}", f"{path}/endian")
            m.endian = endian
        be = d.get("bit-endian")
        if be is not None:
            if be not in ("be", "le"):
                raise self.err(f"unknown bit endianness {be!r}", f"{path}/bit-endian")
            m.bit_endian = be
        if d.get("encoding") is not None:
            m.encoding = _text(d["encoding"])
        imports = d.get("imports") or []
        if not isinstance(imports, list):
            raise self.err("imports must be a list", f"{path}/imports")
        m.imports = [_text(x) for x in imports]
        return m

    def switch(self, d: dict[Any, Any], path: str) -> Switch:
        if "switch-on" not in d:
            raise self.err("switch without switch-on", path)
        cases = self.want_map(d.get("cases"), f"{path}/cases")
        return Switch(
            on=_expr(d["switch-on"], f"{path}/switch-on"),
            cases=[(_expr(k, f"{path}/cases/{k}"), _text(v)) for k, v in cases.items()],
            path=path,
        )

    def typedef(self, name: str, d: Any, path: str, parent: TypeDef | None) -> TypeDef:
        d = self.want_map(d, path)
        t = TypeDef(
            name=name,
            path=path,
            meta=self.meta(d.get("meta"), f"{path}/meta"),
            parent=parent,
            doc=_text(d["doc"]) if d.get("doc") is not None else None,
            doc_ref=_doc_ref(d.get("doc-ref")),
            hints=_hints(d),
        )
        for i, p in enumerate(d.get("params") or []):
            pp = f"{path}/params/{i}"
            p = self.want_map(p, pp)
            t.params.append(
                Param(
                    id=_text(p.get("id")),
                    type=_text(p["type"]) if p.get("type") is not None else None,
                    enum=_text(p["enum"]) if p.get("enum") is not None else None,
                    path=pp,
                    doc=_text(p["doc"]) if p.get("doc") is not None else None,
                )
            )
        seq = d.get("seq") or []
        if not isinstance(seq, list):
            raise self.err("seq must be a list", f"{path}/seq")
        for i, a in enumerate(seq):
            t.seq.append(self.attr(a, f"{path}/seq/{i}", "seq", None))
        for k, a in self.want_map(d.get("instances"), f"{path}/instances").items():
            ip = f"{path}/instances/{k}"
            a = self.want_map(a, ip)
            kind = "value" if "value" in a else "instance"
            t.instances.append(self.attr(a, ip, kind, _text(k)))
        for k, e in self.want_map(d.get("enums"), f"{path}/enums").items():
            t.enums[_text(k)] = self.enum(_text(k), e, f"{path}/enums/{k}")
            t.enums[_text(k)].owner = t
        for k, sub in self.want_map(d.get("types"), f"{path}/types").items():
            t.types[_text(k)] = self.typedef(_text(k), sub, f"{path}/types/{k}", t)
        return t

    def enum(self, name: str, d: Any, path: str) -> EnumDef:
        d = self.want_map(d, path)
        e = EnumDef(name=name, values={}, path=path)
        for k, v in d.items():
            if isinstance(k, bool) or not isinstance(k, int):
                raise self.err(f"enum key must be an integer, got {k!r}", f"{path}/{k}")
            if isinstance(v, dict):
                label = v.get("id")
                if v.get("doc") is not None:
                    e.docs[k] = _text(v["doc"])
            else:
                label = v
            e.values[k] = _text(label)
        return e

    def attr(self, a: Any, path: str, kind: str, name: str | None) -> Attr:
        a = self.want_map(a, path)
        at = Attr(id=name if name is not None else a.get("id"), kind=kind, path=path)
        if at.id is not None:
            at.id = _text(at.id)
        typ = a.get("type")
        if isinstance(typ, dict):
            at.switch = self.switch(typ, f"{path}/type")
        elif typ is not None:
            at.type = _text(typ)
        if "size" in a:
            at.size = _expr(a["size"], f"{path}/size")
        at.size_eos = bool(a.get("size-eos", False))
        if a.get("terminator") is not None:
            at.terminator = int(a["terminator"])
        at.consume = bool(a.get("consume", True))
        at.include = bool(a.get("include", False))
        at.eos_error = bool(a.get("eos-error", True))
        if a.get("pad-right") is not None:
            at.pad_right = int(a["pad-right"])
        if "contents" in a:
            at.contents = self.contents(a["contents"], f"{path}/contents")
        if a.get("encoding") is not None:
            at.encoding = _text(a["encoding"])
        if a.get("enum") is not None:
            at.enum = _text(a["enum"])
        rep = a.get("repeat")
        if rep is not None:
            if rep not in ("eos", "expr", "until"):
                raise self.err(f"unknown repeat {rep!r}", f"{path}/repeat")
            at.repeat = rep
            if rep == "expr":
                at.repeat_expr = _expr(a.get("repeat-expr"), f"{path}/repeat-expr")
            if rep == "until":
                at.repeat_until = _expr(a.get("repeat-until"), f"{path}/repeat-until")
        if "if" in a:
            at.if_expr = _expr(a["if"], f"{path}/if")
        if a.get("process") is not None:
            at.process = self.process(_text(a["process"]), f"{path}/process")
        if "valid" in a:
            at.valid = self.valid(a["valid"], f"{path}/valid")
        for key in ("pos", "io", "value", "parent"):
            if key in a:
                setattr(at, key, _expr(a[key], f"{path}/{key}"))
        if a.get("doc") is not None:
            at.doc = _text(a["doc"])
        at.doc_ref = _doc_ref(a.get("doc-ref"))
        at.hints = _hints(a)
        return at

    def contents(self, v: Any, path: str) -> bytes:
        items = v if isinstance(v, list) else [v]
        out = bytearray()
        for i, x in enumerate(items):
            if isinstance(x, bool):
                raise self.err("contents cannot be a boolean", f"{path}/{i}")
            if isinstance(x, int):
                if not 0 <= x <= 255:
                    raise self.err(f"contents byte out of range: {x}", f"{path}/{i}")
                out.append(x)
            else:
                out += _text(x).encode("utf-8")
        return bytes(out)

    def process(self, text: str, path: str) -> Process:
        name, args = parse_type_ref(text)
        exprs: list[Expr] = []
        if args is not None and args.strip():
            exprs = [Expr(a.strip(), path) for a in _split_args(args)]
        return Process(name=name, args=exprs, path=path)

    def valid(self, v: Any, path: str) -> Valid:
        if not isinstance(v, dict):
            return Valid(eq=_expr(v, path), path=path)
        out = Valid(path=path)
        if "eq" in v:
            out.eq = _expr(v["eq"], f"{path}/eq")
        if "min" in v:
            out.min = _expr(v["min"], f"{path}/min")
        if "max" in v:
            out.max = _expr(v["max"], f"{path}/max")
        if "any-of" in v:
            out.any_of = [_expr(x, f"{path}/any-of/{i}") for i, x in enumerate(v["any-of"])]
        if "in-enum" in v:
            out.in_enum = bool(v["in-enum"])
        if "expr" in v:
            out.expr = _expr(v["expr"], f"{path}/expr")
        return out


def _split_args(text: str) -> list[str]:
    """Split ``a, f(b, c), "x,y"`` at top-level commas."""
    out: list[str] = []
    depth = 0
    quote = ""
    cur = ""
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            cur += c
            if c == "\\" and i + 1 < len(text):
                cur += text[i + 1]
                i += 1
            elif c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
            cur += c
        elif c in "([{":
            depth += 1
            cur += c
        elif c in ")]}":
            depth -= 1
            cur += c
        elif c == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    out.append(cur)
    return out


def split_args(text: str) -> list[str]:
    """Public wrapper of the top-level comma splitter (type ref and process arguments)."""
    return [a.strip() for a in _split_args(text)]


def build_spec(loaded: Loaded) -> Spec:
    """Turn loaded YAML into the model; shape errors raise a located SpecError."""
    b = _Builder(loaded)
    data = b.want_map(loaded.data, "")
    meta = data.get("meta") or {}
    if not isinstance(meta, dict) or not meta.get("id"):
        raise loaded.error("meta/id is required", "/meta")
    root = b.typedef(_text(meta["id"]), data, "", None)
    return Spec(root=root, loaded=loaded)
