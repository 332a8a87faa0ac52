"""Reading one leading header field of a layer without decoding the layer.

The chain leaves the last layer of a frame (a spec with no payload rule, e.g. ``dhcp``)
undecoded until something needs it. ``pkt["dhcp.chaddr"]`` then takes one of two shortcuts:

- a field of the first fixed run of the root ``seq`` (pktscope's compiler reads a run of
  consecutive fixed-size fields with one ``struct`` unpack and assigns them all at once;
  docs/spans.md, ``_PKT_RUNS``) sits at a fixed offset: slice it and convert it;
- another field preceded only by fixed-size fields lies within a known prefix: run the parser
  on that prefix (parsing is sequential, so a field wholly inside it reads as from the whole).

An alias (``-pktscope-aliases``, e.g. ``dhcp.message_type``: the first option with code 53) is
searched on a parse that stops early (:func:`pktscope.fields.layer.limited_root`): the bytes
are given in growing prefixes, and the first hit found through seq fields only is the hit of
the full decode (the elements before it were read whole and missed).

Anything else returns None and the caller decodes the layer. tests/dissect/test_peek.py checks
that every peeked field equals the full decode, on real and mangled frames.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pktscope.fields.field import Field
from pktscope.fields.layer import limited_root, peek_root
from pktscope.fields.schema import FieldMeta, is_struct, resolve_qualname, type_info

if TYPE_CHECKING:
    from pktscope.fields.layer import Layer
    from pktscope.fields.packet import Packet

__all__ = ["peek", "peek_alias"]


_BOUNDS: dict[tuple[type, str], int | None] = {}


def _prefix_bound(cls: type, name: str) -> int | None:
    """Bytes from a layer's start that certainly hold seq field ``name`` (None: unknown).

    Only for a non-repeated seq field preceded by fixed-size seq fields; an earlier field absent
    by its ``if`` only makes the real end smaller, so the sum is an upper bound.
    """
    key = (cls, name)
    try:
        return _BOUNDS[key]
    except KeyError:
        pass
    bound: int | None = None
    info = type_info(cls)
    target = info.lookup(name)
    if target is not None and target.kind == "seq" and target.repeat is None:
        total = 0
        for m in info.seq:
            if m.repeat is not None:
                break
            if m.size is not None:
                total += m.size
            elif m.bit_size is not None:
                total += (m.bit_size + 7) // 8
            else:
                break
            if m is target:
                bound = total
                break
    _BOUNDS[key] = bound
    return bound


class _StaticOwner:
    """Stands for the root object of a peeked layer: one field's span, nothing transformed."""

    __slots__ = ("_span",)

    def __init__(self, start: int, end: int) -> None:
        self._span = (start, end, None, None)

    def _pkt_span(self, name: str, index: int | None = None) -> tuple[int, int, None, None]:
        return self._span

    def _pkt_transformed(self, name: str) -> bool:
        return False


_Slot = tuple[int, int, FieldMeta, Any, int]
_SLOTS: dict[tuple[type, str], _Slot | None] = {}


def _static_slot(cls: type, name: str) -> _Slot | None:
    """``(offset, size, meta, convert, run_end)`` of a field in the class's first fixed run.

    pktscope's compiler reads a run of consecutive fixed-size fields with one ``struct`` unpack
    and assigns them all at once (docs/spans.md, ``_PKT_RUNS``); a field of a run starting the
    root's ``seq`` is therefore at a fixed offset and reads as ``convert(bytes)``. None for
    anything else (then the parser runs on a prefix, or on everything). The slice is only
    valid on a layer holding the whole run (``run_end`` bytes), and only for a run without
    ``contents``/``valid`` checks (:func:`_unchecked`).
    """
    key = (cls, name)
    if key in _SLOTS:
        return _SLOTS[key]
    slot: _Slot | None = None
    runs = cls.__dict__.get("_PKT_RUNS")
    info = type_info(cls)
    meta = info.lookup(name)
    if isinstance(runs, dict) and meta is not None and meta.kind == "seq" and _unchecked(cls):
        expected = 0
        for m in info.seq:
            run = runs.get(m.attr)
            if not (isinstance(run, tuple) and len(run) == 3 and run[0] == 0):
                break
            if run[1] != expected:
                break
            expected += run[2]
            if m is meta:
                convert = _converter(cls, meta, run[2])
                if convert is not None:
                    run_end = max(r[1] + r[2] for r in runs.values() if _in_first_run(r))
                    slot = (run[1], run[2], meta, convert, run_end)
                break
    _SLOTS[key] = slot
    return slot


def _unchecked(cls: type) -> bool:
    """No field of the first run has a ``contents`` or ``valid`` check: a slice of it could
    show a value from data the parser rejects (then the parser runs instead)."""
    runs = cls.__dict__.get("_PKT_RUNS") or {}
    contents = cls.__dict__.get("_PKT_CONTENTS") or {}
    if any(_in_first_run(runs.get(attr)) for attr in contents):
        return False
    seq = cls.__dict__.get("_PKT_SEQ") or ()
    entries = seq[0][4] if seq and len(seq[0]) > 4 and seq[0][4] else ()
    return all(entry[3] is not None for entry in entries)  # a `valid` field has no code


def _in_first_run(run: Any) -> bool:
    return isinstance(run, tuple) and len(run) == 3 and run[0] == 0


def _converter(cls: type, meta: FieldMeta, size: int) -> Any:
    t = meta.type or ""
    if t == "bytes" and meta.enum is None:
        return bytes
    if t[:1] in ("u", "s") and t[1:2].isdigit() and int(t[1]) == size:
        little = meta.endian == "le" or t.endswith("le")
        signed = t[0] == "s"
        order: Any = "little" if little else "big"
        enum_cls = resolve_qualname(cls, meta.enum) if meta.enum else None
        if meta.enum and enum_cls is None:
            return None

        def convert(raw: bytes) -> Any:
            v = int.from_bytes(raw, order, signed=signed)
            if enum_cls is not None:
                try:
                    return enum_cls(v)
                except ValueError:
                    return v
            return v

        return convert
    return None


def peek(pkt: Packet, layer: Layer, steps: Sequence[tuple[str, int | None]]) -> Field | None:
    """``layer.field`` read without decoding a not yet decoded layer, or None (decode it all).

    A field of the first fixed run is sliced from its fixed offset; another leading field is
    read by running the parser on a prefix of the bytes (parsing is sequential, so a field
    wholly inside the prefix reads as from the whole buffer). The layer stays undecoded until
    something needs the rest.
    """
    if len(steps) != 2 or steps[1][1] is not None:
        return None
    data = layer._data
    if data is None:
        return None
    slot = _static_slot(layer.cls, steps[1][0])
    if slot is not None:
        off, size, smeta, convert, run_end = slot
        if run_end <= len(data):
            owner = _StaticOwner(off, off + size)
            value = convert(data[off : off + size])
            path = f"{layer.path}.{smeta.id}"
            return Field(pkt, layer, None, smeta, owner, None, value, path, smeta.id)
    bound = _prefix_bound(layer.cls, steps[1][0])
    if bound is None or bound >= len(data):
        return None
    root = peek_root(layer.cls, data[:bound])
    if root is None or not is_struct(root):
        return None
    meta = type_info(layer.cls).lookup(steps[1][0])
    if meta is None:
        return None
    try:
        value = getattr(root, meta.attr)
    except Exception:  # not read from the prefix (or failed): decode it all
        return None
    if value is None:
        return None
    try:
        span = root._pkt_span(meta.attr)
    except Exception:
        return None
    if span is None or span[1] > bound:
        return None
    top = Field(pkt, layer, None, None, None, None, root, layer.path, layer.name)
    return Field(pkt, layer, top, meta, root, None, value, None, meta.id)


_FIRST_EXTRA = 4  # bytes past the fixed prefix given to the first limited parse
_PREFIX: dict[type, int] = {}


def _fixed_prefix(cls: type) -> int:
    """Bytes taken by the leading fixed-size seq fields of ``cls`` (an upper bound)."""
    total = _PREFIX.get(cls)
    if total is None:
        total = 0
        for m in type_info(cls).seq:
            if m.repeat is not None:
                break
            if m.size is not None:
                total += m.size
            elif m.bit_size is not None:
                total += (m.bit_size + 7) // 8
            else:
                break
        _PREFIX[cls] = total
    return total


class _Bail(Exception):
    """The search met an instance or an alias: only a full decode can answer."""


def peek_alias(pkt: Packet, layer: Layer, steps: Sequence[tuple[str, int | None]]) -> Field | None:
    """``layer.alias`` (a ``-pktscope-aliases`` name) found without decoding all of a not yet
    decoded layer, or None (decode it all).

    Only the alias's first path is tried, on parses of growing prefixes of the layer's bytes;
    a hit counts when every step to it is a seq field (no instance is evaluated on a partial
    object) and its value was read whole.
    """
    if len(steps) != 2 or steps[1][1] is not None:
        return None
    data = layer._data
    if data is None:
        return None
    cls = layer.cls
    key = (cls, steps[1][0])
    alias_steps = _ALIAS_STEPS.get(key, _UNKNOWN)
    if alias_steps is _UNKNOWN:
        alias_steps = _ALIAS_STEPS[key] = _alias_steps(cls, steps[1][0])
    if alias_steps is None:
        return None
    base = _fixed_prefix(cls)
    extra = _FIRST_EXTRA
    while base + extra < len(data):
        root = limited_root(cls, data, base + extra)
        if root is None or not is_struct(root):
            return None
        trail: list[tuple[FieldMeta, Any, int | None, Any, bool]] = []
        try:
            found = _seq_search(root, alias_steps, 0, trail)
        except _Bail:
            return None
        if found:
            field = Field(pkt, layer, None, None, None, None, root, layer.path, layer.name)
            for meta, owner, index, value, whole in trail:
                if whole:  # the whole array, parent of the element that follows
                    field = Field(pkt, layer, field, meta, owner, None, value, None, meta.id)
                else:
                    field = Field(pkt, layer, field, meta, owner, index, value, None, meta.id)
            return field
        extra *= 4
    return None


_UNKNOWN: Any = object()
_ALIAS_STEPS: dict[tuple[type, str], tuple[tuple[str, int | None], ...] | None] = {}


def _alias_steps(cls: type, name: str) -> tuple[tuple[str, int | None], ...] | None:
    """The parsed first path of alias ``name`` of ``cls`` (None: not an alias)."""
    info = type_info(cls)
    if info.lookup(name) is not None:
        return None
    aliases = info.hints.get("aliases")
    targets = aliases.get(name) if isinstance(aliases, dict) else None
    first = targets[0] if isinstance(targets, list) and targets else targets
    if not isinstance(first, str):
        return None
    from pktscope.fields.lookup import FieldNotFound, parse_path  # noqa: PLC0415 - cycle

    try:
        return tuple(parse_path(first))
    except FieldNotFound:
        return None


_UNKNOWN_FIELD: Any = object()
_SEQ_META: dict[tuple[type, str], Any] = {}


def _seq_meta(obj: Any, name: str) -> Any:
    """The seq field ``name`` of ``obj``'s class; None when ``obj`` is no parsed structure,
    _UNKNOWN_FIELD when ``name`` is an instance, an alias or unknown."""
    if not is_struct(obj):
        return None
    meta = type_info(type(obj)).lookup(name)
    if meta is None or meta.kind != "seq":
        return _UNKNOWN_FIELD
    return meta


def _seq_search(
    obj: Any,
    steps: Sequence[tuple[str, int | None]],
    i: int,
    trail: list[tuple[FieldMeta, Any, int | None, Any, bool]],
) -> bool:
    """Find the first value ``steps[i:]`` name below ``obj`` through seq fields only (as
    ``lookup._descend`` would), appending the ``(meta, owner, index, value, whole_array)``
    steps to it to ``trail``; raises :class:`_Bail` on an instance, alias or ``[-n]``."""
    name, index = steps[i]
    key = (type(obj), name)
    meta = _SEQ_META.get(key, _UNKNOWN)
    if meta is _UNKNOWN:
        meta = _SEQ_META[key] = _seq_meta(obj, name)
    if meta is None:
        return False  # not a parsed structure
    if meta is _UNKNOWN_FIELD:
        raise _Bail
    value = obj.__dict__.get(meta.attr)
    if value is None:
        return False
    last = i + 1 == len(steps)
    if isinstance(value, list):
        if index is not None:
            if index < 0:
                raise _Bail
            if index >= len(value):
                return False
            return _step(meta, obj, index, value[index], steps, i, trail)
        if last:
            raise _Bail  # a whole array: its length is only known after a full decode
        trail.append((meta, obj, None, value, True))
        for k, v in enumerate(value):
            if _step(meta, obj, k, v, steps, i, trail):
                return True
        trail.pop()
        return False
    if index is not None:
        return False
    return _step(meta, obj, None, value, steps, i, trail)


def _step(  # noqa: PLR0917 - private recursion
    meta: FieldMeta,
    owner: Any,
    index: int | None,
    value: Any,
    steps: Sequence[tuple[str, int | None]],
    i: int,
    trail: list[tuple[FieldMeta, Any, int | None, Any, bool]],
) -> bool:
    trail.append((meta, owner, index, value, False))
    if i + 1 == len(steps):
        if is_struct(value):
            span = value._pkt_span_self()
            if span is None or span[1] is None:
                raise _Bail  # a structure still being read
        return True
    if _seq_search(value, steps, i + 1, trail):
        return True
    trail.pop()
    return False
