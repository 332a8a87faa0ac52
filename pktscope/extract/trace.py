"""Specialising an extractor to the frames a capture actually holds: trace one, guard the rest.

The planned extractor (:mod:`pktscope.extract.plan`) handles every layout a spec allows, so a
frame pays for tests whose answer hardly ever changes within a capture: is there a VLAN tag, IP
options, is the DHCP message type the first option. :func:`trace` runs a first layer's
generated code over one sample frame *concolically* -- every value is its concrete value plus
the code computing it from the frame -- and records each decision that depended on the frame's
bytes as a guard, every read at a fixed distance from the frame's start, and the values that
went to the columns. :func:`specialise` turns that trace into one function: a single
``unpack_from`` of all fixed-offset reads, the guards in their original order (so each is
evaluated only where the general code would evaluate it), and the columns. A frame that fails
a guard goes to the general code, so the output never depends on the sample: a specialised
function either takes exactly the decisions the general code takes, or hands the frame over.

Traces give up (no specialisation, the general code runs) on anything outside the small
language the planner generates, on a fallback, on calls into another layer function, and on
long traces.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, cast

__all__ = [
    "SAMPLES",
    "Trace",
    "TraceError",
    "Val",
    "function_body",
    "function_source",
    "specialise",
    "specialised",
    "structs_of",
    "trace",
]

_MAX_STEPS = 4000  # statements evaluated by one trace
_MAX_GUARDS = 200
_STRUCT_RE = re.compile(r"^(_K\d+) = _struct\.Struct\((['\"])([^'\"]+)\2\)\.unpack_from$", re.M)
_ITEM_RE = re.compile(r"(\d*)([xbBhHiIqQs?])")
_CODE_SIZE = {"b": 1, "B": 1, "?": 1, "h": 2, "H": 2, "i": 4, "I": 4, "q": 8, "Q": 8}


_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "//": operator.floordiv,
    "%": operator.mod, "&": operator.and_, "|": operator.or_, "^": operator.xor,
    "<<": operator.lshift, ">>": operator.rshift, "==": operator.eq, "!=": operator.ne,
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
    "in": lambda x, y: x in y, "not in": lambda x, y: x not in y,
}  # fmt: skip


class TraceError(Exception):
    """The sample frame's path cannot be specialised (the general code serves it)."""


class Val:
    """A value during a trace: ``value`` in the sample frame, ``code`` computing it in the
    specialised function (None: the same for every frame on this path), ``lin`` when it is
    the frame start plus that constant (a position), and ``kind``: ``int`` or ``bytesN``
    (``bytes`` of any length), the type every frame on this path gives it (None: not known,
    a renderer tests it)."""

    __slots__ = ("code", "kind", "lin", "value")

    def __init__(
        self, value: Any, code: str | None = None, lin: int | None = None, kind: str | None = None
    ) -> None:
        self.value = value
        self.code = code
        self.lin = lin
        self.kind = kind

    @property
    def static(self) -> bool:
        return self.code is None

    def src(self) -> str:
        return repr(self.value) if self.code is None else self.code


class Trace:
    """What one frame's path read, decided and produced."""

    __slots__ = ("columns", "reads", "steps")

    def __init__(self) -> None:
        self.reads: dict[tuple[int, str], str] = {}
        """(offset from the frame start, struct code with byte order) → local holding it."""
        self.steps: list[tuple[str, str]] = []
        """In order: ``("guard", condition)`` and ``("let", statement)``."""
        self.columns: dict[int, list[tuple[str, str | None]]] = {}
        """Column → (code, kind) of each value appended to it."""


class _Break(Exception):
    pass


class _Return(Exception):
    pass


def _item_list(fmt: str) -> tuple[str, list[tuple[int, str]]]:
    """A struct format's byte order and its items as (offset, code)."""
    if not fmt or fmt[0] not in "<>!":  # native order and alignment: not traced
        raise TraceError(f"struct format {fmt!r} without a byte order")
    order = ">" if fmt[0] == "!" else fmt[0]
    body = fmt[1:]
    items: list[tuple[int, str]] = []
    off = 0
    for count_text, code in _ITEM_RE.findall(body):
        count = int(count_text) if count_text else 1
        if code == "x":
            off += count
        elif code == "s":
            items.append((off, f"{count}s"))
            off += count
        else:
            for _ in range(count):
                items.append((off, code))
                off += _CODE_SIZE[code]
    return order, items


class _Tracer:
    def __init__(self, structs: dict[str, str], module: dict[str, Any], buf: Any) -> None:
        self.structs = {name: _item_list(fmt) for name, fmt in structs.items()}
        self.module = module
        self.buf = buf
        self.t = Trace()
        self.env: dict[str, Val] = {}
        self.count = 0
        self.steps = 0

    # -- helpers ----------------------------------------------------------------------------
    def fresh(self, hint: str) -> str:
        self.count += 1
        return f"_{hint}{self.count}"

    def guard(self, v: Val) -> bool:
        """The truth of ``v`` in the sample; a frame-dependent one becomes a guard."""
        truth = bool(v.value)
        if v.code is not None:
            if len(self.t.steps) >= _MAX_GUARDS:
                raise TraceError("too many decisions")
            self.t.steps.append(("guard", v.code if truth else f"not {v.code}"))
        return truth

    def let(self, v: Val) -> Val:
        """``v`` computed once (a local) when its code is more than a name."""
        if v.static or v.lin is not None or v.code is None or v.code.isidentifier():
            return v
        name = self.fresh("t")
        self.t.steps.append(("let", f"{name} = {v.code}"))
        return Val(v.value, name, kind=v.kind)

    def read(self, pos: Val, code: str, value: Any) -> Val:
        """A read of ``code`` at ``pos``: one of the fixed-offset reads, or a statement."""
        kind = f"bytes{code[:-1]}" if code.endswith("s") else "int"
        if pos.static:
            raise TraceError("a read at a position not tied to the frame")
        if pos.lin is not None:
            key = (pos.lin, code)
            name = self.t.reads.get(key)
            if name is None:
                name = self.t.reads[key] = self.fresh("r")
            return Val(value, name, kind=kind)
        name = self.fresh("d")
        if code.endswith("s"):
            stmt = f"{name} = buf[{pos.src()}:{pos.src()} + {code[:-1]}]"
        elif code == "B":
            stmt = f"{name} = buf[{pos.src()}]"
        else:
            stmt = f"{name}, = _struct.unpack_from({code!r}, buf, {pos.src()})"
        self.t.steps.append(("let", stmt))
        return Val(value, name, kind=kind)

    # -- statements -------------------------------------------------------------------------
    def run(self, body: Iterable[ast.stmt]) -> None:
        for stmt in body:
            self.stmt(stmt)

    def stmt(self, node: ast.stmt) -> None:
        self.steps += 1
        if self.steps > _MAX_STEPS:
            raise TraceError("trace too long")
        if isinstance(node, ast.Assign):
            value = self.expr(node.value)
            for target in node.targets:
                self.assign(target, value)
        elif isinstance(node, ast.If):
            self.run(node.body if self.guard(self.expr(node.test)) else node.orelse)
        elif isinstance(node, ast.While):
            try:
                while self.guard(self.expr(node.test)):
                    self.run(node.body)
                    self.steps += 1
                    if self.steps > _MAX_STEPS:
                        raise TraceError("trace too long")
            except _Break:
                pass
        elif isinstance(node, ast.Break):
            raise _Break
        elif isinstance(node, ast.Raise):
            raise TraceError("the sample frame takes the full decode")
        elif isinstance(node, ast.Return):
            if node.value is not None and not (
                isinstance(node.value, ast.Constant) and node.value.value is None
            ):
                raise TraceError("a call into another layer")
            raise _Return
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            self.append(node.value)
        elif isinstance(node, ast.Pass):
            pass
        else:
            raise TraceError(f"unsupported statement {type(node).__name__}")

    def append(self, call: ast.Call) -> None:
        """``out[i].append(x)``."""
        f = call.func
        if not (
            isinstance(f, ast.Attribute)
            and f.attr == "append"
            and isinstance(f.value, ast.Subscript)
            and isinstance(f.value.value, ast.Name)
            and f.value.value.id == "out"
            and isinstance(f.value.slice, ast.Constant)
            and len(call.args) == 1
        ):
            raise TraceError("unsupported call statement")
        v = self.expr(call.args[0])
        col = f.value.slice.value
        if type(col) is not int:
            raise TraceError("unsupported column")
        kind = v.kind if not v.static else _static_kind(v.value)
        self.t.columns.setdefault(col, []).append((v.src(), kind))

    def assign(self, target: ast.expr, value: Val) -> None:
        if isinstance(target, ast.Name):
            self.env[target.id] = self.let(value)
        elif isinstance(target, ast.Tuple):
            if not isinstance(value.value, tuple) or value.code is not None:
                raise TraceError("unsupported unpacking")
            parts = value.value
            if len(parts) != len(target.elts):
                raise TraceError("unpacking size")
            for t, v in zip(target.elts, parts, strict=True):
                self.assign(t, v)
        else:
            raise TraceError("unsupported assignment target")

    # -- expressions ------------------------------------------------------------------------
    def expr(self, node: ast.expr) -> Val:
        if isinstance(node, ast.Constant):
            return Val(node.value)
        if isinstance(node, ast.Name):
            if node.id in self.env:
                return self.env[node.id]
            if node.id in self.module:
                return Val(self.module[node.id])
            raise TraceError(f"unknown name {node.id}")
        if isinstance(node, ast.Tuple):
            return Val(tuple(self.expr(e) for e in node.elts))
        if isinstance(node, ast.NamedExpr):
            v = self.let(self.expr(node.value))
            self.env[node.target.id] = v
            return v
        if isinstance(node, ast.BinOp):
            return self.binop(node.op, self.expr(node.left), self.expr(node.right))
        if isinstance(node, ast.UnaryOp):
            v = self.expr(node.operand)
            if isinstance(node.op, ast.Not):
                truth = self.guard(v)
                return Val(not truth)
            fn: dict[type[ast.unaryop], Callable[[Any], Any]] = {
                ast.USub: operator.neg, ast.Invert: operator.invert, ast.UAdd: operator.pos,
            }  # fmt: skip
            op = {ast.USub: "-", ast.Invert: "~", ast.UAdd: "+"}[type(node.op)]
            res = fn[type(node.op)](v.value)
            return Val(res) if v.static else Val(res, f"({op}{v.code})")
        if isinstance(node, ast.BoolOp):
            whole = self.boolop_whole(node)
            if whole is not None:
                return whole
            is_and = isinstance(node.op, ast.And)
            v = Val(None)
            for operand in node.values:
                v = self.expr(operand)
                truth = self.guard(v)
                if truth != is_and:
                    return Val(truth) if not v.static and isinstance(v.value, bool) else v
            return Val(bool(v.value)) if not v.static and isinstance(v.value, bool) else v
        if isinstance(node, ast.IfExp):
            return self.expr(node.body if self.guard(self.expr(node.test)) else node.orelse)
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.Subscript):
            return self.subscript(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        raise TraceError(f"unsupported expression {type(node).__name__}")

    def boolop_whole(self, node: ast.BoolOp) -> Val | None:
        """``a or b`` as one value when every operand is a plain expression of the frame (no
        read at a varying position, no local set, no decision inside): then ``v == 67 or v ==
        68`` is one guard that frames with either port pass. None otherwise (the operands are
        then decided one by one, as the general code evaluates them)."""
        mark = (len(self.t.steps), dict(self.env), self.count, dict(self.t.reads))
        try:
            vals = [self.expr(operand) for operand in node.values]
        except TraceError:
            vals = None
        except Exception:  # a later operand the general code would not evaluate
            vals = None
        if vals is None or len(self.t.steps) != mark[0] or self.env != mark[1]:
            self.t.steps[mark[0] :] = []
            self.env, self.count, self.t.reads = mark[1], mark[2], mark[3]
            return None
        if all(v.static for v in vals):
            return None  # decided the same for every frame: the usual path keeps it static
        if len({type(v.value) for v in vals}) != 1 or type(vals[0].value) not in (bool, int):
            return None  # which operand comes out would decide the value's type
        word = " and " if isinstance(node.op, ast.And) else " or "
        result = vals[-1].value
        for v in vals:
            if bool(v.value) != isinstance(node.op, ast.And):
                result = v.value
                break
        return Val(result, "(" + word.join(v.src() for v in vals) + ")")

    def bounded(self, name: str, args: list[Val]) -> Val:
        """``_rdb``/``_rd`` (a ``pos:`` read inside its stream): the same checks, as guards."""
        at, size, start, end, order, signed = _rd_args(args)
        for v in (at, size):
            if type(v.value) is not int:
                raise TraceError("the sample frame takes the full decode")
        if at.static:
            raise TraceError("a read at a position not tied to the frame")
        stop = self.binop(ast.Add(), at, size)
        for check in (
            self.compare_values(size, ">=", Val(0)),
            self.compare_values(at, ">=", start),
            self.compare_values(stop, "<=", end),
        ):
            if not self.guard(check):
                raise TraceError("the sample frame takes the full decode")
        raw = bytes(self.buf[at.value : stop.value])
        if order is None:
            if at.lin is not None and size.static:
                return self.read(at, f"{size.value}s", raw)
            local = self.fresh("d")
            self.t.steps.append(("let", f"{local} = bytes(buf[{at.src()}:{stop.src()}])"))
            return Val(raw, local, kind="bytes")
        assert signed is not None
        value = int.from_bytes(raw, order.value, signed=bool(signed.value))
        local = self.fresh("d")
        self.t.steps.append(
            ("let", f"{local} = int.from_bytes(buf[{at.src()}:{stop.src()}], "
                    f"{order.value!r}, signed={bool(signed.value)!r})")
        )  # fmt: skip
        return Val(value, local, kind="int")

    def compare_values(self, a: Val, sym: str, b: Val) -> Val:
        res = _OPS[sym](a.value, b.value)
        if (a.static and b.static) or (a.lin is not None and b.lin is not None):
            return Val(res)
        return Val(res, f"({a.src()} {sym} {b.src()})")

    def binop(self, op: ast.operator, a: Val, b: Val) -> Val:
        sym = {
            ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.FloorDiv: "//", ast.Mod: "%",
            ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>",
        }.get(type(op))  # fmt: skip
        if sym is None:
            raise TraceError("unsupported operator")
        res = _OPS[sym](a.value, b.value)
        if a.static and b.static:
            return Val(res)
        if b.static and b.value == 0 and sym in ("+", "-", ">>", "<<", "|", "^"):
            return a  # the identity: x >> 0 is x
        if sym == "-" and a.lin is not None and b.lin is not None:
            return Val(res)  # two positions in the same frame: their distance is fixed
        lin = None
        if isinstance(op, ast.Add) and a.lin is not None and b.static and type(b.value) is int:
            lin = a.lin + b.value
        elif isinstance(op, ast.Add) and b.lin is not None and a.static and type(a.value) is int:
            lin = b.lin + a.value
        elif isinstance(op, ast.Sub) and a.lin is not None and b.static and type(b.value) is int:
            lin = a.lin - b.value
        kind = "int" if _int_kind(a) and _int_kind(b) else None
        if lin is not None:
            return Val(res, "s" if lin == 0 else f"(s + {lin})", lin, kind)
        return Val(res, f"({a.src()} {sym} {b.src()})", kind=kind)

    def compare(self, node: ast.Compare) -> Val:
        left = self.expr(node.left)
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = self.expr(right_node)
            if isinstance(op, (ast.Is, ast.IsNot)):
                # a frame-dependent value is an int, bytes or str: never None or a sentinel
                same = left.value is right.value
                part = Val(same if isinstance(op, ast.Is) else not same)
            else:
                sym = {
                    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">",
                    ast.GtE: ">=", ast.In: "in", ast.NotIn: "not in",
                }[type(op)]  # fmt: skip
                res = _OPS[sym](left.value, right.value)
                if (left.static and right.static) or (
                    left.lin is not None and right.lin is not None
                ):  # constants, or two positions in the frame: decided once
                    part = Val(res)
                else:
                    rsrc = right.src()
                    if right.static and isinstance(right.value, frozenset):
                        rsrc = self.constant(right.value)
                    part = Val(res, f"({left.src()} {sym} {rsrc})")
            if len(node.ops) == 1:
                return part
            if not self.guard(part):
                return Val(False)
            left = right
        return Val(True)

    def constant(self, value: frozenset[Any]) -> str:
        name = next((k for k, v in self.module.items() if v is value), None)
        if name is None:
            raise TraceError("unnamed constant")
        return name

    def subscript(self, node: ast.Subscript) -> Val:
        if not (isinstance(node.value, ast.Name) and node.value.id == "buf"):
            raise TraceError("unsupported subscript")
        if isinstance(node.slice, ast.Slice):
            lo = self.expr(node.slice.lower) if node.slice.lower is not None else None
            hi = self.expr(node.slice.upper) if node.slice.upper is not None else None
            if lo is None or hi is None or node.slice.step is not None or lo.static or hi.static:
                raise TraceError("unsupported slice")
            value = self.buf[lo.value : hi.value]
            if lo.lin is not None and hi.lin is not None and hi.lin > lo.lin:
                return self.read(lo, f"{hi.lin - lo.lin}s", bytes(value))
            name = self.fresh("d")
            self.t.steps.append(("let", f"{name} = buf[{lo.src()}:{hi.src()}]"))
            return Val(bytes(value), name, kind="bytes")
        pos = self.expr(node.slice)
        if type(pos.value) is not int:
            raise TraceError("unsupported index")
        return self.read(pos, "B", self.buf[pos.value])

    def call(self, node: ast.Call) -> Val:
        if not isinstance(node.func, ast.Name) or node.keywords:
            raise TraceError("unsupported call")
        name = node.func.id
        if name in self.structs:
            if len(node.args) != 2 or not (
                isinstance(node.args[0], ast.Name) and node.args[0].id == "buf"
            ):
                raise TraceError("unsupported read")
            pos = self.expr(node.args[1])
            order, items = self.structs[name]
            values = self.module[name](self.buf, pos.value)
            if pos.lin is None:  # at a frame-dependent position: the same read, in its place
                names = [self.fresh("d") for _ in values]
                self.t.steps.append(("let", f"{', '.join(names)}, = {name}(buf, {pos.src()})"))
                kinds = ["bytes" + c[:-1] if c.endswith("s") else "int" for _o, c in items]
                return Val(
                    tuple(Val(v, n, kind=k) for v, n, k in zip(values, names, kinds, strict=True))
                )
            out = []
            for (off, code), value in zip(items, values, strict=True):
                full = code if code.endswith("s") or code in "bB" else order + code
                at = Val(pos.value + off, None if pos.code is None else f"({pos.src()} + {off})",
                         None if pos.lin is None else pos.lin + off)  # fmt: skip
                out.append(self.read(at, full, value))
            return Val(tuple(out))
        args = [self.expr(a) for a in node.args]
        if name == "_fb":
            raise TraceError("the sample frame takes the full decode")
        if name in ("_rdb", "_rd"):
            return self.bounded(name, args)
        if name == "_toi" and len(args) == 1 and type(args[0].value) is int:
            return args[0]
        if name == "type" and len(args) == 1:
            return Val(type(args[0].value))
        if name == "isinstance" and len(args) == 2 and args[1].static:
            return Val(isinstance(args[0].value, args[1].value))
        if name == "len" and len(args) == 1:
            v = args[0]
            return Val(len(v.value)) if v.static else Val(len(v.value), f"len({v.code})")
        raise TraceError(f"unsupported call {name}")


def _static_kind(value: Any) -> str | None:
    if type(value) is int:
        return "int"
    if type(value) is bytes:
        return f"bytes{len(value)}"
    return None


def _int_kind(v: Val) -> bool:
    return v.kind == "int" or (v.static and type(v.value) is int) or v.lin is not None


def _rd_args(args: list[Val]) -> tuple[Val, Val, Val, Val, Val | None, Val | None]:
    """``_rdb(buf, at, size, start, end)`` / ``_rd(buf, at, size, order, signed, start,
    end)`` as (at, size, start, end, order, signed)."""
    if len(args) == 5:
        return args[1], args[2], args[3], args[4], None, None
    if len(args) == 7 and args[3].static and args[4].static:
        return args[1], args[2], args[5], args[6], args[3], args[4]
    raise TraceError("unsupported bounded read")


def function_source(source: str, name: str) -> str:
    """The text of top-level function ``name`` in a generated module."""
    start = source.find(f"\ndef {name}(")
    if start < 0:
        raise TraceError(f"no function {name}")
    end = source.find("\ndef ", start + 1)
    tail = source.find("\n_", start + 1)
    stops = [x for x in (end, tail) if x > 0]
    return source[start + 1 : min(stops) if stops else len(source)]


class _Unparsed(ast.stmt):
    """A statement the lazy parser does not model (``for``, ``try``...): refused if reached."""


class _Block:
    """The statements of an indented block of generated code, parsed when first run: a trace
    follows one path, so most of a first layer's ~800 lines are never parsed. Generated code
    has one statement per line and no comments; a line that does not parse refuses the trace."""

    __slots__ = ("lines", "stmts")

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.stmts: list[ast.stmt] | None = None

    def __iter__(self) -> Iterator[ast.stmt]:
        if self.stmts is None:
            try:
                self.stmts = _statements(self.lines)
            except SyntaxError as exc:
                raise TraceError(f"unparsed generated line: {exc}") from exc
        return iter(self.stmts)


def _body_end(lines: list[str], i: int) -> int:
    """The end of the indented block starting at line ``i``."""
    while i < len(lines) and (lines[i].startswith(" ") or not lines[i].strip()):
        i += 1
    return i


def _sub(lines: list[str], i: int, j: int) -> list[ast.stmt]:
    """Lines ``i:j`` as a block one level in. A :class:`_Block` stands in for the statement
    list of an ``If``/``While`` node: the tracer only iterates it."""
    return cast("list[ast.stmt]", _Block([line[4:] for line in lines[i:j]]))


def _test(head: str, word: str) -> ast.expr:
    return ast.parse(head[len(word) : -1].strip(), mode="eval").body


def _statements(lines: list[str]) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    i = 0
    while i < len(lines):
        text = lines[i].rstrip()
        j = _body_end(lines, i + 1)
        if not text:
            i += 1
            continue
        if j == i + 1 or not text.endswith(":"):  # a simple line (or `if x: raise _FB`)
            out.extend(ast.parse(text).body)
            i = j
            continue
        if text.startswith("if "):
            node = ast.If(test=_test(text, "if"), body=_sub(lines, i + 1, j), orelse=[])
            out.append(node)
            while j < len(lines) and lines[j].startswith(("elif ", "else:")):
                k = _body_end(lines, j + 1)
                head = lines[j].rstrip()
                if head.startswith("elif "):
                    nxt = ast.If(test=_test(head, "elif"), body=_sub(lines, j + 1, k), orelse=[])
                    node.orelse = [nxt]
                    node = nxt
                else:
                    node.orelse = _sub(lines, j + 1, k)
                j = k
        elif text.startswith("while "):
            out.append(ast.While(test=_test(text, "while"), body=_sub(lines, i + 1, j), orelse=[]))
        else:
            out.append(_Unparsed())
        i = j
    return out


def function_body(source: str, name: str) -> list[ast.stmt]:
    """The body of generated top-level function ``name``, to be parsed as it is traced."""
    lines = function_source(source, name).splitlines()
    if not lines or not lines[0].startswith(f"def {name}("):
        raise TraceError(f"no function {name}")
    return _sub(lines, 1, _body_end(lines, 1))


def structs_of(source: str) -> dict[str, str]:
    """The module's ``_Kn`` struct readers (defined before its first function)."""
    head = source[: source.find("\ndef ")]
    return {m.group(1): m.group(3) for m in _STRUCT_RE.finditer(head)}


def trace(
    body: Iterable[ast.stmt],
    structs: dict[str, str],
    module: dict[str, Any],
    buf: Any,
    *,
    start: int,
    end: int,
) -> Trace:
    """Run the ``body`` of a first layer's function ``(buf, s, e, out, n)`` (its AST, or
    :func:`function_body`) over ``buf[start:end]``."""
    tr = _Tracer(structs, module, buf)
    tr.env = {"s": Val(start, "s", 0), "e": Val(end, "e"), "n": Val(1), "buf": Val(buf)}
    try:
        tr.run(body)
    except _Return:
        pass
    except _Break as exc:
        raise TraceError("break outside a loop") from exc
    except TraceError:
        raise
    except Exception as exc:  # the sample frame raises in the general code too
        raise TraceError(f"{type(exc).__name__} in the sample frame") from exc
    else:
        raise TraceError("the function ended without a return")
    return tr.t


def _size(code: str) -> int:
    return int(code[:-1]) if code.endswith("s") else _CODE_SIZE[code[-1]]


def specialise(
    t: Trace,
    columns: int,
    row: Callable[[list[int], list[str], list[str | None]], list[str] | None],
    name: str,
) -> str | None:
    """Source of ``name(buf, s, e)``: the frame's line when it takes ``t``'s path, otherwise
    ``_G(buf, s, e)`` (the general code's line). ``row(counts, values, kinds)`` gives the
    statements setting ``line`` from the columns' value codes (None: not specialisable)."""
    counts = [len(t.columns.get(i, ())) for i in range(columns)]
    values = [v for i in range(columns) for v, _k in t.columns.get(i, ())]
    kinds = [k for i in range(columns) for _v, k in t.columns.get(i, ())]
    body = row(counts, values, kinds)
    if body is None:
        return None
    steps = _live(t.steps, [*values, *body])
    used = {n for text in [*values, *body, *(x for _k, x in steps)] for n in _NAME_RE.findall(text)}
    reads = {key: local for key, local in t.reads.items() if local in used}
    lines = [f"def {name}(buf, s, e):"]
    readers: list[str] = []  # module-level struct readers, made once
    bail = "return _G(buf, s, e)"
    top = max((off + _size(code) for off, code in reads), default=0)
    if reads:
        lines.append(f"    if e - s < {top}: {bail}")
        orders = {code[0] for _off, code in reads if code[0] in "<>"}
        main = min(orders) if orders else ">"  # order-free codes (B, Ns) join the main group
        groups: dict[str, list[tuple[int, str, str]]] = {}
        for (off, code), local in sorted(reads.items()):
            order = code[0] if code[0] in "<>" else main
            groups.setdefault(order, []).append((off, code.lstrip("<>"), local))
        for order, items in sorted(groups.items()):
            fmt, cur, names = order, 0, []
            for off, code, local in items:
                if off < cur:  # overlaps the previous read: a read of its own
                    one = order + code
                    lines.append(f"    {local}, = _struct.unpack_from({one!r}, buf, s + {off})")
                    continue
                fmt += (f"{off - cur}x" if off > cur else "") + code
                cur = off + _size(code)
                names.append(local)
            reader = f"_SK{len(readers) + 1}"
            readers.append(f"{reader} = _struct.Struct({fmt!r}).unpack_from")
            lines.append(f"    {', '.join(names)}, = {reader}(buf, s)")
    pending: list[str] = []
    done: set[str] = set()  # locals are never reassigned: a guard holds once tested
    for kind, text in steps:
        if kind == "guard":
            if text in done or (reads and _implied(text, top)):
                continue
            done.add(text)
            pending.append(text)
            continue
        if pending and not _PURE_RE.fullmatch(text):  # a read: after the guards it needs
            lines.append(f"    if not ({' and '.join(_strongest(pending))}): {bail}")
            pending = []
        lines.append(f"    {text}")  # arithmetic cannot fail: before the pending guards
    if pending:
        lines.append(f"    if not ({' and '.join(_strongest(pending))}): {bail}")
    lines += [f"    {b}" for b in body]
    lines.append("    return line")
    return "\n".join([*readers, *lines]) + "\n"


_BOUND_RE = re.compile(r"not \(\(s \+ (\d+)\) (>=|>) e\)|not \(e (<=|<) \(s \+ (\d+)\)\)")


_PURE_RE = re.compile(  # names, numbers, operators; no // or %, no shift by a computed count
    r"_t\d+ = (?!.*(?:<<|>>)\s*[^\d\s])[\w\s()+\-*&|^<>=!]*"
)
_EQ_RE = re.compile(r"\((_[rtd]\d+) == (-?\d+)\)")
_NE_RE = re.compile(r"not \((_[rtd]\d+) == (-?\d+)\)|\((_[rtd]\d+) != (-?\d+)\)")
_FLOOR_RE = re.compile(
    r"not \(\(s \+ (\d+)\) (>=|>) (_t\d+)\)|not \((_t\d+) (<=|<) \(s \+ (\d+)\)\)"
)


def _floor(guard: str) -> tuple[str, int] | None:
    """``(x, c)`` for a guard meaning ``x >= s + c`` (x a local), else None."""
    m = _FLOOR_RE.fullmatch(guard)
    if m is None:
        return None
    if m.group(1) is not None:  # not (s + c > x): x >= s + c; not (s + c >= x): x >= s + c + 1
        return m.group(3), int(m.group(1)) + (m.group(2) == ">=")
    # not (x < s + c): x >= s + c; not (x <= s + c): x >= s + c + 1
    return m.group(4), int(m.group(6)) + (m.group(5) == "<=")


def _strongest(guards: list[str]) -> list[str]:
    """``guards`` (tested together) without those the others imply: ``x >= s + c`` by one
    with a larger ``c``, ``x != b`` by ``x == a``."""
    need: dict[str, int] = {}
    equal: dict[str, int] = {}
    for g in guards:
        floor = _floor(g)
        if floor is not None:
            need[floor[0]] = max(need.get(floor[0], floor[1]), floor[1])
        m = _EQ_RE.fullmatch(g)
        if m is not None:
            equal[m.group(1)] = int(m.group(2))
    out: list[str] = []
    for g in guards:
        m = _NE_RE.fullmatch(g)
        if m is not None:
            name, value = m.group(1) or m.group(3), int(m.group(2) or m.group(4))
            if name in equal and equal[name] != value:
                continue  # x == a makes x != b certain
        floor = _floor(g)
        if floor is None:
            out.append(g)
        elif floor[1] == need[floor[0]]:
            out.append(g)
            need[floor[0]] = -1  # once
    return out


def _implied(guard: str, top: int) -> bool:
    """True for a guard that ``e - s >= top`` (tested first) implies: ``s + c <= e``."""
    m = _BOUND_RE.fullmatch(guard)
    if m is None:
        return False
    if m.group(1) is not None:  # not (s + c > e): c <= e - s; not (s + c >= e): c < e - s
        c, strict = int(m.group(1)), m.group(2) == ">="
    else:  # not (e <= s + c): c < e - s; not (e < s + c): c <= e - s
        c, strict = int(m.group(4)), m.group(3) == "<="
    return c < top if strict else c <= top


_NAME_RE = re.compile(r"\b_[tdr]\d+\b")


def _live(steps: list[tuple[str, str]], after: list[str]) -> list[tuple[str, str]]:
    """``steps`` without the locals nothing later uses (a value computed on the path but
    decided on by nothing: the general code needs it, the specialised one does not)."""
    used = {m for text in after for m in _NAME_RE.findall(text)}
    kept: list[tuple[str, str]] = []
    for kind, text in reversed(steps):
        if kind == "let":
            targets = _NAME_RE.findall(text.split("=", 1)[0])
            if targets and not any(n in used for n in targets):
                continue
            used.update(_NAME_RE.findall(text.split("=", 1)[1]))
        else:
            used.update(_NAME_RE.findall(text))
        kept.append((kind, text))
    kept.reverse()
    return kept


SAMPLES = 32  # frames looked at, at the start of a capture
_ATTEMPTS = 3  # frames traced at most


def specialised(
    layer: Callable[..., None],
    source: str,
    row: Any,
    *,
    columns: int,
    general: Callable[[Any, int, int], str],
    buf: Any,
    samples: Sequence[tuple[int, int]],
) -> Callable[[Any, int, int], str] | None:
    """A line function for frames that take the path of most ``samples`` (frame bounds in
    ``buf``) through ``layer`` (a first layer's generated function, defined in ``source``),
    handing other frames to ``general``; None when no traced path serves at least half of the
    samples. The first sample is traced; when its path serves too few, the first one it does
    not serve is (at most ``_ATTEMPTS`` traces)."""
    module = layer.__globals__
    try:
        body = function_body(source, layer.__name__)
    except TraceError:
        return None
    if not samples:
        return None
    structs = structs_of(source)
    todo = list(samples)
    for _attempt in range(_ATTEMPTS):
        if not todo:
            break
        start, end = todo[0]
        try:
            t = trace(body, structs, module, buf, start=start, end=end)
        except TraceError:
            todo = todo[1:]
            continue
        src = specialise(t, columns, row.spec, "_S")
        if src is None:
            return None
        ns = dict(module)
        ns.update(row.ns)
        ns["ROW"] = row.row
        exec(compile(src, "<pktscope fields specialised>", "exec"), ns)
        made: Callable[[Any, int, int], str] = ns["_S"]
        missed: list[tuple[int, int]] = []
        ns["_G"] = lambda _b, s, e, missed=missed: missed.append((s, e))  # a sample it hands over
        for bounds in samples:
            made(buf, *bounds)
        ns["_G"] = general
        if 2 * len(missed) <= len(samples):
            made.__doc__ = src  # what runs, for a reader with a debugger
            return made
        todo = missed
    return None
