"""Pass 2 of spec validation, per declaration: what each key of an attribute, parameter, switch
and type needs (``if`` a boolean, ``size`` an integer, ``enum`` an integer field and a known enum,
``type`` a known type called with the right arguments, strings an encoding, multi-byte numbers an
endianness...). Expression typing itself lives in :mod:`pktscope.spec.validate_types`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from pktscope.errors import ExpressionError, SpecError
from pktscope.spec import expr_ast as A
from pktscope.spec.expr import parse_expr
from pktscope.spec.model import Attr, Spec, Switch, TypeDef, build_spec
from pktscope.spec.types import ANY, PRIM_RE, KType, Universe, walk_types
from pktscope.spec.validate_kinds import Fail, comparable, param_accepts, show, type_args
from pktscope.spec.validate_report import Report
from pktscope.spec.validate_types import Checker

__all__ = ["check_semantics", "check_spec_model"]


def _raw(data: Any, path: str) -> Any:
    for part in path.strip("/").split("/") if path.strip("/") else []:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data


def check_spec_model(ch: Checker) -> None:
    """Check every type of ``ch.spec``, reporting into ``ch.report``."""
    for td in walk_types(ch.spec.root):
        _check_type(ch, td)


def _check_type(ch: Checker, td: TypeDef) -> None:
    if td.meta.endian_switch is not None:
        _check_switch(ch, td, td.meta.endian_switch, None)
    for p in td.params:
        if p.type is not None:
            _check_type_name(ch, td, p.type, f"{p.path}/type", None, need_endian=False)
        if p.enum is not None and ch.resolve_enum(td, p.enum) is None:
            ch.err(f"unable to find enum '{p.enum}', searching from {td.name}", f"{p.path}/enum")
    to_string = _raw(ch.spec.loaded.data, f"{td.path}/to-string")
    if isinstance(to_string, str | int | float):  # YAML may read `1` or `true` as a scalar
        text = str(to_string).lower() if isinstance(to_string, bool) else str(to_string)
        ch.expr(td, text, f"{td.path}/to-string", want="str")
    for a in (*td.seq, *td.instances):
        _check_attr(ch, td, a)


def _check_attr(ch: Checker, td: TypeDef, a: Attr) -> None:
    p = a.path
    if a.kind == "value":
        vt = None
        if a.value is not None:
            ch.inferring.add(id(a))  # so a reference back to this instance is a cycle
            vt = ch.expr(td, a.value.text, f"{p}/value")
            ch.inferring.discard(id(a))
        if a.enum is not None:
            if ch.resolve_enum(td, a.enum) is None:
                ch.err(f"unable to find enum '{a.enum}', searching from {td.name}", f"{p}/enum")
            elif vt is not None and vt.kind not in ("int", "any", "enum"):
                ch.err(f"tried to resolve non-integer {show(vt)} to enum", f"{p}/enum")
        if a.if_expr is not None:
            ch.expr(td, a.if_expr.text, a.if_expr.path, want="bool")
        return
    if a.type is not None:
        _check_type_name(ch, td, a.type, f"{p}/type", a, need_endian=True)
    if a.switch is not None:
        _check_switch(ch, td, a.switch, a)
    for key, want in (("size", "int"), ("repeat_expr", "int"), ("pos", "int"), ("if_expr", "bool")):
        e = getattr(a, key)
        if e is not None:
            ch.expr(td, e.text, e.path, want=want)
    elem = ch.attr_type(td, a, element=True)
    if a.repeat_until is not None:
        ch.expr(td, a.repeat_until.text, a.repeat_until.path, want="bool", local={"_": elem})
    if a.io is not None:
        ch.expr(td, a.io.text, a.io.path, want="io")
    if a.enum is not None:
        if ch.resolve_enum(td, a.enum) is None:
            ch.err(f"unable to find enum '{a.enum}', searching from {td.name}", f"{p}/enum")
        elif a.switch is None:
            base = ch.type_name(td, _name_of(a.type)) if a.type else KType("bytes")
            prim = PRIM_RE.match(_name_of(a.type))
            is_bits = prim is not None and prim.group(5) is not None  # b1 with an enum is fine
            if base.kind not in ("int", "any") and not is_bits:
                ch.err(f"tried to resolve non-integer {show(base)} to enum", f"{p}/enum")
    if a.valid is not None:
        v = a.valid
        for e in (v.eq, v.min, v.max, *(v.any_of or [])):
            if e is None:
                continue
            vt = ch.expr(td, e.text, e.path, local={"_": elem})
            if vt is not None and not comparable(elem, vt):
                ch.err(f"can't compare {show(elem)} and {show(vt)}", e.path)
        if v.expr is not None:
            ch.expr(td, v.expr.text, v.expr.path, want="bool", local={"_": elem})
    if a.process is not None:
        for e in a.process.args:
            ch.expr(td, e.text, e.path)
    names = (
        [_name_of(a.type)]
        if a.type
        else [_name_of(t) for _, t in a.switch.cases]
        if a.switch
        else []
    )
    if any(n in ("str", "strz") for n in names) and a.encoding is None and td.encoding() is None:
        ch.err("string type, but no encoding found", p)
    if a.kind == "seq":
        _check_read_order(ch, td, a)


def _check_read_order(ch: Checker, td: TypeDef, a: Attr) -> None:
    """A seq field's expressions are evaluated when it is read: a seq field of the same type
    read at or after it has no value yet (the parser would fail on every input)."""
    order = {b.id: i for i, b in enumerate(td.seq) if b.id}
    here = order.get(a.id) if a.id else None
    if here is None:
        return
    exprs = [a.size, a.repeat_expr, a.if_expr, *(a.process.args if a.process else ())]
    if a.switch is not None:
        exprs.append(a.switch.on)
    flagged = {e.spec_path for e in ch.report.errors}
    for e in exprs:
        if e is None or e.path in flagged:  # an error there already says more
            continue
        try:
            node = parse_expr(e.text)
        except ExpressionError:  # reported where the expression is typed
            continue
        for name in _names(node):
            j = order.get(name)
            if j is not None and j >= here:
                what = "this field itself" if j == here else f"seq field {j}, after this one"
                ch.err(f"'{name}' is {what}: it has no value when this field is read", e.path)
                return


def _names(node: A.Node) -> Iterator[str]:
    """The bare names an expression reads from its own type (not through another object)."""
    if isinstance(node, A.Name):
        yield node.name
        return
    if isinstance(node, A.Attr) and node.name == "_sizeof":
        return  # a static size: read from the type, no value needed (dbf.ksy)
    for f in dataclasses.fields(node):  # `x.len`: the Attr's obj is the Name x, its name a str
        value = getattr(node, f.name)
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, A.Node):
                yield from _names(item)


def _check_switch(ch: Checker, td: TypeDef, sw: Switch, a: Attr | None) -> None:
    on = ch.expr(td, sw.on.text, sw.on.path)
    for key, type_text in sw.cases:
        if key.text != "_":
            kt = ch.expr(td, key.text, key.path, local={"_on": on or ANY})
            if kt is not None and on is not None and not comparable(on, kt):
                ch.err(f"can't compare {show(on)} and {show(kt)}", key.path)
        if a is not None:
            _check_type_name(ch, td, type_text, key.path, a, need_endian=True)


def _name_of(type_text: str | None) -> str:
    text = type_text or ""
    i = text.find("(")
    return (text[:i] if i >= 0 else text).strip()


def _check_type_name(
    ch: Checker, td: TypeDef, text: str, path: str, a: Attr | None, *, need_endian: bool
) -> None:
    try:
        name, args = type_args(text)
    except ExpressionError as exc:
        col = exc.expr_col + 1
        ch.err(f"parsing type reference {text!r} failed at column {col}: {exc.message}", path)
        return
    base = name[:-2] if name.endswith("[]") else name
    m = PRIM_RE.match(base)
    if m:
        width = int(m.group(2) or m.group(4) or 0)
        if (
            need_endian
            and width > 1
            and not m.group(7)
            and td.endian() is None
            and td.endian_switch_owner() is None
        ):
            ch.err(f"unable to use type '{base}' without default endianness", path)
        return
    if base in ("str", "strz") or (a is None and base in ("bytes", "bool", "io", "struct", "any")):
        return  # the last five name parameter types only, never a field's
    target = ch.resolve_type(td, base)
    if target is None and ch.opaque():
        return
    if target is None:
        ch.err(f"unable to find type '{base}', searching from {td.name}", path)
        return
    arg_types: list[KType] = []
    for arg in args:
        try:
            arg_types.append(ch.type_of(td, arg, {}))
        except Fail as exc:
            ch.err(exc.message, path)
            return
    if a is None:
        return
    if len(args) != len(target.params):
        if args or target.params:
            ch.err(
                f"parameter count mismatch: {len(target.params)} declared, but {len(args)} used",
                path,
            )
        return
    for i, (param, at) in enumerate(zip(target.params, arg_types, strict=True)):
        pt = ANY
        if param.enum:
            e = ch.resolve_enum(target, param.enum)
            pt = KType("enum", enum=e) if e else ANY
        elif param.type:
            pt = ch.type_name(target, param.type)
        if not param_accepts(pt, at) and not _literal_fits(args[i], pt):
            ch.err(
                f"can't pass argument #{i} of type {show(at)}"
                f" into parameter `{param.id}` of type {show(pt)}",
                path,
            )


def _literal_fits(node: A.Node, pt: KType) -> bool:
    return isinstance(node, A.ListLit) and pt.kind == "bytes"


def check_semantics(
    reports: dict[str, Report], imports: dict[str, list[str]]
) -> dict[str, list[SpecError]]:
    """Build every loaded spec into one universe and check each; errors go to each report."""
    universe = Universe()
    specs: dict[str, Spec] = {}
    before = {key: len(report.errors) for key, report in reports.items()}
    for key, report in reports.items():
        try:
            specs[key] = report.entry.model() if report.entry else build_spec(report.loaded)
        except (SpecError, ValueError, TypeError, KeyError, AttributeError) as exc:
            # The model builder stops at shapes the first pass has already reported in detail;
            # only when that pass found nothing is its complaint new.
            if not report.errors:
                report.add(f"malformed spec: {exc}", "")
    for key, spec in specs.items():
        ids = [specs[k].id for k in imports.get(key, []) if k in specs]
        universe.add(spec, ids)
    for key, spec in specs.items():
        report = reports[key]
        if report.entry is not None and report.entry.clean_in(universe):
            continue  # its model was checked clean among these very specs (cache.Clean)
        checker = Checker(universe, spec, report)
        check_spec_model(checker)
        if report.entry is not None and not report.errors and not checker.misses:
            report.entry.checked_clean(universe)
    out: dict[str, list[SpecError]] = {}
    for key, report in reports.items():
        out[key] = report.errors[before[key] :]
        del report.errors[before[key] :]
    return out
