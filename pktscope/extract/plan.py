"""A field-extraction plan: requested ``layer.field`` paths → the source of one extractor module.

From the bundled spec models (``specs/*.ksy``) and the chain hints (``-pktscope-payload``,
``-pktscope-aliases``, ``-pktscope-display``, ``-pktscope-linktypes``; specs/README.md) this
builds, for the specs the paths need, one generated function per layer that walks only as far
as the requested fields and the payload decision need (:mod:`pktscope.extract.walk`), then
decides the next layer exactly as the chain does (specs/README.md "Chain algorithm"), plus a
driver ``extract(buf, s, e, linktype)`` giving every column's values (the generated parser's
values: ints, bytes, text; an enum as its integer) for the frame ``buf[s:e]``. Anything the
generated code cannot follow raises ``_FB`` for that frame; a path the plan cannot serve at
all raises :class:`PlanError` (the caller then uses the full decode for the whole run).

The module also carries each column's rendering facts (display hint, size, enum labels), so a
cached module needs no spec at run time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pktscope.compile.translate import pyname
from pktscope.extract.exprs import FALLBACK, Scope, translate_text
from pktscope.extract.memo import fold_memos
from pktscope.extract.walk import Emitter, Pos, Target, Walker
from pktscope.spec.expr import parse_expr
from pktscope.spec.load import load_file
from pktscope.spec.model import Attr, Spec, TypeDef, build_spec, parse_type_ref
from pktscope.spec.types import PRIM_RE, Universe, prim_size

__all__ = ["ColumnFacts", "PlanError", "build_source", "spec_files"]

MAX_LAYERS = 32  # as pktscope.dissect.chain
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_ALIAS_STEP = re.compile(r"([a-z][a-z0-9_]*)(\[\])?\Z")


class PlanError(Exception):
    """The paths cannot be extracted without the full decode (for the whole run)."""


@dataclass(frozen=True)
class ColumnFacts:
    """How a column's values render: display hint, byte size, enum labels by value."""

    hint: str | None
    size: int | None
    enum: Mapping[int, str] | None


def spec_files(spec_dir: Path) -> list[Path]:
    """The bundled specs, in the order the registry reads them."""
    return sorted(spec_dir.glob("*.ksy"))


def _load(spec_dir: Path) -> tuple[Universe, dict[str, Spec]]:
    uni = Universe()
    specs: dict[str, Spec] = {}
    for path in spec_files(spec_dir):
        try:
            spec = build_spec(load_file(path))
        except Exception as exc:  # a broken bundled spec: let the full decode report it
            raise PlanError(f"{path.name}: {exc}") from None
        if spec.id != path.stem or not _ID.match(path.stem):
            raise PlanError(f"{path.name}: id {spec.id!r} is not the file stem")
        specs[spec.id] = spec
    for spec in specs.values():
        uni.add(spec, [])
    return uni, specs


def _hints(spec: Spec) -> dict[str, Any]:
    hints = dict(spec.root.hints)
    hints.update(spec.root.meta.hints)
    return hints


def _payload(spec: Spec) -> Mapping[str, Any] | None:
    hint = _hints(spec).get("payload")
    return hint if isinstance(hint, Mapping) else None


def _key(key: Any) -> int | None:
    """A ``next`` key as the chain reads it (ints; ``"0x0800"``/``"2048"`` strings)."""
    if isinstance(key, bool):
        return int(key)
    if isinstance(key, int):
        return key
    text = str(key).strip()
    for base in (0, 10):
        try:
            return int(text, base)
        except ValueError:
            pass
    return None


def _next_specs(spec: Spec) -> list[str]:
    rule = _payload(spec)
    if rule is None:
        return []
    out = (
        [str(v) for v in (rule.get("next") or {}).values()]
        if isinstance(rule.get("next"), Mapping)
        else []
    )
    if rule.get("default") is not None:
        out.append(str(rule["default"]))
    return out


def _reaches(specs: Mapping[str, Spec], wanted: set[str]) -> set[str]:
    """Specs from which a layer of a ``wanted`` spec can follow (themselves included)."""
    out = set(wanted)
    changed = True
    while changed:
        changed = False
        for sid, spec in specs.items():
            if sid not in out and any(n in out for n in _next_specs(spec)):
                out.add(sid)
                changed = True
    return out


INLINE = "#inline"  # marks where a next layer's code goes (see _expand)
_MAX_INLINE = 4  # layers inlined into one function; deeper ones are called


def _spec_of(funcs: Mapping[str, str], func: str) -> str:
    return next(sid for sid, f in funcs.items() if f == func)


def _expand(
    bodies: Mapping[str, list[str]],
    funcs: Mapping[str, str],
    sid: str,
    stack: list[str],
    cyclic: set[str],
) -> list[str]:
    """``sid``'s function body with each next layer's code put where the chain goes to it.

        The next layer is always the last thing a layer does (its code ends in ``return``), so its
        body can stand in for the call: ``s``/``e``/``n`` become the payload's bounds and the layer
        count, the caller's locals are dead by then. A layer already on the way (a chain cycle) or
        past ``_MAX_INLINE`` is called instead, and so is a layer on a chain cycle below the first
    inlined one (the code would grow with every way around the cycle).
    """
    out: list[str] = []
    for line in bodies[sid]:
        text = line.lstrip(" ")
        if not text.startswith(INLINE + " "):
            out.append(line)
            continue
        indent = line[: len(line) - len(text)]
        target = text.split(" ", 1)[1]
        if target in stack or len(stack) >= _MAX_INLINE or (len(stack) > 1 and target in cyclic):
            out.append(f"{indent}return {funcs[target]}(buf, ps, pe, out, n + 1)")
            continue
        out.append(f"{indent}s, e, n = ps, pe, n + 1")
        for inner in _expand(bodies, funcs, target, [*stack, target], cyclic):
            out.append(indent + inner[4:] if inner.startswith("    ") else inner)
        out.append(f"{indent}return None")
    return out


def _on_cycle(specs: Mapping[str, Spec], sid: str) -> bool:
    """True when a layer of ``sid`` can follow itself, directly or through others."""
    seen: set[str] = set()
    todo = list(_next_specs(specs[sid]))
    while todo:
        nxt = todo.pop()
        if nxt == sid:
            return True
        if nxt in seen or nxt not in specs:
            continue
        seen.add(nxt)
        todo.extend(_next_specs(specs[nxt]))
    return False


@dataclass
class _Column:
    index: int
    layer: str
    field: str
    facts: ColumnFacts | None = None


def build_source(paths: Sequence[str], spec_dir: Path) -> tuple[str, list[ColumnFacts]]:
    """The extractor module's source for ``paths`` and each column's rendering facts."""
    uni, specs = _load(spec_dir)
    columns: list[_Column] = []
    for i, path in enumerate(paths):
        parts = path.split(".")
        if len(parts) != 2 or not all(_ID.match(p) for p in parts):
            raise PlanError(f"{path}: only layer.field paths are planned")
        if parts[0] not in specs:
            raise PlanError(f"{path}: no bundled spec {parts[0]!r}")
        if "layer" in _hints(specs[parts[0]]):
            raise PlanError(f"{path}: a spec with its own layer name")
        columns.append(_Column(i, parts[0], parts[1]))
    wanted_layers = {c.layer for c in columns}
    walked = _reaches(specs, wanted_layers)
    em = Emitter()
    tail: list[str] = []
    structs: dict[str, str] = {}
    bodies: dict[str, list[str]] = {}
    funcs: dict[str, str] = {}
    for sid in sorted(walked):
        funcs[sid] = f"_L_{pyname(sid)}"
    for sid in sorted(walked):
        mine = [c for c in columns if c.layer == sid]
        chain = any(n in walked for n in _next_specs(specs[sid]))
        cyclic = _on_cycle(specs, sid)
        _layer(uni, specs[sid], mine, chain, funcs, em, tail, structs, cyclic, bodies)
    on_cycle = {sid for sid in walked if _on_cycle(specs, sid)}
    for sid in sorted(walked):
        em.line(f"def {funcs[sid]}(buf, s, e, out, n):")
        em.lines.extend(_expand(bodies, funcs, sid, [sid], on_cycle))
        em.line("")
    first: dict[int, str] = {}
    for spec_path in spec_files(spec_dir):
        lts = _hints(specs[spec_path.stem]).get("linktypes")
        for lt in lts if isinstance(lts, list) else []:
            if isinstance(lt, int) and not isinstance(lt, bool):
                first.setdefault(lt, spec_path.stem)
    em.lines.extend(tail)
    table = ", ".join(f"{lt!r}: {funcs[sid]}" for lt, sid in sorted(first.items()) if sid in funcs)
    em.line(f"_FIRST = {{{table}}}")
    em.line("")
    with em.block("def extract(buf, s, e, linktype):"):
        em.line("out = [" + ", ".join("[]" for _ in columns) + "]")
        em.line("fn = _FIRST.get(linktype)")
        with em.block("if fn is not None:"):
            em.line("fn(buf, s, e, out, 1)")
        em.line("return out")
    facts = [c.facts or ColumnFacts(None, None, None) for c in columns]
    head = [f"{name} = _struct.Struct({fmt!r}).unpack_from" for fmt, name in structs.items()]
    return fold_memos("\n".join([*head, *em.lines]) + "\n"), facts


def _seq_index(td: TypeDef, name: str) -> int | None:
    for k, a in enumerate(td.seq):
        if a.id == name:
            return k
    return None


def _fixed(attr: Attr) -> bool:
    """A field of fixed size read unconditionally (part of a run the parser reads at once)."""
    if attr.if_expr is not None or attr.repeat is not None or attr.switch is not None:
        return False
    if attr.process or attr.valid is not None or attr.contents is not None:
        return False
    if attr.type is None or attr.type == "bytes":
        return attr.size is not None and re.fullmatch(r"[0-9]+", attr.size.text.strip()) is not None
    return PRIM_RE.match(attr.type) is not None


def _facts(uni: Universe, td: TypeDef, attr: Attr) -> ColumnFacts:
    hint = attr.hints.get("display")
    hint = hint if isinstance(hint, str) else None
    size: int | None = None
    labels: dict[int, str] | None = None
    if attr.type is not None:
        name, _args = parse_type_ref(attr.type)
        size = prim_size(name)
        if name in ("str", "strz") or (attr.kind == "seq" and attr.switch is not None):
            size = None
    if (attr.type is None or attr.type == "bytes") and attr.size is not None:
        text = attr.size.text.strip()
        size = int(text) if re.fullmatch(r"[0-9]+", text) else None
    if attr.enum:
        e = uni.resolve_enum(td, attr.enum)
        if e is None:
            raise PlanError(f"unknown enum {attr.enum!r}")
        labels = {int(v): pyname(label) for v, label in e.values.items()}
    return ColumnFacts(hint, size, labels)


def _scalar(attr: Attr) -> bool:
    if attr.repeat is not None or attr.switch is not None:
        return False
    if attr.type is None:
        return True
    name, _args = parse_type_ref(attr.type)
    return name in ("bytes", "str") or PRIM_RE.match(name) is not None


def _leaves(uni: Universe, td: TypeDef, steps: Sequence[str], depth: int = 0) -> list[Attr]:
    """Every seq attribute an alias path can end on (through user types and switch cases)."""
    if depth > 8:
        raise PlanError("alias path too deep")
    k = _seq_index(td, steps[0])
    if k is None:
        return []
    attr = td.seq[k]
    if len(steps) == 1:
        return [attr]
    names = [t for _key_, t in attr.switch.cases] if attr.switch is not None else [attr.type]
    out: list[Attr] = []
    for tname in names:
        if tname is None:
            continue
        sub = uni.resolve_type(td, parse_type_ref(tname)[0])
        if sub is not None:
            out.extend(_leaves(uni, sub, steps[1:], depth + 1))
    return out


def _alias_paths(spec: Spec, name: str) -> list[list[str]] | None:
    aliases = _hints(spec).get("aliases")
    if not isinstance(aliases, Mapping) or name not in aliases:
        return None
    targets = aliases[name]
    items = [targets] if isinstance(targets, str) else targets
    if not isinstance(items, list):
        raise PlanError(f"alias {name!r}: not a path or a list")
    out = []
    for item in items:
        steps = []
        for part in str(item).split("."):
            m = _ALIAS_STEP.match(part)
            if m is None:
                raise PlanError(f"alias {name!r}: step {part!r} is not planned")
            steps.append(m.group(1))
        out.append(steps)
    return out


def _layer(  # noqa: PLR0917 - private helper, called in one place
    uni: Universe,
    spec: Spec,
    columns: list[_Column],
    chain: bool,
    funcs: Mapping[str, str],
    em: Emitter,
    tail: list[str],
    structs: dict[str, str],
    cyclic: bool,
    bodies: dict[str, list[str]],
) -> None:
    td = spec.root
    rule = _payload(spec) if chain else None
    stop = 0
    wanted: set[tuple[str, str]] = set()
    reads: list[tuple[_Column, str]] = []  # (column, "seq" | "value")
    aliases: list[tuple[_Column, list[list[str]]]] = []
    for col in columns:
        k = _seq_index(td, col.field)
        if k is not None:
            attr = td.seq[k]
            if not _scalar(attr):
                raise PlanError(f"{col.layer}.{col.field}: not a scalar field")
            col.facts = _facts(uni, td, attr)
            wanted.add((td.path, col.field))
            stop = max(stop, k + 1)
            reads.append((col, "seq"))
            continue
        inst = next((a for a in td.instances if a.id == col.field), None)
        if inst is not None:
            if inst.enum or inst.repeat or inst.switch is not None:
                raise PlanError(f"{col.layer}.{col.field}: not a planned instance")
            if (
                inst.kind != "value"
                and (inst.type or "bytes") not in ("bytes",)
                and (PRIM_RE.match(inst.type or "") is None)
            ):
                raise PlanError(f"{col.layer}.{col.field}: not a scalar instance")
            col.facts = _facts(uni, td, inst)
            reads.append((col, "value"))
            continue
        paths = _alias_paths(spec, col.field)
        if paths is None:
            raise PlanError(f"{col.layer}.{col.field}: unknown field")
        facts = None
        for steps in paths:
            k = _seq_index(td, steps[0])
            if k is None:
                continue
            stop = max(stop, k + 1)
            for leaf in _leaves(uni, td, steps):
                f = _facts(uni, td, leaf)  # enum labels resolve the same from any type here
                if facts is not None and f != facts:
                    raise PlanError(f"{col.layer}.{col.field}: leaves render differently")
                facts = f
        col.facts = facts or ColumnFacts(None, None, None)
        aliases.append((col, paths))
    if rule is not None:
        for key in ("field",):
            name = rule.get(key)
            if isinstance(name, str):
                k = _seq_index(td, name)
                if k is None or td.seq[k].if_expr is not None or td.seq[k].repeat:
                    raise PlanError(f"{spec.id}: payload field {name!r} is not planned")
                stop = max(stop, k + 1)
        if not isinstance(rule.get("field"), str):
            stop = len(td.seq)
    while stop < len(td.seq) and _fixed(td.seq[stop]):
        stop += 1  # the rest of a run read at once must be in the buffer too
    # two passes: the first learns which fields expressions use, the second reads them
    demand: set[tuple[str, str]] = set()
    body: list[str] = []
    lines: list[str] = []
    uses: dict[str, int] | None = None
    for _pass in range(2):
        sub = Emitter()
        sub.level = 1
        lines = []
        walker = Walker(uni, sub, wanted | demand, memo_uses=uses, structs=structs)
        _layer_body(walker, sub, td, stop, rule, reads, aliases, funcs, lines)
        demand |= walker.demand
        uses = walker.uses
        body = [f"    {var} = _NO" for var in walker.memo.values()] + sub.lines
    tail.extend(lines)
    # n counts layers: the chain stops after MAX_LAYERS, which only a layer on a cycle of the
    # chain can reach
    head = [f"    if n > {MAX_LAYERS}: raise _FB"] if cyclic else []
    bodies[spec.id] = head + body


def _layer_body(  # noqa: PLR0917 - private helper, called in one place
    walker: Walker,
    em: Emitter,
    td: TypeDef,
    stop: int,
    rule: Mapping[str, Any] | None,
    reads: list[tuple[_Column, str]],
    aliases: list[tuple[_Column, list[list[str]]]],
    funcs: Mapping[str, str],
    tail: list[str],
) -> None:
    targets: list[Target] = []
    hits: list[list[str | None]] = []
    for _col, paths in aliases:
        row: list[str | None] = []
        for steps in paths:
            if _seq_index(td, steps[0]) is None:
                row.append(None)
                continue
            hit = em.fresh("hit")
            em.line(f"{hit} = _NO")
            targets.append(Target(tuple(steps), hit))
            row.append(hit)
        hits.append(row)
    last_attr = td.seq[stop - 1] if stop else None
    brk = None
    if len(targets) == 1 and last_attr is not None and last_attr.id == targets[0].steps[0]:
        brk = targets[0].hit  # the search is the last thing walked: stop at the first hit
    walked = walker.walk_type(td, "s", "e", Pos("s"), stop=stop, targets=tuple(targets),
                              break_on_hit=brk)  # fmt: skip
    walker.finish()
    scope = walked.scope
    scope.pos = None

    def value(name: str) -> str:
        src = translate_text(name, scope)
        for n in scope.demand:
            walker.demand.add((td.path, n))
        return src

    for col, kind in reads:
        if kind == "seq":
            local = scope.names.get(col.field)
            if local is None:
                em.line("raise _FB")
                continue
            src = local
        else:
            src = value(col.field)
        if kind == "seq" and (_plain_int(td, col.field) or _plain_bytes(td, col.field)):
            em.line(f"out[{col.index}].append({src})")  # always read: never None
            continue
        var = em.fresh("o")
        em.line(f"{var} = {src}")
        with em.block(f"if {var} is not None:"):
            em.line(f"out[{col.index}].append({var})")
    for (col, paths), row in zip(aliases, hits, strict=True):
        head = "if"  # the first path with a hit wins
        for steps, found in zip(paths, row, strict=True):
            if found is not None:
                with em.block(f"{head} {found} is not _NO:"):
                    em.line(f"out[{col.index}].append({found})")
                head = "elif"
                continue
            inst = next((a for a in td.instances if a.id == steps[0]), None)
            if inst is None:
                continue  # names nothing: no hit
            cond = value_of_if(inst, scope, walker)
            with em.block(f"{head} {cond}:"):
                em.line("raise _FB")  # present: only the full decode can search it
            head = "elif"
    if rule is None:
        em.line("return None")
        return
    field = rule.get("field")
    start = walker.field_starts.get(field) if isinstance(field, str) else None
    if isinstance(field, str):
        if start is None:
            em.line("raise _FB")
            return
        em.line(f"ps = {start}")
    else:
        off = value(str(rule.get("offset"))) if isinstance(rule.get("offset"), str) else FALLBACK
        em.line(f"ov = {off}")
        em.line("if not isinstance(ov, int): return None")
        em.line("ps = s + ov")
    end_name, len_name = rule.get("end"), rule.get("length")
    if (
        isinstance(end_name, str)
        and _int_valued(walker.uni, td, end_name)
        and not isinstance(len_name, str)
    ):
        em.line(f"d = s + {value(end_name)}")
        em.line("if d < ps: return None")  # declared end before the start: malformed
        em.line("pe = d if d <= e else e")  # past the captured bytes: truncated
    elif (
        isinstance(end_name, str)
        and not isinstance(len_name, str)
        and (inst := _int_valued_if(walker.uni, td, end_name)) is not None
        and inst.value is not None
    ):  # an integer when present: no type test, and no end when absent
        with em.block(f"if {value_of_if(inst, scope, walker)}:"):
            em.line(f"d = s + {value(inst.value.text)}")
            em.line("if d < ps: return None")
            em.line("pe = d if d <= e else e")
        with em.block("else:"):
            em.line("pe = e")
    elif isinstance(end_name, str) or isinstance(len_name, str):
        em.line("d = None")
        if isinstance(end_name, str):
            em.line(f"v = {value(end_name)}")
            em.line("if isinstance(v, int): d = s + v")
        if isinstance(len_name, str):
            with em.block("if d is None:"):
                em.line(f"v = {value(len_name)}")
                em.line("if isinstance(v, int): d = ps + v")
        with em.block("if d is None:"):
            em.line("pe = e")
        with em.block("else:"):
            em.line("if d < ps: return None")
            em.line("pe = d if d <= e else e")
    else:
        em.line("pe = e")
    if not isinstance(field, str):  # a start from a value may lie outside the layer
        em.line("ps = e if ps > e else s if ps < s else ps")
    em.line("if pe <= ps: return None")
    when = rule.get("when")
    if isinstance(when, str):
        em.line(f"if not {value(when)}: return None")
    table: dict[int, str] = {}
    nxt = rule.get("next")
    for key, sid in nxt.items() if isinstance(nxt, Mapping) else []:
        k = _key(key)
        if k is not None and k not in table:
            table[k] = funcs.get(str(sid), "None")
    on = rule.get("next-on", rule.get("next_on"))
    names = [on] if isinstance(on, str) else list(on) if isinstance(on, list) else []
    tvar = f"_T_{pyname(td.name)}"
    stops = [k for k, v in table.items() if v == "None"]
    tail.append(f"{tvar} = frozenset({stops!r})")
    by_spec: dict[str, list[int]] = {}
    for k, target in table.items():
        if target != "None":
            by_spec.setdefault(_spec_of(funcs, target), []).append(k)
    for name in names:
        inst = _int_valued_if(walker.uni, td, str(name))
        if inst is not None and inst.value is not None:  # an integer when present
            head = f"if {value_of_if(inst, scope, walker)}:"
            first: str | None = f"v = {value(inst.value.text)}"
        else:
            em.line(f"v = {value(str(name))}")
            plain = _plain_int(td, str(name))
            head = "if True:" if plain else "if v is not None and type(v) is not bytes:"
            first = None
        with em.block(head):
            if first is not None:
                em.line(first)
            for sid, keys in by_spec.items():  # a next layer: its code here (or a call)
                with em.block("if " + " or ".join(f"v == {k!r}" for k in keys) + ":"):
                    em.line(f"{INLINE} {sid}")
            em.line(f"if v in {tvar}: return None")  # a spec not needed by the paths: stop
    default = rule.get("default")
    if default is not None and str(default) in funcs:
        em.line(f"{INLINE} {default}")
    else:
        em.line("return None")


def _plain_int(td: TypeDef, name: str) -> bool:
    """A seq field always read as an integer (unconditional, not repeated, a number)."""
    k = _seq_index(td, name)
    if k is None:
        return False
    a = td.seq[k]
    if a.if_expr is not None or a.repeat or a.switch is not None or a.type is None:
        return False
    m = PRIM_RE.match(parse_type_ref(a.type)[0])
    return m is not None and not m.group(3)


def _int_valued(uni: Universe, td: TypeDef, name: str) -> bool:
    """An attribute whose value is always an integer: a plain int seq field, or a value
    instance without ``if:`` or enum whose expression types as an integer."""
    if _plain_int(td, name):
        return True
    inst = next((a for a in td.instances if a.id == name), None)
    if inst is None or inst.kind != "value" or inst.value is None:
        return False
    if inst.if_expr is not None or inst.enum:
        return False
    try:
        return uni.expr_type(td, parse_expr(inst.value.text)).kind == "int"
    except Exception:  # a type the checker cannot tell: not known to be an int
        return False


def _int_valued_if(uni: Universe, td: TypeDef, name: str) -> Attr | None:
    """A value instance with an ``if:`` whose value, when present, is always an integer (no
    enum, an expression that types as an integer); None for anything else."""
    inst = next((a for a in td.instances if a.id == name), None)
    if inst is None or inst.kind != "value" or inst.value is None:
        return None
    if inst.if_expr is None or inst.enum:
        return None
    try:
        kind = uni.expr_type(td, parse_expr(inst.value.text)).kind
    except Exception:  # a type the checker cannot tell: not known to be an int
        return None
    return inst if kind == "int" else None


def _plain_bytes(td: TypeDef, name: str) -> bool:
    """A seq field always read as bytes (unconditional, not repeated, untyped)."""
    k = _seq_index(td, name)
    if k is None:
        return False
    a = td.seq[k]
    return a.if_expr is None and not a.repeat and a.switch is None and a.type in (None, "bytes")


def value_of_if(inst: Attr, scope: Scope, walker: Walker) -> str:
    """The ``if:`` of an instance as a condition (always true without one)."""
    if inst.if_expr is None:
        return "True"
    src = translate_text(inst.if_expr.text, scope)
    for n in scope.demand:
        walker.demand.add((scope.typedef.path, n))
    return src
