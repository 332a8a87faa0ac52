"""``Field``: one decoded value of a packet, tied to its bytes.

A field is a light view: its packet, its layer, the parsed object that holds it (``owner``), the
attribute and array index, and its path (``dhcp.options[2].code``). Offsets are absolute in the
packet (layer offset + the span the generated parser recorded, docs/spans.md); ``raw`` is a
zero-copy ``memoryview`` into ``pkt.buffer``. Writes (``set``/``blit``) change ``pkt.buffer`` in
place and make the packet re-decode; a field object taken before a write re-resolves its path on
next use, so re-reading gives the new value.

Fields without bytes (``frame.*`` properties, value instances) have ``offset``/``size``/``end``
None; ``raw``/``hex`` on them raise :class:`~pktscope.fields.encode.FieldError`.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from pktscope.errors import PktscopeError
from pktscope.fields.display import display_of
from pktscope.fields.encode import FieldError, encode_value, writable_reason
from pktscope.fields.schema import FieldMeta, is_struct, resolve_qualname, type_info
from pktscope.render.hexstr import hexstr

if TYPE_CHECKING:
    from pktscope.fields.layer import Layer
    from pktscope.fields.packet import Packet

__all__ = ["Field", "FieldError"]

_UNSET: Any = object()
# value types returned as they are (numbers, bytes, enum members...; not parsed objects), learned
_PLAIN: dict[type, bool] = dict.fromkeys((int, bytes, str, float, bool, list), True)
Span = tuple[int, int, int | None, int | None]


class Field:
    """A decoded field: value, display text, absolute span and bytes.

    >>> f = pkt["dhcp.chaddr"]                      # doctest: +SKIP
    >>> f.offset, f.size, f.display                  # doctest: +SKIP
    (70, 16, '00163e6f43f400000000000000000000')
    """

    __slots__ = (
        "_gen",
        "_path",
        "_pkt",
        "_span",
        "_value",
        "index",
        "layer",
        "meta",
        "name",
        "owner",
        "parent",
    )

    def __init__(  # noqa: PLR0917 - internal constructor on the lookup hot path
        self,
        pkt: Packet,
        layer: Layer | None,
        parent: Field | None,
        meta: FieldMeta | None,
        owner: Any,
        index: int | None,
        value: Any,
        path: str | None,
        name: str,
    ) -> None:
        self._pkt = pkt
        self._gen = pkt._generation
        self.layer = layer
        self.parent = parent
        self.meta = meta
        self.owner = owner
        self.index = index
        self._value = value
        self._span: Span | None = _UNSET
        self._path = path
        self.name = name

    # -- identity and freshness ---------------------------------------------------------------
    @property
    def path(self) -> str:
        """The field's path: ``dhcp.options[2].code`` (``ipv4[1].src`` in a second IPv4)."""
        path = self._path
        if path is None:
            parent = self.parent
            assert parent is not None
            if self.index is None:
                path = f"{parent.path}.{self.name}"
            elif parent.meta is self.meta and parent.index is None:  # element of a whole array
                path = f"{parent.path}[{self.index}]"
            else:
                path = f"{parent.path}.{self.name}[{self.index}]"
            self._path = path
        return path

    def _fresh(self) -> None:
        if self._gen != self._pkt._generation:
            self._refresh()

    def _refresh(self) -> None:
        new = self._pkt._lookup_strict(self.path)
        for slot in ("layer", "parent", "meta", "owner", "index", "_value", "_span", "_gen"):
            setattr(self, slot, getattr(new, slot))

    @property
    def packet(self) -> Packet:
        """The packet this field belongs to."""
        return self._pkt

    @property
    def spec_path(self) -> str:
        """Where the field is defined in its spec (``/types/option/seq/1``), '' if unknown."""
        return self.meta.spec_path if self.meta is not None else ""

    @property
    def error(self) -> Any:
        """The layer's :class:`~pktscope.errors.DecodeError`, or None."""
        self._fresh()
        return self.layer.error if self.layer is not None else None

    @property
    def is_array(self) -> bool:
        """True for a repeated field taken as a whole (its children are the elements)."""
        return self.index is None and isinstance(self._value, list)

    # -- value ----------------------------------------------------------------------------------
    @property
    def value(self) -> Any:
        """The typed value: int, IntEnum member, bytes, str, float, bool, a list for a whole
        array, the parsed object for a structure (or its ``-pktscope-value`` instance's value)."""
        if self._gen != self._pkt._generation:
            self._refresh()
        v = self._value
        plain = _PLAIN.get(type(v))
        if plain is None:
            plain = _PLAIN[type(v)] = not is_struct(v)
        if plain:
            return v
        hinted = _struct_value(v)
        if hinted is not _UNSET:
            return hinted
        return v

    @property
    def obj(self) -> Any:
        """The raw parsed object or value, as the generated parser holds it."""
        self._fresh()
        return self._value

    @property
    def display(self) -> str:
        """The value as DESIGN.md "Value rendering" says (MAC, IPv4, enum ``name (n)``...)."""
        self._fresh()
        return display_of(self._value, self.meta, enum_names=True)

    @property
    def display_plain(self) -> str:
        """Like :attr:`display`, but enums as their bare integer (``--json`` style)."""
        self._fresh()
        return display_of(self._value, self.meta, enum_names=False)

    def source(self) -> Field | None:
        """The field a value instance takes its value from, as its ``-pktscope-bytes`` hint
        names it (the first of its paths that is present and holds the same value), or None.
        Such an instance has that field's bytes: ``eth.ether_type`` is the type field after the
        tags, or the SNAP protocol id."""
        meta = self.meta
        if meta is None or meta.kind != "value" or self.parent is None or self.index is not None:
            return None
        paths = meta.hints.get("bytes")
        if not paths:
            return None
        from pktscope.fields.lookup import resolve_relative  # noqa: PLC0415 - lookup imports us

        want = _plain_value(self.value)
        for path in [paths] if isinstance(paths, str) else paths:
            found = resolve_relative(self.parent, str(path))
            if found is not None and _plain_value(found.value) == want:
                return found
        return None

    # -- span -----------------------------------------------------------------------------------
    def _get_span(self) -> Span | None:
        if self._gen != self._pkt._generation:
            self._refresh()
        span = self._span
        if span is _UNSET:
            span = self._span = self._compute_span()
        return span

    def _compute_span(self) -> Span | None:
        layer = self.layer
        if layer is None:
            return None
        base = layer.offset
        owner = self.owner
        if owner is None:  # the layer itself
            return (base, base + layer.size, None, None)
        meta = self.meta
        if meta is None:
            return None
        span: Any = None
        if meta.kind == "value":  # a value instance has no span (docs/spans.md) ...
            source = self.source()  # ... unless it names the field it comes from
            return None if source is None else source._get_span()
        try:
            span = owner._pkt_span(meta.attr, self.index)
        except Exception:  # a stand-in or foreign class without spans
            span = None
        if span is None:
            v = self._value
            if is_struct(v):
                return _struct_span(v, layer)
            return None
        start, end, bit_offset, bit_size = span
        if self.index is None and meta.repeat is not None:
            end = max(end, _partial_tail_end(self._value, layer, end))
        size = layer.size
        if end > size or start > end:  # partial objects placed past the bytes by `pos:`
            start = min(start, size)
            end = max(start, min(end, size))
        return (
            base + start,
            base + end,
            None if bit_offset is None else bit_offset + 8 * base,
            bit_size,
        )

    @property
    def offset(self) -> int | None:
        """Absolute byte offset in the packet of the field's first byte (None: no bytes)."""
        span = self._span
        if self._gen != self._pkt._generation:
            span = self._get_span()
        elif span is _UNSET:
            span = self._span = self._compute_span()
        return None if span is None else span[0]

    @property
    def end(self) -> int | None:
        """Absolute end (exclusive) of the field's bytes."""
        span = self._span
        if span is _UNSET or self._gen != self._pkt._generation:
            span = self._get_span()
        return None if span is None else span[1]

    @property
    def size(self) -> int | None:
        """Number of bytes the field covers (for a bit field, the bytes it touches)."""
        span = self._get_span()
        return None if span is None else span[1] - span[0]

    @property
    def bit_offset(self) -> int | None:
        """Absolute bit position ``8 * byte + bit`` of a bit field, else None."""
        span = self._get_span()
        return None if span is None else span[2]

    @property
    def bit_size(self) -> int | None:
        """Width in bits of a bit field, else None."""
        span = self._get_span()
        return None if span is None else span[3]

    @property
    def has_bytes(self) -> bool:
        """True when the field has a span in the packet."""
        return self._get_span() is not None

    @property
    def transformed(self) -> bool:
        """True when the field (or a structure it lies in) was parsed from ``process:``-ed
        bytes: its span is then that of the raw bytes."""
        self._fresh()
        f: Field | None = self
        while f is not None:
            if f.owner is not None and f.meta is not None:
                try:
                    if f.owner._pkt_transformed(f.meta.attr):
                        return True
                except Exception:  # stand-ins without the method
                    if f.meta.process:
                        return True
            f = f.parent
        return False

    def _byte_span(self) -> tuple[int, int]:
        span = self._get_span()
        if span is None:
            raise FieldError(
                "has no bytes in the packet (computed or frame property)", path=self.path
            )
        return span[0], span[1]

    # -- bytes ----------------------------------------------------------------------------------
    @property
    def raw(self) -> memoryview:
        """Zero-copy, read-only view of the field's bytes in ``pkt.buffer``. Write with
        :meth:`set` or :meth:`blit`, which decode the packet again (a write through a view
        would leave every decoded value stale)."""
        start, end = self._byte_span()
        return memoryview(self._pkt.buffer)[start:end].toreadonly()

    def copy(self) -> bytes:
        """The field's bytes, copied."""
        start, end = self._byte_span()
        return bytes(self._pkt.buffer[start:end])

    def hex(self, sep: str = "", group: int = 1, upper: bool = False) -> str:
        """The field's bytes as hex: ``f.hex(":")`` gives ``00:16:3e:...``."""
        return hexstr(self.raw, sep=sep, group=group, upper=upper)

    def hexdump(self, file: IO[str] | None = None, *, fmt: str = "classic") -> str | None:
        """Hexdump of the field alone, with absolute offsets; returned when ``file`` is None."""
        from pktscope.render.hexdump import render_hexdump  # noqa: PLC0415 - cold path

        start, end = self._byte_span()
        text = render_hexdump(bytes(self._pkt.buffer[start:end]), fmt=fmt, base_offset=start)
        if file is None:
            return text
        file.write(text)
        return None

    def hexdump_to(self, buffer: Any, *, fmt: str = "classic") -> None:
        """Write the field's hexdump (bytes, ASCII) to a bytearray or writable binary stream."""
        from pktscope.render.hexdump import hexdump_to  # noqa: PLC0415 - cold path

        start, end = self._byte_span()
        hexdump_to(buffer, bytes(self._pkt.buffer[start:end]), fmt=fmt, base_offset=start)

    # -- writes ---------------------------------------------------------------------------------
    def set(self, value: Any) -> None:
        """Encode ``value`` with the field's type into ``pkt.buffer`` in place, then re-decode.

        Refuses (:class:`FieldError`) computed, variable-size, ``process:``-ed fields, whole
        arrays, out-of-range values and wrong lengths; nothing outside the span changes. A
        value instance with a :meth:`source` field sets that field.
        """
        self._fresh()
        source = self.source()
        if source is not None:  # a value instance with the bytes of the field it comes from
            source.set(value)
            self._path = self.path
            with contextlib.suppress(KeyError, PktscopeError):
                self._fresh()
            return
        reason = writable_reason(self.meta, whole_array=self.is_array, transformed=self.transformed)
        if reason is not None:
            raise FieldError(f"cannot set: field {reason}", path=self.path)
        assert self.meta is not None
        if isinstance(value, str) and self.meta.enum is not None and self.owner is not None:
            enum_cls = resolve_qualname(type(self.owner), self.meta.enum)
            members = getattr(enum_cls, "__members__", {})
            by_name = {name.lower(): m for name, m in members.items()}
            if value.lower() in by_name:  # an enum member by name: set("request"), set("A")
                value = by_name[value.lower()]
            elif members:
                names = ", ".join(list(members)[:12]) + (", ..." if len(members) > 12 else "")
                raise FieldError(
                    f"{value!r} is no name of the field's enum (names: {names})", path=self.path
                )
        start, end = self._byte_span()
        current = bytes(self._pkt.buffer[start:end])
        data = encode_value(
            self.meta,
            value,
            current,
            bit_offset=self.bit_offset,
            bit_size=self.bit_size,
            start=start,
            path=self.path,
        )
        self._write(start, end, data)

    def blit(self, src: bytes | bytearray | memoryview) -> None:
        """Copy ``src`` (exactly the field's size) over the field's bytes, then re-decode.

        A bit field shares its bytes with its neighbours: :meth:`set` writes its bits alone,
        so ``blit`` refuses one that does not fill whole bytes."""
        start, end = self._byte_span()
        bits = self.bit_size
        if bits is not None and (bits % 8 or (self.bit_offset or 0) % 8):
            raise FieldError(
                f"blit() copies whole bytes; this bit field holds {bits} bit"
                f"{'' if bits == 1 else 's'} of them: use set()",
                path=self.path,
            )
        if not isinstance(src, bytes | bytearray | memoryview):
            raise FieldError(
                f"blit() copies raw bytes: give bytes, not {type(src).__name__}", path=self.path
            )
        data = bytes(src)
        if len(data) != end - start:
            raise FieldError(
                f"wrong length: the field holds {end - start} bytes, source has {len(data)}",
                path=self.path,
            )
        self._write(start, end, data)

    def _write(self, start: int, end: int, data: bytes) -> None:
        self._path = self.path
        self._pkt._write(start, end, data, self.layer)
        # the write may make the field vanish (e.g. a length that now excludes it)
        with contextlib.suppress(KeyError, PktscopeError):
            self._fresh()

    # -- structure ------------------------------------------------------------------------------
    @property
    def children(self) -> list[Field]:
        """Sub-fields: elements of a whole array, fields of a structure, else ``[]``."""
        self._fresh()
        from pktscope.fields.lookup import child_list  # noqa: PLC0415 - lookup imports Field

        return child_list(self)

    def walk(self) -> Iterator[Field]:
        """This field and all below it, depth first."""
        from pktscope.fields.lookup import child_list  # noqa: PLC0415 - lookup imports Field

        stack: list[Field] = [self]
        pop, extend = stack.pop, stack.extend
        while stack:
            f = pop()
            yield f
            kids = child_list(f)
            if kids:
                kids.reverse()
                extend(kids)

    def __repr__(self) -> str:
        try:
            span = self._get_span()
            where = "" if span is None else f" @{span[0]}+{span[1] - span[0]}"
            disp = self.display
        except Exception as exc:  # repr must never fail
            where, disp = "", f"<{type(exc).__name__}>"
        if len(disp) > 40:
            disp = disp[:37] + "..."
        return f"<Field {self.path}{where} = {disp}>"

    def _repr_html_(self) -> str:
        from pktscope.notebook import field_html  # noqa: PLC0415 - Jupyter only

        return field_html(self)


def _plain_value(v: Any) -> Any:
    return v.value if isinstance(v, enum.Enum) else v


_VALUE_ATTR: dict[type, str | None] = {}


def _struct_value(obj: Any) -> Any:
    """The value named by a type's ``-pktscope-value`` hint, or _UNSET."""
    t = type(obj)
    try:
        attr = _VALUE_ATTR[t]
    except KeyError:
        info = type_info(t)
        inst = info.hints.get("value")
        attr = None
        if isinstance(inst, str):
            meta = info.lookup(inst)
            attr = meta.attr if meta is not None else inst
        _VALUE_ATTR[t] = attr
    if attr is None:
        return _UNSET
    try:
        return getattr(obj, attr)
    except Exception:
        return _UNSET


def _partial_tail_end(items: Any, layer: Layer, end: int) -> int:
    """An array whose last element was cut by the error: the span records only the complete
    elements, so extend the array's end (layer-relative) over what the last one did read."""
    if type(items) is not list or not items or not is_struct(items[-1]):
        return end
    if getattr(items[-1], "_pkt_end", 0) is not None:
        return end
    tail = _struct_span(items[-1], layer)
    return end if tail is None else tail[1] - layer.offset


def _partial_end(obj: Any, start: int) -> int:
    """Where the reads of a partial object (``_pkt_end`` None) that starts at ``start`` got to:
    its own span records and, within them, the partial child it was reading when it failed."""
    end = start
    own = _records_end(obj)
    if own is not None:
        end = max(end, start + own - obj._pkt_start)
    child = _partial_child(obj)
    if child is not None:
        try:
            span = child._pkt_span_self()
        except Exception:
            span = None
        if span is not None and span[1] is None and span[0] >= start:
            end = max(end, _partial_end(child, span[0]))
    return end


def _partial_child(obj: Any) -> Any:
    """The last seq field of ``obj`` holding a partial object (the element of an array)."""
    found = None
    for attr, *_ in getattr(obj, "_PKT_SEQ", ()):
        if attr.startswith("_m_"):
            break  # instances come after the seq fields
        v = obj.__dict__.get(attr)
        if type(v) is list:
            v = v[-1] if v else None
        if is_struct(v) and getattr(v, "_pkt_end", 0) is None:
            found = v
    return found


def _records_end(obj: Any) -> int | None:
    """The furthest end of the span records of ``obj`` in its own stream (``_pkt_s``; see
    ``compile/runtime.py``), or None when it has none."""
    recs = getattr(obj, "_pkt_s", None)
    if not isinstance(recs, dict):
        return None
    runs: dict[int, int] = {}  # a fixed run (or, negative, a group of bit fields): its bytes
    for run_no, off, size in getattr(obj, "_PKT_RUNS", {}).values():
        runs[run_no] = max(runs.get(run_no, 0), off + size)
    for group, bit_off, width in getattr(obj, "_PKT_BITS", {}).values():
        runs[group] = max(runs.get(group, 0), (bit_off + width + 7) // 8)
    ends = []
    for key, rec in recs.items():
        if type(key) is int:  # the start of a fixed run or of a group of bit fields
            if type(rec) is int:
                ends.append(rec + runs.get(key, 0))
        elif type(key) is str and key.startswith("@"):
            continue  # an instance read elsewhere (``pos:``/``io:``)
        elif type(rec) is tuple and len(rec) == 2:
            ends.append(rec[1])
        elif type(rec) is tuple and len(rec) == 3:
            ends.append((rec[1] + 7) // 8)
        elif type(rec) is tuple and len(rec) == 4:
            ends.append(rec[0] + rec[1] * rec[2])
        elif type(rec) is list and rec:
            last = rec[-1]
            ends.append(last[1] if type(last) is tuple and len(last) >= 2 else rec[0])
    return max(ends) if ends else None


def _struct_span(obj: Any, layer: Layer) -> Span | None:
    """Span of a (possibly partial) parsed object from ``_pkt_span_self``."""
    try:
        self_span = obj._pkt_span_self()
    except Exception:
        return None
    if self_span is None:
        return None
    start, end = self_span[0], self_span[1]
    if end is None:  # read interrupted: over what it read, up to the error in its bytes
        end = _partial_end(obj, start)
        err = layer.error
        if err is not None and err.offset is not None:
            at = err.offset - layer.offset
            if start <= at <= layer.size:  # (not an error reached through a `pos:` jump)
                end = max(end, at)
    # a partial object placed by a bad `pos:` may start past the layer's bytes
    start = max(0, min(start, layer.size))
    end = max(start, min(end, layer.size))
    return (layer.offset + start, layer.offset + end, None, None)
