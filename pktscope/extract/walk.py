"""Generated walks over a type's ``seq``: positions, the values asked for, and proof of success.

:class:`Walker` emits Python that follows a type's ``seq`` over the frame buffer the way the
generated parser reads it, but builds nothing: a position is a base local plus a constant
(``s + 28``: fields after fixed-size ones sit at static offsets), a variable size, ``if:``,
switch or array moves the base to a fresh local, and only fields some expression or a
requested path uses are read. Everything walked is checked to decode without error (bounds,
non-negative sizes, each element of an array, each switch case's own fields, string decoding),
because an error there would change what the full decode gives; where the walk cannot prove it
(``process``, ``contents``, ``valid``, terminators, an unknown type) the generated code raises
the fallback exception at that point, so only frames that reach it take the full decode.

The generated code expects in its namespace: ``buf`` (the capture or frame bytes) passed as an
argument, ``_FB`` (the fallback exception), ``_fb()`` (raises it) and ``_NO`` (a sentinel).

Arguments of parametric types are not evaluated: the walk serves bundled specs only, whose
instances evaluate on every fully decoded object (tests/specs/test_specs_robust.py), and their
arguments are such instances of earlier, fully walked elements.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from pktscope.compile.translate import pyname
from pktscope.extract.exprs import FALLBACK, Scope, translate_text
from pktscope.spec.model import Attr, TypeDef, parse_type_ref
from pktscope.spec.types import PRIM_RE, Universe

__all__ = ["Emitter", "Pos", "Target", "Walker"]

_MAX_DEPTH = 8  # nested user types walked inline (a recursive type stops here)
_SAFE_ENCODINGS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1"})
_ENCODING_RE = re.compile(r"[A-Za-z0-9_.-]{1,40}\Z")


class Emitter:
    """Lines of Python with indentation, and fresh local names."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.level = 0
        self._count = 0

    def line(self, text: str) -> None:
        self.lines.append("    " * self.level + text)

    @contextmanager
    def block(self, head: str) -> Iterator[None]:
        self.line(head)
        self.level += 1
        try:
            yield
        finally:
            self.level -= 1

    def fresh(self, hint: str) -> str:
        self._count += 1
        return f"_{hint}{self._count}"


@dataclass(frozen=True)
class Pos:
    """A position: ``base`` (a local or expression) plus a constant."""

    base: str
    off: int = 0

    def __str__(self) -> str:
        return self.base if self.off == 0 else f"({self.base} + {self.off})"

    def plus(self, n: int) -> Pos:
        return Pos(self.base, self.off + n)


@dataclass(frozen=True)
class Target:
    """A search: the first present value ``steps`` name (each step a seq field id, arrays
    searched element by element) goes to local ``hit`` (which starts as ``_NO``)."""

    steps: tuple[str, ...]
    hit: str


@dataclass
class Walked:
    """What a walk of one type leaves: its scope (field locals) and the position after it."""

    scope: Scope
    pos: Pos


class Walker:
    """Emits walks into ``em``; ``wanted`` holds ``(type path, field id)`` pairs to read.

    Run it twice: the first run records in :attr:`demand` every field an expression used, the
    second (with ``wanted`` grown by that) reads them.
    """

    def __init__(
        self,
        uni: Universe,
        em: Emitter,
        wanted: set[tuple[str, str]],
        memo_uses: dict[str, int] | None = None,
        structs: dict[str, str] | None = None,
    ) -> None:
        self.uni = uni
        self.em = em
        self.wanted = wanted
        self.demand: set[tuple[str, str]] = set()
        self._pending: Pos | None = None
        self._pending_end = ""
        self._depth = 0
        self._checked: tuple[str, str, int] | None = None  # the last check still in force
        self._ahead = 0  # bytes of fixed-size fields from the current field's start on
        self.memo: dict[str, str] = {}
        """Locals caching the outermost type's instances (initialised to ``_NO`` by the caller)."""
        self.uses: dict[str, int] = {}
        """How many places use each outermost instance (memoised only when used twice: pass
        the first run's count as ``memo_uses``)."""
        self._memo_uses = memo_uses
        self.structs: dict[str, str] = structs if structs is not None else {}
        """``struct`` formats of batched reads → module-level names (``_K1``)."""
        self._batch: list[tuple[int, str, str]] = []  # (offset, struct code, local)
        self._batch_base = ""
        self._batch_order = ""
        self._post: list[str] = []  # lines deriving values from a batch (bit fields)
        self.field_starts: dict[str, str] = {}
        """Where each field of the outermost walk starts (a payload field's start)."""

    # -- checks ---------------------------------------------------------------------------
    def _need(self, pos: Pos, end: str) -> None:
        """Remember that the walk reached ``pos`` (checked against ``end`` before next use)."""
        if self._pending is not None and (
            self._pending.base != pos.base or self._pending_end != end
        ):
            self.flush()
        if self._pending is None or pos.off >= self._pending.off:
            self._pending, self._pending_end = pos, end

    def flush(self) -> None:
        """Emit the bounds check of the farthest position walked since the last check (none
        when a check in force already covers it)."""
        pending = self._pending
        if pending is not None and str(pending) == self._pending_end:
            self._pending = None  # the end itself: nothing to check
        if pending is not None and self._pending is not None:
            done = self._checked
            if (
                done is None
                or done[:2] != (pending.base, self._pending_end)
                or (done[2] < pending.off)
            ):
                self.em.line(f"if {pending} > {self._pending_end}: raise _FB")
                self._checked = (pending.base, self._pending_end, pending.off)
            self._pending = None

    def _line(self, text: str) -> None:
        """A line of generated code (reads queued before it are emitted first)."""
        self._flush_batch()
        self.em.line(text)

    def _queue(self, pos: Pos, code: str, local: str, order: str = "") -> str:
        """Read ``code`` (a ``struct`` code) at ``pos`` into ``local`` in the next batch: the
        reads at constant offsets from one base become one ``unpack_from``. Returns the local
        holding the value (an earlier read of the same bytes is reused)."""
        if self._batch and (
            self._batch_base != pos.base or (order and self._batch_order not in ("", order))
        ):
            self._flush_batch()
        for off, c, have in self._batch:
            if off == pos.off and c == code:
                return have
        end = pos.off + _code_size(code)
        if any(off < end and pos.off < off + _code_size(c) for off, c, _h in self._batch):
            self._flush_batch()  # overlapping bytes: a read of its own
        self._batch_base = pos.base
        if order:
            self._batch_order = order
        self._batch.append((pos.off, code, local))
        return local

    def _flush_batch(self) -> None:
        batch, post = self._batch, self._post
        if not batch:
            return
        self._batch, self._post = [], []
        base, order = self._batch_base, self._batch_order or ">"
        self._batch_order = ""
        batch.sort()
        first = batch[0][0]
        at = Pos(base, first)
        if len(batch) == 1 and batch[0][1] == "B":
            self.em.line(f"{batch[0][2]} = buf[{at}]")
        elif len(batch) == 1 and batch[0][1].endswith("s"):
            size = int(batch[0][1][:-1])
            self.em.line(f"{batch[0][2]} = buf[{at}:{at.plus(size)}]")
        else:
            fmt = order
            cur = first
            for off, code, _local in batch:
                if off < cur:  # overlapping reads: not batched together
                    raise AssertionError("overlapping batched reads")
                if off > cur:
                    fmt += f"{off - cur}x"
                fmt += code
                cur = off + _code_size(code)
            name = self.structs.setdefault(fmt, f"_K{len(self.structs) + 1}")
            targets = "".join(f"{local}, " for _off, _code, local in batch)
            self.em.line(f"{targets}= {name}(buf, {at})")
        for line in post:
            self.em.line(line)

    def finish(self) -> None:
        """Emit what is still pending (checks, then reads): the walk's locals are then set."""
        self.flush()
        self._flush_batch()

    def _read_at(self, pos: Pos, end: str) -> None:
        """Before reading at ``pos``: check the whole fixed-size stretch it starts (the parser
        reads such a run at once, so a cut run changes values) and any pending check."""
        if self._ahead:
            self._need(pos.plus(self._ahead), end)
        self.flush()

    @contextmanager
    def _block(self, head: str, *, loop: bool = False) -> Iterator[None]:
        """A block of generated code. A check emitted before an ``if`` holds inside it and
        after it (positions are fresh locals, not reassigned in a branch); one emitted inside
        holds only there. A loop body reassigns its position: nothing holds across it."""
        self.flush()
        self._flush_batch()
        saved = None if loop else self._checked
        self._checked = saved
        with self.em.block(head):
            yield
            self.flush()
            self._flush_batch()
        self._checked = saved

    def _expr(self, text: str, scope: Scope, pos: Pos | None) -> str:
        self.flush()
        scope.pos = str(pos) if pos is not None else None
        src = translate_text(text, scope)
        for sc in (scope, scope.elem):
            if sc is not None:
                self.demand.update((sc.typedef.path, name) for name in sc.demand)
        scope.pos = None
        return src

    def fail(self) -> None:
        self.flush()
        self._line("raise _FB")

    def materialize(self, pos: Pos) -> Pos:
        """``pos`` in a fresh local (before a branch or a loop changes it)."""
        self.flush()
        var = self.em.fresh("p")
        self._line(f"{var} = {pos}")
        self._checked = None
        return Pos(var)

    # -- types ----------------------------------------------------------------------------
    def walk_type(
        self,
        td: TypeDef,
        start: str,
        end: str,
        pos: Pos,
        *,
        stop: int | None = None,
        targets: tuple[Target, ...] = (),
        break_on_hit: str | None = None,
    ) -> Walked:
        """Walk ``td.seq[:stop]`` from ``pos`` in the stream ``[start, end)``."""
        scope = Scope(self.uni, td, start, end)
        if self._depth == 0:
            scope.memo = self.memo
            scope.uses = self.uses
            scope.memo_only = (
                None
                if self._memo_uses is None
                else {k for k, v in self._memo_uses.items() if v > 1}
            )
        if self._depth >= _MAX_DEPTH:
            self.fail()
            return Walked(scope, pos)
        self._depth += 1
        try:
            ids = {a.id for a in td.seq}
            others = {a.id for a in td.instances} | set(td.hints.get("aliases") or ())
            if any(t.steps[0] not in ids and t.steps[0] in others for t in targets):
                self.fail()  # a search through an instance or alias: the full decode decides
            seq = td.seq if stop is None else td.seq[:stop]
            ahead = _fixed_ahead(td.seq)
            k = 0
            while k < len(seq):
                attr = seq[k]
                self._ahead = ahead[k]
                if _bits(attr) is not None and attr.if_expr is None and attr.repeat is None:
                    group = [attr]
                    while k + len(group) < len(seq):
                        nxt = seq[k + len(group)]
                        if _bits(nxt) is None or nxt.if_expr is not None or nxt.repeat:
                            break
                        group.append(nxt)
                    pos = self._bit_group(scope, group, pos, end)
                    k += len(group)
                    continue
                group = [attr]
                if attr.if_expr is not None and "_io" not in attr.if_expr.text:
                    # fields under the same condition (that none of them changes): one test
                    used = _names(attr.if_expr.text)
                    while k + len(group) < len(seq):
                        nxt = seq[k + len(group)]
                        if nxt.if_expr is None or nxt.if_expr.text != attr.if_expr.text:
                            break
                        if used & {a.id for a in group} or _bits(nxt) is not None:
                            break
                        group.append(nxt)
                pos = self._attrs(scope, group, pos, targets, break_on_hit)
                k += len(group)
            self._need(pos, end)
            return Walked(scope, pos)
        finally:
            self._depth -= 1
            self._ahead = 0

    def _scalar(self, scope: Scope, attr: Attr) -> bool:
        """True for a field whose value is a number, bytes or text (not a structure)."""
        if attr.switch is not None:
            return False
        if attr.type is None:
            return True
        name, _args = parse_type_ref(attr.type)
        return name in ("bytes", "str") or PRIM_RE.match(name) is not None

    def _wants(self, scope: Scope, attr: Attr) -> bool:
        return attr.id is not None and (scope.typedef.path, attr.id) in self.wanted

    def _local(self, scope: Scope, attr: Attr) -> str:
        return self.em.fresh("v_" + pyname(attr.id or "x"))

    # -- one seq attribute ----------------------------------------------------------------
    def _attrs(
        self,
        scope: Scope,
        group: list[Attr],
        pos: Pos,
        targets: tuple[Target, ...],
        break_on_hit: str | None,
    ) -> Pos:
        """Seq fields in order: one, or several sharing one ``if:`` (tested once)."""
        locals_ = [self._local(scope, a) for a in group]
        cond_attr = group[0]
        if cond_attr.if_expr is None:
            return self._attr(scope, cond_attr, pos, locals_[0], targets, break_on_hit)
        if self._depth == 1 and cond_attr.id is not None:
            self.field_starts[cond_attr.id] = str(pos)
        cond = self._expr(cond_attr.if_expr.text, scope, pos)
        var = self.materialize(pos)
        for attr, local in zip(group, locals_, strict=True):
            if self._wants(scope, attr):  # read, so maybe used: None when absent
                self._line(f"{local} = None")
        with self._block(f"if {cond}:"):
            at = var
            for attr, local in zip(group, locals_, strict=True):
                at = self._attr(scope, attr, at, local, targets, break_on_hit, conditional=True)
            self.flush()
            self._line(f"{var.base} = {at}")
        for attr, local in zip(group, locals_, strict=True):
            if attr.id is not None and attr.repeat is None and self._scalar(scope, attr):
                scope.names[attr.id] = local
        return var

    def _attr(  # noqa: PLR0917 - one field's facts
        self,
        scope: Scope,
        attr: Attr,
        pos: Pos,
        local: str,
        targets: tuple[Target, ...],
        break_on_hit: str | None,
        *,
        conditional: bool = False,
    ) -> Pos:
        """One seq field (its ``if:`` already tested when ``conditional``)."""
        mine = tuple(t for t in targets if t.steps[0] == attr.id)
        if self._depth == 1 and attr.id is not None and not conditional:
            self.field_starts[attr.id] = str(pos)
        pos = self._body(scope, attr, pos, local, mine, break_on_hit)
        if attr.id is not None and attr.repeat is None and self._scalar(scope, attr):
            scope.names[attr.id] = local
        return pos

    def _body(  # noqa: PLR0917 - private helper, called in one place
        self,
        scope: Scope,
        attr: Attr,
        pos: Pos,
        local: str,
        targets: tuple[Target, ...],
        break_on_hit: str | None,
    ) -> Pos:
        if attr.process or attr.contents is not None or attr.valid is not None:
            self.fail()
            return pos
        leaf = any(len(t.steps) == 1 for t in targets)
        if leaf and (attr.repeat is not None or not self._scalar(scope, attr)):
            self.fail()  # a search ending on an array or a structure
            return pos
        if attr.repeat is not None:
            return self._repeat(scope, attr, pos, targets, break_on_hit)
        want = self._wants(scope, attr) or any(len(t.steps) == 1 for t in targets)
        pos = self._element(scope, attr, pos, local if want else None, targets, scope.end)
        for t in targets:
            if len(t.steps) == 1:
                self.flush()
                with self._block(f"if {t.hit} is _NO and {local} is not None:"):
                    self._line(f"{t.hit} = {local}")
        return pos

    def _element(  # noqa: PLR0917 - private helper, called in one place
        self,
        scope: Scope,
        attr: Attr,
        pos: Pos,
        local: str | None,
        targets: tuple[Target, ...],
        end: str,
        type_name: str | None = None,
    ) -> Pos:
        """One value of ``attr`` (one array element) at ``pos``; its value to ``local``."""
        tname = type_name if type_name is not None else attr.type
        if attr.switch is not None and type_name is None:
            return self._switch(scope, attr, pos, local, targets, end)
        size_src: str | None = None
        size_int: int | None = None
        if attr.size is not None:
            text = attr.size.text.strip()
            if re.fullmatch(r"[0-9]+", text):
                size_int = int(text)
            else:
                size_src = self._expr(text, scope, pos)
        if tname is None or tname == "bytes":
            if attr.terminator is not None or attr.pad_right is not None:
                self.fail()
                return pos
            return self._bytes(pos, end, local, size_int, size_src, attr.size_eos)
        name, _args = parse_type_ref(tname)
        m = PRIM_RE.match(name)
        if m is not None:
            if m.group(5):  # a bit field on its own (conditional or repeated)
                self.fail()
                return pos
            return self._prim(scope, attr, name, m, pos, end, local)
        if name == "str":
            return self._str(scope, attr, pos, end, local, size_int, size_src)
        td = self.uni.resolve_type(scope.typedef, name)
        if td is None:
            self.fail()
            return pos
        if size_int is None and size_src is None and not attr.size_eos:
            return self.walk_type(td, scope.start, end, pos, targets=_down(targets)).pos
        sub_start = self.materialize(pos)
        sub_end = self.em.fresh("e")
        if attr.size_eos:
            self._line(f"{sub_end} = {end}")
        else:
            n = repr(size_int) if size_int is not None else size_src
            self._line(f"{sub_end} = {sub_start} + {n}")
            self._line(f"if {sub_end} < {sub_start} or {sub_end} > {end}: raise _FB")
        self.walk_type(td, sub_start.base, sub_end, sub_start, targets=_down(targets))
        self.flush()
        return Pos(sub_end)

    def _bytes(  # noqa: PLR0917 - private helper, called in one place
        self,
        pos: Pos,
        end: str,
        local: str | None,
        size_int: int | None,
        size_src: str | None,
        eos: bool,
    ) -> Pos:
        if size_int is not None:
            after = pos.plus(size_int)
            if local is not None:
                self._need(after, end)
                self._read_at(pos, end)
                got = self._queue(pos, f"{size_int}s", local)
                if got != local:
                    self._post.append(f"{local} = {got}")
            else:
                self._need(after, end)
            return after
        if eos:
            self.flush()
            if local is not None:
                self._line(f"{local} = buf[{pos}:{end}]")
            return Pos(end) if end.isidentifier() else self.materialize(Pos(end))
        if size_src is None:
            self.fail()
            return pos
        var = self.em.fresh("p")
        self._line(f"{var} = {pos} + {size_src}")
        self._line(f"if {var} < {pos} or {var} > {end}: raise _FB")
        if local is not None:
            self._line(f"{local} = buf[{pos}:{var}]")
        return Pos(var)

    def _prim(  # noqa: PLR0917 - private helper, called in one place
        self,
        scope: Scope,
        attr: Attr,
        name: str,
        m: re.Match[str],
        pos: Pos,
        end: str,
        local: str | None,
    ) -> Pos:
        size = int(m.group(2) or m.group(4))
        after = pos.plus(size)
        self._need(after, end)
        if local is None:
            return after
        self._read_at(pos, end)
        if m.group(3):  # floats are not extracted
            self._line("raise _FB")
            return after
        endian = m.group(7) or attr.endian or scope.typedef.endian()
        signed = m.group(1) == "s"
        if size > 1 and endian not in ("be", "le"):
            self._line("raise _FB")
            return after
        code = {1: "b", 2: "h", 4: "i", 8: "q"}[size]
        code = code if signed else code.upper()
        order = "" if size == 1 else (">" if endian == "be" else "<")
        got = self._queue(pos, code, local, order)
        if got != local:
            self._post.append(f"{local} = {got}")
        return after

    def _str(  # noqa: PLR0917 - private helper, called in one place
        self,
        scope: Scope,
        attr: Attr,
        pos: Pos,
        end: str,
        local: str | None,
        size_int: int | None,
        size_src: str | None,
    ) -> Pos:
        enc = attr.encoding or scope.typedef.encoding()
        if enc is None or not _ENCODING_RE.match(enc) or attr.terminator is not None:
            self.fail()
            return pos
        try:
            codecs.lookup(enc)
        except LookupError:
            self.fail()
            return pos
        raw = self.em.fresh("r")
        safe = enc.lower() in _SAFE_ENCODINGS
        pos = self._bytes(pos, end, raw if local is not None or not safe else None, size_int,
                          size_src, attr.size_eos)  # fmt: skip
        if local is not None or not safe:
            self.flush()
            self._line(f"{local or raw} = {raw}.decode({enc!r})")
        return pos

    def _switch(  # noqa: PLR0917 - private helper, called in one place
        self,
        scope: Scope,
        attr: Attr,
        pos: Pos,
        local: str | None,
        targets: tuple[Target, ...],
        end: str,
    ) -> Pos:
        sw = attr.switch
        assert sw is not None
        on = self._expr(sw.on.text, scope, pos)
        var = on
        if not on.isidentifier():  # a field's local is used as is, anything else once
            var = self.em.fresh("sw")
            self._line(f"{var} = {on}")
        start = self.materialize(pos)
        groups: dict[str, list[str]] = {}
        other: str | None = None
        for key, tname in sw.cases:
            if key.text.strip() == "_":
                other = tname
                continue
            src = self._expr(key.text, scope, None)
            if src == FALLBACK or not re.fullmatch(r"-?[0-9]+|True|False", src):
                self.fail()
                return pos
            groups.setdefault(tname, []).append(src)
        after = self.em.fresh("p")
        head = "if"
        for tname, keys in groups.items():
            test = " or ".join(f"{var} == {k}" for k in keys)
            with self._block(f"{head} {test}:"):
                got = self._element(scope, attr, start, local, targets, end, tname)
                self.flush()
                self._line(f"{after} = {got}")
            head = "elif"
        with self._block("else:" if groups else "if True:"):
            if other is not None:
                got = self._element(scope, attr, start, local, targets, end, other)
            else:
                got = self._element(scope, attr, start, local, (), end, "bytes")
            self.flush()
            self._line(f"{after} = {got}")
        return Pos(after)

    def _repeat(
        self,
        scope: Scope,
        attr: Attr,
        pos: Pos,
        targets: tuple[Target, ...],
        break_on_hit: str | None,
    ) -> Pos:
        if self._wants(scope, attr):
            self.fail()  # whole arrays are not extracted
            return pos
        var = self.materialize(pos)
        index = self.em.fresh("i")
        until = attr.repeat_until.text if attr.repeat_until is not None else ""
        counted = attr.repeat == "until" and "_index" in until  # only there is it used
        if counted:
            self._line(f"{index} = 0")
        if attr.repeat == "expr" and attr.repeat_expr is not None:
            count = self._expr(attr.repeat_expr.text, scope, var)
            head = f"for {index} in range({count}):"
        elif attr.repeat == "eos":
            head = f"while {var.base} < {scope.end}:"
        elif attr.repeat == "until" and attr.repeat_until is not None:
            head = "while True:"
        else:
            self.fail()
            return pos
        with self._block(head, loop=True):
            elem_local = self.em.fresh("x")
            walked = self._element_walk(scope, attr, var, elem_local, targets)
            self.flush()
            self._line(f"if {walked.pos} <= {var.base}: raise _FB")  # no progress: stop
            self._line(f"{var.base} = {walked.pos}")
            if break_on_hit is not None:
                self._line(f"if {break_on_hit} is not _NO: break")
            if attr.repeat == "until" and attr.repeat_until is not None:
                outer = Scope(self.uni, scope.typedef, scope.start, scope.end, scope.names,
                              scope.demand, None, walked.scope, index)  # fmt: skip
                cond = self._expr(attr.repeat_until.text, outer, var)
                self._line(f"if {cond}: break")
                if counted:
                    self._line(f"{index} += 1")
        return var

    def _element_walk(
        self,
        scope: Scope,
        attr: Attr,
        pos: Pos,
        local: str,
        targets: tuple[Target, ...],
    ) -> Walked:
        """One array element; its scope is what ``_`` means in ``repeat-until`` (``targets``
        start with this array's id)."""
        tname = attr.type
        if attr.switch is None and tname is not None and attr.size is None and not attr.size_eos:
            name, _args = parse_type_ref(tname)
            if PRIM_RE.match(name) is None and name not in ("str", "bytes"):
                td = self.uni.resolve_type(scope.typedef, name)
                if td is not None:
                    return self.walk_type(td, scope.start, scope.end, pos, targets=_down(targets))
        elem = Scope(self.uni, scope.typedef, scope.start, scope.end)
        leaf = tuple(t for t in targets if len(t.steps) == 1)
        read = self._scalar(scope, attr) and (attr.repeat == "until" or bool(leaf))
        after = self._element(scope, attr, pos, local if read else None, targets, scope.end)
        for t in leaf:
            self.flush()
            with self._block(f"if {t.hit} is _NO and {local} is not None:"):
                self._line(f"{t.hit} = {local}")
        if read:
            elem.names["_"] = local
        return Walked(elem, after)

    # -- bit fields -----------------------------------------------------------------------
    def _bit_group(self, scope: Scope, group: list[Attr], pos: Pos, end: str) -> Pos:
        """Consecutive big-endian bit fields from a byte boundary, read as one integer."""
        widths = [_bits(a) or 0 for a in group]
        total = sum(widths)
        nbytes = (total + 7) // 8
        after = pos.plus(nbytes)
        self._need(after, end)
        seq = scope.typedef.seq
        last = seq.index(group[-1]) + 1 == len(seq)
        nxt = None if last else seq[seq.index(group[-1]) + 1]
        # a group ending inside a byte: what follows goes on unaligned only if it is bits too
        # (or the parent's bits, after the type ends): not walked
        unaligned = total % 8 != 0 and (last or (nxt is not None and _bits(nxt) is not None))
        if scope.typedef.bit_endian() != "be" or unaligned:
            self.fail()
            return after
        wanted = [a for a in group if self._wants(scope, a)]
        if wanted:
            self._read_at(pos, end)
        word = None
        bit = 0
        for a, width in zip(group, widths, strict=True):
            local = self._local(scope, a)
            if a in wanted:
                mask = (1 << width) - 1
                first, last_byte = bit // 8, (bit + width - 1) // 8
                if first == last_byte:  # within one byte: no need for the whole group
                    shift = 8 - (bit % 8) - width
                    byte = self._queue(pos.plus(first), "B", self.em.fresh("w"))
                    value = f"({byte} >> {shift}) & {mask}"
                else:
                    if word is None:
                        word = self.em.fresh("w")
                        if nbytes in (2, 4, 8):
                            word = self._queue(pos, {2: "H", 4: "I", 8: "Q"}[nbytes], word, ">")
                        else:
                            self._line(f"{word} = int.from_bytes(buf[{pos}:{after}], 'big')")
                    value = f"({word} >> {nbytes * 8 - bit - width}) & {mask}"
                line = f"{local} = ({value}) != 0" if width == 1 else f"{local} = {value}"
                if self._batch:
                    self._post.append(line)
                else:
                    self._line(line)
            bit += width
            if a.id is not None:
                scope.names[a.id] = local
        return after


def _names(text: str) -> set[str]:
    """The identifiers an expression names (any parse failure: a name no field has)."""
    from pktscope.spec import expr_ast as A  # noqa: PLC0415 - only here
    from pktscope.spec.expr import parse_expr  # noqa: PLC0415

    try:
        node = parse_expr(text)
    except Exception:
        return {"?"}
    out: set[str] = set()
    stack: list[object] = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, A.Name):
            out.add(n.name)
        elif isinstance(n, A.Node):
            stack.extend(v for v in vars(n).values() if isinstance(v, A.Node | tuple))
        elif isinstance(n, tuple):
            stack.extend(n)
    return out


def _code_size(code: str) -> int:
    if code.endswith("s"):
        return int(code[:-1])
    return {"b": 1, "h": 2, "i": 4, "q": 8}[code.lower()]


def _fixed_size(attr: Attr) -> int | None:
    """Bytes of a field always read whole at a known size (None: conditional, variable...)."""
    if attr.if_expr is not None or attr.repeat is not None or attr.switch is not None:
        return None
    if attr.process or attr.valid is not None or attr.contents is not None:
        return None
    if attr.type is None or attr.type == "bytes":
        if attr.size is not None and re.fullmatch(r"[0-9]+", attr.size.text.strip()):
            return int(attr.size.text.strip())
        return None
    m = PRIM_RE.match(attr.type)
    if m is None or m.group(5):
        return None
    return int(m.group(2) or m.group(4))


def _fixed_ahead(seq: list[Attr]) -> list[int]:
    """For each field, the whole bytes of it and of the fixed-size fields right after it
    (unconditional numbers, sized bytes, bit fields), all of which the parser reads."""
    bits = [0] * (len(seq) + 1)
    for k in range(len(seq) - 1, -1, -1):
        a = seq[k]
        width = _bits(a)
        if width is not None and a.if_expr is None and a.repeat is None:
            bits[k] = width + bits[k + 1]
            continue
        size = _fixed_size(a)
        bits[k] = 0 if size is None else size * 8 + bits[k + 1]
    return [b // 8 for b in bits]


def _bits(attr: Attr) -> int | None:
    if attr.switch is not None or attr.type is None:
        return None
    m = PRIM_RE.match(attr.type)
    if m is None or not m.group(5):
        return None
    return int(m.group(6))


def _down(targets: tuple[Target, ...]) -> tuple[Target, ...]:
    return tuple(Target(t.steps[1:], t.hit) for t in targets if len(t.steps) > 1)
