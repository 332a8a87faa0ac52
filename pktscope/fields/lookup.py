"""Field paths: parsing ``dhcp.options[2].code`` and finding the fields it names in a packet.

A path is ``<layer>.<step>.<step>...``; each step is a spec id (or an alias declared by the
type's ``-pktscope-aliases``) with an optional index ``[i]`` (``[-1]`` counts from the end).
A step without an index over an array means *every element* (``[]`` says the same
explicitly); the first step may index a repeated layer (``ipv4[1].src``: the second IPv4 header,
as in an ICMP error).

:func:`iter_matches` yields every field a path names, in packet order and decoding only what it
must (layers on demand, instances only when reached). ``pkt[path]`` takes the first match,
``pkt.get_all(path)`` all of them (expanding a whole array at the end of the path into its
elements). A missing path raises :class:`FieldNotFound` (a ``KeyError``) listing close matches.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pktscope.errors import DecodeError, PktscopeError
from pktscope.fields.field import _UNSET, Field
from pktscope.fields.layer import rebase_error
from pktscope.fields.peek import peek, peek_alias
from pktscope.fields.schema import FieldMeta, TypeInfo, is_struct, type_info

if TYPE_CHECKING:
    from pktscope.fields.layer import Layer
    from pktscope.fields.packet import Packet

__all__ = [
    "FRAME_FIELDS",
    "FieldNotFound",
    "Step",
    "child_fields",
    "child_list",
    "close_matches",
    "iter_matches",
    "parse_path",
    "resolve_relative",
    "schema_paths",
]

Step = tuple[str, int | None]

FRAME_FIELDS = (
    "number",
    "len",
    "cap_len",
    "time",
    "time_epoch",
    "interface_id",
    "linktype",
    "protocols",
    "malformed",
    "truncated",
    "errors",
    "comment",
)

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[(-?\d+)?\])?\Z")
_MISSING: Any = object()
_new_object = object.__new__
_PATHS: dict[str, tuple[Step, ...]] = {}


class FieldNotFound(PktscopeError, KeyError):
    """A path names no field of the packet; ``matches`` lists close known paths, ``error`` is
    the :class:`~pktscope.errors.DecodeError` of an instance on the path that failed (or None)."""

    def __init__(self, path: str, message: str, matches: Sequence[str] = ()) -> None:
        self.path = path
        self.error: DecodeError | None = None  # set when an instance on the path failed
        self.matches = list(matches)
        text = message
        if self.matches:
            text += "; did you mean: " + ", ".join(self.matches)
        self.message = text
        super().__init__(text)

    def __str__(self) -> str:
        return self.message


def parse_path(path: str) -> tuple[Step, ...]:
    """``"dhcp.options[2].code"`` → ``(("dhcp", None), ("options", 2), ("code", None))``."""
    if type(path) is not str and not isinstance(path, str):
        raise FieldNotFound(str(path), f"a field path is a str, not {type(path).__name__}")
    steps = _PATHS.get(path)
    if steps is not None:
        return steps
    out: list[Step] = []
    for part in path.strip().split("."):
        m = _STEP.match(part)
        if m is None:
            raise FieldNotFound(path, f"bad field path {path!r}: cannot read step {part!r}")
        idx = m.group(2)
        out.append((m.group(1), None if idx is None else int(idx)))
    steps = tuple(out)
    if len(_PATHS) < 4096:
        _PATHS[path] = steps
    return steps


def iter_matches(
    pkt: Packet, steps: Sequence[Step], errors: list[DecodeError] | None = None
) -> Iterator[Field]:
    """Every field ``steps`` name in ``pkt``, in order; instance errors go to ``errors``."""
    name, index = steps[0]
    if name == "frame":
        if len(steps) == 2 and steps[1][1] is None:
            f = pkt._frame_field(steps[1][0])
            if f is not None:
                yield f
        return
    layers: Iterable[Layer] = pkt._iter_layers()
    if index is not None and index < 0:  # counted from the last occurrence: all are needed
        same = [layer for layer in layers if layer.name == name]
        if -index > len(same):
            return
        index = same[index].occurrence
        layers = same
    for layer in layers:
        if layer.name != name or (index is not None and layer.occurrence != index):
            continue
        hit = None
        if layer._data is not None:
            hit = peek(pkt, layer, steps) or peek_alias(pkt, layer, steps)
        if hit is not None:
            yield hit
        else:
            yield from _descend(pkt, layer, layer_field(pkt, layer), steps, 1, errors)
        if index is not None:
            return


def layer_field(pkt: Packet, layer: Layer) -> Field:
    """The field standing for a whole layer (path ``dhcp``), cached on the layer."""
    f = layer._root_field
    if f is None or f._gen != pkt._generation:
        f = Field(pkt, layer, None, None, None, None, layer.root, layer.path, layer.name)
        layer._root_field = f
    assert isinstance(f, Field)
    return f


def _descend(  # noqa: PLR0917 - private recursion
    pkt: Packet,
    layer: Layer,
    field: Field,
    steps: Sequence[Step],
    i: int,
    errors: list[DecodeError] | None,
) -> Iterator[Field]:
    if i == len(steps):
        yield field
        return
    obj = field._value
    if not is_struct(obj):
        return
    name, index = steps[i]
    info = type_info(type(obj))
    meta = info.lookup(name)
    if meta is None:
        yield from _alias(pkt, layer, field, info, name, steps, i, errors)
        return
    value = get_value(obj, meta, layer, errors, field)
    if value is _MISSING:
        return
    if isinstance(value, list):
        if index is not None:
            k = index if index >= 0 else len(value) + index
            if not 0 <= k < len(value):
                return
            elem = Field(pkt, layer, field, meta, obj, k, value[k], None, meta.id)
            yield from _descend(pkt, layer, elem, steps, i + 1, errors)
            return
        arr = Field(pkt, layer, field, meta, obj, None, value, None, meta.id)
        if i + 1 == len(steps):
            yield arr
            return
        for k, v in enumerate(value):
            elem = Field(pkt, layer, arr, meta, obj, k, v, None, meta.id)
            yield from _descend(pkt, layer, elem, steps, i + 1, errors)
        return
    if index is not None:
        return
    child = Field(pkt, layer, field, meta, obj, None, value, None, meta.id)
    yield from _descend(pkt, layer, child, steps, i + 1, errors)


def resolve_relative(field: Field, path: str) -> Field | None:
    """The first field ``path`` (alias syntax: ids, ``[i]``, ``[]``) names below ``field``."""
    if field.layer is None:
        return None
    try:
        steps = parse_path(path)
    except FieldNotFound:
        return None
    for hit in _descend(field._pkt, field.layer, field, steps, 0, None):
        return hit
    return None


def _alias(  # noqa: PLR0917 - private recursion
    pkt: Packet,
    layer: Layer,
    field: Field,
    info: TypeInfo,
    name: str,
    steps: Sequence[Step],
    i: int,
    errors: list[DecodeError] | None,
) -> Iterator[Field]:
    aliases = info.hints.get("aliases")
    if not isinstance(aliases, dict):
        return
    targets = aliases.get(name)
    if isinstance(targets, str):
        targets = [targets]
    if not isinstance(targets, list):
        return
    rest = tuple(steps[i + 1 :])
    for target in targets:
        try:
            alias_steps = parse_path(str(target))
        except FieldNotFound:
            continue
        # "[]" in an alias means: the first element for which the rest resolves.
        for hit in _descend(pkt, layer, field, (*steps[:i], *alias_steps, *rest), i, errors):
            yield hit
            return


def get_value(
    obj: Any,
    meta: FieldMeta,
    layer: Layer | None,
    errors: list[DecodeError] | None,
    owner: Field | None = None,
) -> Any:
    """The attribute ``meta`` names on ``obj``, or _MISSING when absent (not read, ``if`` false,
    or an instance whose evaluation failed; that error goes to ``errors``, its path below
    ``owner``, the field of ``obj``: the parser names it from the object whose instance was
    asked for)."""
    try:
        value = getattr(obj, meta.attr)
    except AttributeError:
        return _MISSING
    except DecodeError as exc:
        if errors is not None:
            errors.append(_rebase(exc, layer, owner))
        return _MISSING
    except Exception as exc:
        if errors is not None:
            msg = f"{type(exc).__name__}: {exc}"
            where = layer.offset if layer is not None else None
            path = owner.path if owner is not None else layer.path if layer is not None else ""
            errors.append(DecodeError(msg, offset=where, field_path=f"{path}.{meta.id}"))
        return _MISSING
    if value is None:
        return _MISSING
    return value


def _rebase(exc: DecodeError, layer: Layer | None, owner: Field | None = None) -> DecodeError:
    if layer is None:
        return exc
    return rebase_error(exc, owner.path if owner is not None else layer.path, layer.offset)


def child_fields(field: Field) -> Iterator[Field]:
    """The direct sub-fields of ``field`` (array elements, or a structure's present fields)."""
    yield from child_list(field)


_LEAF_TYPES: frozenset[type] = frozenset({int, bytes, str, float, bool, bytearray, type(None)})
_PLAN: dict[type, tuple[tuple[FieldMeta, str, bool, str], ...]] = {}
# value types with no sub-fields (numbers, bytes, enum members...), learned as met
_NO_KIDS: dict[type, bool] = dict.fromkeys(_LEAF_TYPES, True)


def _plan(cls: type) -> tuple[tuple[FieldMeta, str, bool, str], ...]:
    plan = _PLAN.get(cls)
    if plan is None:
        plan = _PLAN[cls] = tuple((m, m.attr, m.kind == "seq", m.id) for m in type_info(cls).order)
    return plan


def has_no_children(value: Any) -> bool:
    """True when a field holding ``value`` certainly has no children (a cached type test)."""
    t = type(value)
    known = _NO_KIDS.get(t)
    if known is None:
        known = _NO_KIDS[t] = t is not list and not is_struct(value)
    return known


def child_list(field: Field) -> list[Field]:
    """The direct sub-fields of ``field`` as a list (the walk's hot path).

    Fields are built here without a constructor call (``Field.__init__`` does the same
    stores): a walk makes one per value of the packet.
    """
    value = field._value
    t = type(value)
    new = _new_object
    if t is list:
        if field.index is not None:
            return []
        meta = field.meta
        if meta is None:
            return []
        pkt, layer, owner, name = field._pkt, field.layer, field.owner, meta.id
        gen = pkt._generation
        out: list[Field] = []
        append = out.append
        for k, v in enumerate(value):
            f = new(Field)
            f._pkt = pkt
            f._gen = gen
            f.layer = layer
            f.parent = field
            f.meta = meta
            f.owner = owner
            f.index = k
            f._value = v
            f._span = _UNSET
            f._path = None
            f.name = name
            append(f)
        return out
    no_kids = _NO_KIDS.get(t)
    if no_kids is None:
        no_kids = has_no_children(value)
    if no_kids:
        return []
    d = getattr(value, "__dict__", None)
    if d is None:
        return []
    pkt, layer = field._pkt, field.layer
    gen = pkt._generation
    out = []
    append = out.append
    for meta, attr, is_seq, name in _plan(t):
        v = d.get(attr) if is_seq else None
        if v is None:
            if is_seq and attr in d:
                continue
            try:  # get_value(value, meta, layer, None), inline
                v = getattr(value, attr)
            except Exception:  # not read, or an instance that cannot evaluate: no field
                continue
            if v is None:
                continue
        f = new(Field)
        f._pkt = pkt
        f._gen = gen
        f.layer = layer
        f.parent = field
        f.meta = meta
        f.owner = value
        f.index = None
        f._value = v
        f._span = _UNSET
        f._path = None
        f.name = name
        append(f)
    return out


def schema_paths(cls: type, prefix: str, depth: int = 4) -> list[str]:
    """Every path (without indexes) the spec of ``cls`` can give, for suggestions; through a
    switch-on field, the paths of each type it may hold."""
    out: list[str] = []
    seen: set[type] = set()

    def visit(c: type, pre: str, d: int) -> None:
        if d < 0 or c in seen:
            return
        seen.add(c)
        info = type_info(c)
        for meta in info.order:
            p = f"{pre}.{meta.id}"
            out.append(p)
            sub = info.child_class(meta)
            if sub is not None:
                visit(sub, p, d - 1)
            for case in info.case_classes(meta):
                visit(case, p, d - 1)
        aliases = info.hints.get("aliases")
        if isinstance(aliases, dict):
            out.extend(f"{pre}.{a}" for a in aliases)
        seen.discard(c)

    visit(cls, prefix, depth)
    return list(dict.fromkeys(out))  # switch cases may share field names


def path_meta(cls: type, names: Sequence[str]) -> tuple[type, FieldMeta] | None:
    """The spec field that attribute ids ``names`` (a path below a layer, no indexes) reach
    from root class ``cls``, with the class that holds it; through user types, switch-on
    cases and aliases. None when the spec has no such field."""
    if not names:
        return None
    info = type_info(cls)
    meta = info.lookup(names[0])
    if meta is None:
        aliases = info.hints.get("aliases")
        target = aliases.get(names[0]) if isinstance(aliases, dict) else None
        first = target[0] if isinstance(target, list) and target else target
        if not isinstance(first, str):
            return None
        steps = [re.sub(r"\[-?\d*\]", "", part) for part in first.split(".")]
        return path_meta(cls, [*steps, *names[1:]])
    if len(names) == 1:
        return cls, meta
    subs = [info.child_class(meta), *info.case_classes(meta)]
    for sub in subs:
        if sub is not None:
            found = path_meta(sub, names[1:])
            if found is not None:
                return found
    return None


def close_matches(pkt: Packet, path: str) -> list[str]:
    """Known paths of the packet's layers (and ``frame.*``) close to ``path``."""
    plain = re.sub(r"\[-?\d*\]", "", path)
    candidates = [f"frame.{n}" for n in FRAME_FIELDS]
    seen: set[str] = set()
    for layer in pkt._iter_layers():
        if layer.name in seen:
            continue
        seen.add(layer.name)
        candidates.append(layer.name)
        candidates.extend(schema_paths(layer.cls, layer.name))
    return difflib.get_close_matches(plain, candidates, n=5, cutoff=0.6)
