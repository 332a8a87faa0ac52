"""The dissector chain: link type → first spec → payload spec → ..., lazily, one layer at a time.

Each layer is decoded on its own from the bytes its parent's payload gives; where the payload is
and which spec decodes it comes from the root type's ``-pktscope-payload`` hint (specs/README.md
"Chain algorithm"), compiled once per class into a :class:`PayloadRule`. Decode-as rules
(:mod:`pktscope.dissect.decode_as`) override the choice of the next spec. A layer that fails
keeps its bytes, partial object and error; the chain goes on only if the payload field was read.

>>> pkt = decode(frame_bytes)                       # doctest: +SKIP
>>> pkt.protocols                                   # doctest: +SKIP
'eth:ipv4:udp:dhcp'
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Iterator, Mapping
from types import ModuleType
from typing import Any

from pktscope.dissect.decode_as import DecodeAs, DecodeAsRules
from pktscope.dissect.registry import find_spec, layer_name, load_spec, spec_for_linktype
from pktscope.errors import DecodeError, PktscopeError
from pktscope.fields.layer import Layer, failed_root
from pktscope.fields.packet import Frame, Packet
from pktscope.fields.schema import type_info

__all__ = ["Chain", "PayloadRule", "decode", "payload_rule"]

MAX_LAYERS = 32  # ICMP errors nest headers; nothing real comes close, a loop must stop
_new_object = object.__new__
_EMPTY: Mapping[str, Any] = {}


class PayloadRule:
    """A root type's ``-pktscope-payload`` hint, names resolved to attributes."""

    __slots__ = (
        "_classes",
        "default",
        "end",
        "errors",
        "field",
        "length",
        "next",
        "next_on",
        "offset",
        "overrun_error",
        "quoted",
        "when",
    )

    def __init__(self, cls: type, hint: Mapping[str, Any]) -> None:
        info = type_info(cls)

        def attr(key: str) -> str | None:
            name = hint.get(key)
            if not isinstance(name, str):
                return None
            meta = info.lookup(name)
            return meta.attr if meta is not None else name

        self.field = attr("field")
        self.offset = attr("offset")
        self.end = attr("end")
        self.length = attr("length")
        self.when = attr("when")
        on = hint.get("next-on", hint.get("next_on"))
        names = [on] if isinstance(on, str) else list(on) if isinstance(on, list) else []
        self.next_on: list[str] = []
        for n in names:
            meta = info.lookup(str(n))
            self.next_on.append(meta.attr if meta is not None else str(n))
        table = hint.get("next")
        self.next: dict[int | str, str] = {}
        if isinstance(table, Mapping):
            for key, spec in table.items():
                self.next[_key(key)] = str(spec)
        default = hint.get("default")
        self.default = str(default) if default is not None else None
        # the payload is a quoted excerpt (an ICMP error's copy of the offending datagram):
        # running out of bytes in it, and below it, is by design
        self.quoted = bool(hint.get("quoted"))
        # a declared end past the layer's bytes (the frame whole) is this layer's error, as
        # tshark's "Bad length value" (UDP) is malformed; by default it is only noted (IPv4)
        self.overrun_error = hint.get("overrun") == "error"
        self._classes: dict[str, type | None] = {}
        self.errors: dict[str, str] = {}  # why a named spec could not load

    def spec_class(self, name: str) -> type | None:
        """The class of a spec named in ``next``/``default`` (None if it cannot load), cached."""
        try:
            return self._classes[name]
        except KeyError:
            pass
        try:
            cls: type | None = load_spec(name)
        except Exception as exc:  # a bundled spec missing or broken must not stop the frame
            cls = None
            self.errors[name] = str(exc)
        self._classes[name] = cls
        return cls


def _key(key: Any) -> int | str:
    if isinstance(key, bool):
        return int(key)
    if isinstance(key, int):
        return key
    text = str(key).strip()
    for base in (0, 10):  # "0x0800", "2048"; "0800" only parses as decimal
        try:
            return int(text, base)
        except ValueError:
            pass
    return text


_RULES: dict[type, PayloadRule | None] = {}


def payload_rule(cls: type) -> PayloadRule | None:
    """The cached payload rule of a root class (None when it has no payload hint)."""
    try:
        return _RULES[cls]
    except KeyError:
        pass
    hint = type_info(cls).hints.get("payload")
    rule = PayloadRule(cls, hint) if isinstance(hint, Mapping) else None
    _RULES[cls] = rule
    return rule


def _value(root: Any, attr: str | None) -> Any:
    """An attribute's value, None when absent or failing (an instance that cannot evaluate)."""
    if attr is None or root is None:
        return None
    try:
        v = getattr(root, attr)
    except Exception:
        return None
    if type(v) is int or v is None:
        return v
    if isinstance(v, enum.Enum):
        return v.value
    return v


class Chain:
    """A :class:`~pktscope.fields.packet.Dissector`: first spec (or by link type) + rules."""

    __slots__ = ("_by_linktype", "_first_notes", "_has_dirs", "_has_rules", "first", "rules")

    def __init__(self, first: type | None = None, rules: DecodeAsRules | None = None) -> None:
        self.first = first
        self.rules = rules if rules is not None else DecodeAsRules()
        self._has_rules = bool(self.rules)
        self._has_dirs = bool(self.rules.spec_dirs)
        self._first_notes: dict[int, str] = {}  # link type -> why its user spec is not used
        self._by_linktype: dict[int, type | None] = {}

    def first_class(self, linktype: int) -> type | None:
        """The spec of a frame's first layer: the forced one, else by link type (cached)."""
        if self.first is not None:
            return self.first
        try:
            return self._by_linktype[linktype]
        except KeyError:
            cls = spec_for_linktype(linktype)
            if cls is not None and self._has_dirs:  # a user spec of that name overrides
                name = layer_name(cls)
                try:
                    cls = self.rules.user_class(name) or cls
                except PktscopeError as exc:  # broken: the bundled spec decodes, with a note
                    self._first_notes[linktype] = f"user spec {name!r} not used: {exc}"
            self._by_linktype[linktype] = cls
            return cls

    def layers(self, pkt: Packet) -> Iterator[Layer]:
        """Decode ``pkt.buffer`` layer by layer, each yielded as soon as it is decoded.

        The hot path of every front end: per-class facts come from one cached tuple
        (:func:`_facts`), layers are built without keyword handling and decoded inline, and the
        next spec is chosen by :meth:`_next` (one call per layer).
        """
        frame = pkt.frame
        cls = self.first
        if cls is None:
            try:
                cls = self._by_linktype[frame.linktype]
            except KeyError:
                cls = self.first_class(frame.linktype)
            if cls is None:
                return
        data = pkt._data()
        start, end = 0, len(data)
        total = end
        cut = frame.cap_len < frame.len
        truncated = quoted = False
        names: list[str] = []
        facts = _FACTS
        new = _new_object
        for index in range(MAX_LAYERS):
            fact = facts.get(cls)
            if fact is None:
                fact = _facts(cls)
            name, rule, inline = fact
            occurrence = names.count(name) if names else 0
            names.append(name)
            layer: Layer = new(Layer)
            layer.name = name
            layer.cls = cls
            layer.offset = start
            layer.size = end - start
            layer.index = index
            layer.occurrence = occurrence
            layer._truncated = truncated
            layer._cut_tail = cut and end == total
            layer.note = None
            if index == 0 and self._first_notes:
                layer.note = self._first_notes.get(frame.linktype)
            layer._root_field = None
            layer._error = None
            buf = data[start:end] if start or end != total else data
            if rule is None:
                # A last layer (no payload rule) decodes on first use: a lookup of one of its
                # leading header fields may then read only a prefix of its bytes.
                layer._root = None
                layer._data = buf
                yield layer
                return
            layer._data = None
            root: Any
            try:
                if inline:  # from_bytes of a class read from a buffer, inlined
                    root = new(cls)
                    root._parent = None
                    root._root = root
                    root._pkt_iv = buf
                    root._pkt_read(buf, 0, len(buf), 0)
                else:
                    root = cls.from_bytes(buf)  # type: ignore[attr-defined]
            except Exception as exc:  # kept on the layer with the partial object
                root = failed_root(layer, exc)
            layer._root = root
            yield layer
            if root is None:
                return
            nxt = self._next(layer, root, rule)
            if nxt is None:
                return
            cls, start, end, cut_payload, bounded = nxt
            # the next layer ends where the capture cut the frame only if no declared length
            # that fits its parent's bytes ended it first
            cut = cut and not bounded
            quoted = quoted or rule.quoted
            truncated = cut_payload or quoted

    def _next(
        self, layer: Layer, root: Any, rule: PayloadRule
    ) -> tuple[type, int, int, bool, bool] | None:
        # 1. where the payload starts, in this layer's buffer
        field = rule.field
        if field is not None:
            # a root read from the layer's bytes (``_pkt_iv``): a plain span record is the span,
            # with no need for the general ``_pkt_span``
            d = getattr(root, "__dict__", _EMPTY)
            rec = d.get("_pkt_s")
            rec = rec.get(field) if type(rec) is dict else None
            if type(rec) is tuple and len(rec) == 2 and type(d.get("_pkt_iv")) is bytes:
                pstart = rec[0]
            else:
                try:
                    span = root._pkt_span(field)
                except Exception:  # a partial object without the span: no payload
                    return None
                if span is None:
                    return None
                pstart = int(span[0])
        else:
            off = _value(root, rule.offset)
            if not isinstance(off, int):
                return None
            pstart = off
        # 2. where it ends: declared end, clipped to the buffer
        size = layer.size
        declared: int | None = None
        end_attr = rule.end
        if end_attr is not None:
            try:
                end_v = getattr(root, end_attr)
            except Exception:  # an instance that cannot evaluate: no value
                end_v = None
            if type(end_v) is int:
                declared = end_v
            elif end_v is not None:
                end_v = _plain(end_v)
                if isinstance(end_v, int):
                    declared = end_v
        if declared is None and rule.length is not None:
            len_v = _value(root, rule.length)
            if isinstance(len_v, int):
                declared = pstart + len_v
        truncated = overrun = False
        pend = size
        if declared is not None:
            if declared < pstart:
                reason = f"declared payload end {declared} is before its start {pstart}"
                if rule.overrun_error:  # (tshark: malformed, "Bad length value 3 < 8")
                    _length_error(layer, root, rule, reason)
                elif layer.note is None:  # (tshark: "Bogus IP length", not malformed)
                    layer.note = reason
                return None
            if declared <= size:
                pend = declared
            elif layer._cut_tail:  # the capture cut the frame inside the payload: "short"
                truncated = True
            else:  # the frame is whole: the length is wrong, the payload is what is there
                overrun = True
                if rule.overrun_error:  # (tshark: malformed, "Bad length value")
                    _length_error(
                        layer,
                        root,
                        rule,
                        f"declared payload end {declared} is past the {size} bytes of the layer",
                    )
        if pstart < 0:
            pstart = 0
        elif pstart > size:
            pstart = size
        # 5. an empty payload starts nothing
        if pend <= pstart:
            return None
        # decode-as rules override steps 3-4
        nxt: type | None = None
        if self._has_rules:
            try:
                nxt = self.rules.match(layer.name, lambda f: _value(root, _attr(layer.cls, f)))
            except PktscopeError as exc:  # its spec does not load: the payload stays data
                layer.note = f"decode-as spec unavailable: {exc}"
                return None
        if nxt is None:
            # 3. `when` false: the payload stays data
            when = rule.when
            if when is not None:
                try:
                    ok = getattr(root, when)
                except Exception:  # an instance that cannot evaluate: false
                    return None
                if not ok:
                    return None
            # 4. next-on values select the spec, else the default
            spec_name: str | None = None
            table = rule.next
            for attr in rule.next_on:
                try:
                    v = getattr(root, attr)
                except Exception:  # an instance that cannot evaluate: no value
                    continue
                # an int subclass (IntEnum member, bool) finds its int key as it is
                if type(v) is not int and not isinstance(v, int):
                    if v is None or type(v) is list or type(v) is bytes:
                        continue
                    if isinstance(v, enum.Enum):
                        v = v.value
                spec_name = table.get(v)
                if spec_name is not None:
                    break
            if spec_name is None:
                spec_name = rule.default
            if spec_name is None:
                return None
            nxt = None
            if self._has_dirs:  # user spec directories first, as for decode-as rules
                try:
                    nxt = self.rules.user_class(spec_name)
                except PktscopeError as exc:
                    layer.note = f"next layer {spec_name!r} unavailable: {exc}"
                    return None
            if nxt is None:
                nxt = rule._classes.get(spec_name) or rule.spec_class(spec_name)
            if nxt is None:
                why = rule.errors.get(spec_name)
                layer.note = f"next layer {spec_name!r} unavailable" + (f": {why}" if why else "")
                return None
        if truncated:
            layer.note = "payload truncated: declared end beyond the captured bytes"
        elif overrun and layer.note is None:
            layer.note = f"declared payload end {declared} is past the {size} bytes of the layer"
        base = layer.offset
        bounded = declared is not None and declared <= size
        return nxt, base + pstart, base + pend, truncated, bounded


def _length_error(layer: Layer, root: Any, rule: PayloadRule, message: str) -> None:
    """Make a wrong payload length (the rule's ``end``/``length`` field) the layer's error,
    located at that field (the layer keeps its decode error if it has one)."""
    if layer._error is not None:
        return
    key = rule.end or rule.length or rule.field or "payload"
    meta = type_info(layer.cls).by_attr.get(key)
    offset = layer.offset
    try:
        span = root._pkt_span(key)
    except Exception:  # a value instance (`payload_end`) or a class without spans
        span = None
    if span is not None:
        offset += int(span[0])
    layer._error = DecodeError(
        message, offset=offset, field_path=f"{layer.path}.{meta.id if meta else key}"
    )


def _plain(v: Any) -> Any:
    return v.value if isinstance(v, enum.Enum) else v


def _facts(cls: type) -> tuple[str, PayloadRule | None, bool]:
    """A class's layer name, payload rule and whether its ``from_bytes`` may be inlined (a
    pktscope class that reads its root from the buffer; any other class is called)."""
    inline = getattr(cls, "_pkt_root_ok", False) is True and hasattr(cls, "_pkt_read")
    fact = _FACTS[cls] = (layer_name(cls), payload_rule(cls), inline)
    return fact


_FACTS: dict[type, tuple[str, PayloadRule | None, bool]] = {}


def _attr(cls: type, field_id: str) -> str:
    meta = type_info(cls).lookup(field_id)
    return meta.attr if meta is not None else field_id


def decode(
    buf: bytes | bytearray | memoryview,
    spec: str | os.PathLike[str] | type | ModuleType | None = "eth",
    *,
    linktype: int | None = None,
    decode_as: Iterable[str | DecodeAs] = (),
    spec_dirs: Iterable[str | os.PathLike[str]] = (),
) -> Packet:
    """Decode one frame: ``spec`` (bundled id, ``.ksy`` path or compiled class) decodes the
    first layer, ``-pktscope-payload`` hints and ``decode_as`` rules the following ones.

    With ``linktype`` (a DLT number) the first spec is the bundled one for that link type.
    Layers are decoded lazily, when a lookup needs them. ``buf`` is copied: ``Field.set``
    writes into the packet's own ``pkt.buffer``, never into the caller's bytearray.
    """
    buffer = bytearray(buf)
    dirs = tuple(spec_dirs)
    first: type | None
    if linktype is not None:
        first = spec_for_linktype(linktype)
        if first is None and spec is not None:
            first = first_spec(spec, dirs)
    else:
        first = first_spec(spec, dirs) if spec is not None else None
    lt = linktype if linktype is not None else _linktype_of(first)
    frame = Frame(number=1, len=len(buffer), cap_len=len(buffer), linktype=lt)
    return Packet(buffer, frame, Chain(first, DecodeAsRules(decode_as, dirs)))


def first_spec(spec: str | os.PathLike[str] | type | ModuleType, dirs: tuple[Any, ...]) -> type:
    """The class of a frame's first spec: a class; a module from ``compile_spec`` (its root
    class); a name looked up in ``dirs`` first, then bundled ids; or a ``.ksy`` path."""
    if isinstance(spec, str) and dirs:
        return find_spec(spec, dirs)
    return load_spec(spec)


def _linktype_of(cls: type | None) -> int:
    if cls is None:
        return 1
    lts = type_info(cls).hints.get("linktypes")
    if isinstance(lts, list) and lts and isinstance(lts[0], int):
        return lts[0]
    return 1
