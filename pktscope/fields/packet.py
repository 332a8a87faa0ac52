"""``Packet``: one frame's bytes, its capture metadata and its lazily decoded layers.

The packet owns ``buffer`` (a ``bytearray``: every field's ``raw`` is a view into it and
``Field.set`` writes into it). Layers are decoded on demand by a *dissector* (the chain in
``pktscope.dissect.chain``): ``pkt["dhcp.chaddr"]`` decodes Ethernet, IPv4, UDP and DHCP and
stops; ``pkt.layers`` decodes the whole chain. Decoded layers are cached on the packet until a
write, which bumps a generation counter and re-decodes from scratch on next access.

Frame properties are reachable both as ``pkt.frame.number`` and as fields ``frame.number``,
``frame.protocols`` (``eth:ipv4:udp:dhcp``), ``frame.malformed``, ``frame.truncated``,
``frame.errors`` (see :data:`pktscope.fields.lookup.FRAME_FIELDS`).
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any, Protocol

from pktscope.errors import DecodeError
from pktscope.fields.field import Field
from pktscope.fields.layer import Layer
from pktscope.fields.lookup import (
    _NO_KIDS,
    FieldNotFound,
    child_list,
    close_matches,
    iter_matches,
    layer_field,
    parse_path,
    path_meta,
    schema_paths,
)

__all__ = ["Dissector", "Frame", "Packet"]

_INDEXES = re.compile(r"\[-?\d*\]")


class Dissector(Protocol):
    """What a packet needs from the dissector chain: its layers, decoded one after another."""

    def layers(self, pkt: Packet) -> Iterator[Layer]:
        """Decode ``pkt.buffer`` layer by layer (each yielded as soon as it is decoded)."""
        ...


@dataclass(slots=True)
class Frame:
    """Capture metadata of a packet (``pkt.frame``)."""

    number: int = 1
    time: float = 0.0
    time_ns: int = 0
    len: int = 0
    cap_len: int = 0
    interface_id: int = 0
    linktype: int = 1
    comment: str | None = None
    file_offset: int | None = None

    @property
    def time_utc(self) -> str:
        """The time as ISO 8601 in UTC with every digit the capture has (nanoseconds), the
        value of the ``frame.time`` field (``pkt.frame.time`` is a float, which rounds).

        >>> Frame(time_ns=1418145369924505488).time_utc
        '2014-12-09T17:16:09.924505488Z'
        """
        return utc_text(self.time_ns)

    @property
    def time_epoch(self) -> str:
        """Seconds since the epoch with 9 decimals, as tshark prints ``frame.time_epoch``."""
        return epoch_text(self.time_ns)


def utc_text(time_ns: int) -> str:
    """Nanoseconds since the epoch as ISO 8601 in UTC with nine decimals."""
    sec, frac = divmod(time_ns, 1_000_000_000)
    when = datetime.datetime.fromtimestamp(sec, tz=datetime.UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S") + f".{frac:09d}Z"


def epoch_text(time_ns: int) -> str:
    """Nanoseconds since the epoch as seconds with nine decimals (tshark's ``time_epoch``)."""
    sign = "-" if time_ns < 0 else ""
    sec, frac = divmod(abs(time_ns), 1_000_000_000)
    return f"{sign}{sec}.{frac:09d}"


class Packet:
    """A decoded frame: ``pkt["dhcp.chaddr"]`` → :class:`~pktscope.fields.field.Field`.

    ``pkt[path]`` is the first field the path names (an array step without an index means every
    element, so ``pkt["dns.queries.name"]`` is the first query's name; a whole array at the end
    of a path is one field whose children are the elements). ``pkt.get_all(path)`` gives every
    occurrence, arrays at the end expanded. Missing paths raise
    :class:`~pktscope.fields.lookup.FieldNotFound` (a ``KeyError``) with close matches;
    ``pkt.get(path)`` returns None instead.
    """

    __slots__ = (
        "__weakref__",
        "_buffer",
        "_dissector",
        "_generation",
        "_layer_iter",
        "_layers",
        "_raw",
        "frame",
    )

    def __init__(self, buffer: bytearray | bytes, frame: Frame, dissector: Dissector) -> None:
        # Given bytes (a capture's frame), the bytearray is made on first use of `buffer`:
        # decoding and reading fields need only the immutable bytes, so most packets never
        # copy them. Given a bytearray, that very object is the packet's buffer.
        if type(buffer) is bytes:
            self._raw: bytes | None = buffer
            self._buffer: bytearray | None = None
        else:
            self._raw = None
            self._buffer = buffer  # type: ignore[assignment]
        self.frame = frame
        self._dissector = dissector
        self._layers: list[Layer] = []
        self._layer_iter: Iterator[Layer] | None = None
        self._generation = 0

    @property
    def buffer(self) -> bytearray:
        """The frame's bytes (``Field.set`` writes here; every ``Field.raw`` is a view of it)."""
        buf = self._buffer
        if buf is None:
            raw = self._raw
            buf = self._buffer = bytearray(raw if raw is not None else b"")
            self._raw = None
        return buf

    @buffer.setter
    def buffer(self, value: bytearray) -> None:
        self._buffer = value
        self._raw = None

    # -- layers ---------------------------------------------------------------------------------
    def _data(self) -> bytes:
        """The frame's bytes as an immutable ``bytes`` (what the dissector decodes): the bytes
        the packet was made from while ``buffer`` was never asked for, else a copy of it."""
        raw = self._raw
        if raw is not None:
            return raw
        return bytes(self.buffer)

    def _iter_layers(self) -> Iterator[Layer]:
        """Decoded layers, decoding further ones only when the caller asks for them."""
        i = 0
        gen = self._generation
        while True:
            if gen != self._generation:
                return  # a write happened meanwhile
            if i < len(self._layers):
                yield self._layers[i]
                i += 1
                continue
            if self._layer_iter is None:
                if self._layers:
                    return  # chain finished
                self._layer_iter = self._dissector.layers(self)
            nxt = next(self._layer_iter, None)
            if nxt is None:
                self._layer_iter = _DONE
                return
            self._layers.append(nxt)

    def all_layers(self) -> list[Layer]:
        """Every layer, decoding the whole chain: the packet's own list (do not change it)."""
        it = self._layer_iter
        if it is not _DONE:
            if it is None and not self._layers:  # nothing decoded yet: the whole chain at once
                self._layers = list(self._dissector.layers(self))
                self._layer_iter = _DONE
            else:
                for _ in self._iter_layers():
                    pass
        return self._layers

    @property
    def layers(self) -> list[Layer]:
        """All layers, decoding the whole chain."""
        return list(self.all_layers())

    def layer(self, name: str, occurrence: int = 0) -> Layer | None:
        """The ``occurrence``-th layer named ``name`` (decoding as far as needed), or None."""
        for layer in self._iter_layers():
            if layer.name == name and layer.occurrence == occurrence:
                return layer
        return None

    # -- lookup ---------------------------------------------------------------------------------
    def __getitem__(self, path: str) -> Field:
        return self._lookup_strict(path)

    def _lookup_strict(self, path: str) -> Field:
        steps = parse_path(path)
        errors: list[DecodeError] = []
        for f in iter_matches(self, steps, errors):
            return f
        if errors:  # the path reached an instance that failed to decode
            exc = FieldNotFound(
                path, f"field {path!r} in frame {self.frame.number} did not decode: {errors[0]}"
            )
            exc.error = errors[0]
            raise exc from errors[0]
        matches = close_matches(self, path)
        if _INDEXES.sub("", path) in matches:  # a path the spec has, absent from this frame
            name, index = steps[0]
            named = [la for la in self.all_layers() if la.name == name]
            try:  # ``ipv4[1].ttl``: that layer's error, not the first one's
                layer: Layer | None = named[index or 0]
            except IndexError:
                layer = None
            err = layer.error if layer is not None else None
            why = (
                f"not decoded, the layer stopped at {err}"
                if err is not None
                else "absent (a conditional field, or an index past the end of its array)"
            )
            exc = FieldNotFound(path, f"field {path!r} in frame {self.frame.number}: {why}")
            exc.error = err
            raise exc
        raise FieldNotFound(
            path, f"no field {path!r} in frame {self.frame.number} ({self.protocols})", matches
        )

    def get(self, path: str, default: Any = None) -> Any:
        """The first field ``path`` names, or ``default`` when absent."""
        for f in iter_matches(self, parse_path(path)):
            return f
        return default

    def get_all(self, path: str) -> list[Field]:
        """Every field ``path`` names, in packet order (``dns.queries.name`` → all names)."""
        out: list[Field] = []
        for f in iter_matches(self, parse_path(path)):
            if f.is_array:
                out.extend(f.children)
            else:
                out.append(f)
        return out

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, str):
            return False
        try:
            steps = parse_path(path)
        except FieldNotFound:
            return False
        return any(True for _ in iter_matches(self, steps))

    def walk(self) -> Iterator[Field]:
        """Every field of every layer, depth first (each layer's own field first)."""
        stack: list[Field] = []
        pop, extend = stack.pop, stack.extend
        no_kids = _NO_KIDS
        for layer in self._iter_layers():
            stack.append(layer_field(self, layer))
            while stack:
                f = pop()
                yield f
                if no_kids.get(type(f._value)):
                    continue
                kids = child_list(f)
                if kids:
                    kids.reverse()
                    extend(kids)

    def fields(self) -> list[Field]:
        """One field per layer (path ``eth``, ``ipv4``...): the roots of the field tree."""
        return [layer_field(self, layer) for layer in self._iter_layers()]

    # -- frame properties -----------------------------------------------------------------------
    @property
    def protocols(self) -> str:
        """Layer names joined by ``:`` (``eth:ipv4:udp:dhcp``)."""
        return ":".join(layer.name for layer in self.all_layers())

    @property
    def malformed(self) -> bool:
        """True when any layer failed to decode, except by running out of bytes the capture
        cut off (that is :attr:`truncated`; the error is still in :attr:`errors`), or when the
        record says it captured more bytes than the frame had (tshark: malformed too)."""
        if self._record_error() is not None:
            return True
        return any(layer.malformed for layer in self.all_layers())

    @property
    def truncated(self) -> bool:
        """True when the capture cut the frame: ``cap_len < len`` (DESIGN ``frame.truncated``,
        tshark's "short"). A layer whose declared payload runs past the captured bytes, or that
        lies in an ICMP error's quoted excerpt, says so in its own ``Layer.truncated``."""
        return self.frame.cap_len < self.frame.len

    @property
    def errors(self) -> list[DecodeError]:
        """The decode errors of the layers, in chain order; first, a capture record whose
        captured length is more than the frame's length."""
        errors = [layer.error for layer in self.all_layers() if layer.error is not None]
        record = self._record_error()
        return errors if record is None else [record, *errors]

    def _record_error(self) -> DecodeError | None:
        """A capture record that says it holds more bytes than the frame had (tshark:
        malformed, "Frame length is less than captured length"), else None."""
        fr = self.frame
        if fr.cap_len <= fr.len:
            return None
        return DecodeError(
            f"captured length {fr.cap_len} is more than the frame length {fr.len}",
            field_path="frame.cap_len",
        )

    def _frame_field(self, name: str) -> Field | None:
        fr = self.frame
        values: dict[str, Any] = {
            "number": lambda: fr.number,
            "len": lambda: fr.len,
            "cap_len": lambda: fr.cap_len,
            "time": lambda: fr.time_utc,
            "time_epoch": lambda: fr.time_epoch,
            "interface_id": lambda: fr.interface_id,
            "linktype": lambda: fr.linktype,
            "protocols": lambda: self.protocols,
            "malformed": lambda: self.malformed,
            "truncated": lambda: self.truncated,
            "errors": lambda: [str(e) for e in self.errors],
            "comment": lambda: fr.comment,
        }
        getter = values.get(name)
        if getter is None:
            return None
        value = getter()
        if value is None:
            return None
        return Field(self, None, None, None, None, None, value, f"frame.{name}", name)

    # -- writes ---------------------------------------------------------------------------------
    def _write(self, start: int, end: int, data: bytes, layer: Layer | None) -> None:
        """Replace ``buffer[start:end]`` (same length) and forget the decoded layers."""
        if len(data) != end - start:
            raise ValueError("internal: write must keep the length")
        self.buffer[start:end] = data
        self._generation += 1
        self._layers = []
        self._layer_iter = None

    # -- rendering ------------------------------------------------------------------------------
    @property
    def edited(self) -> bool:
        """True once a field was written into :attr:`buffer` (``Field.set``/``blit``)."""
        return self._generation > 0

    def hexdump(
        self,
        highlight: str | Field | Sequence[str | Field] | None = None,
        fmt: str = "classic",
        *,
        file: IO[str] | None = None,
        style: str = "plain",
    ) -> str | None:
        """Hexdump of the whole frame; ``highlight`` paths (or fields) mark their bytes; a path
        on a layer no spec has raises :class:`~pktscope.fields.lookup.FieldNotFound`.

        Returns the text when ``file`` is None, else writes it there.
        """
        from pktscope.render.hexdump import (  # noqa: PLC0415 - cold path
            Highlight,
            render_hexdump,
        )

        single = isinstance(highlight, str | Field)
        wanted: list[Any] = [highlight] if single else list(highlight or [])  # type: ignore[arg-type]
        marks = []
        for p in wanted:
            found = [p] if isinstance(p, Field) else self.get_all(p)
            if not found and not isinstance(p, Field):
                self._known_path(p)
            for f in found:
                span = f._get_span()
                if span is not None:
                    marks.append(Highlight(span[0], span[1], f.path, None, span[2], span[3]))
        text = render_hexdump(bytes(self.buffer), fmt=fmt, highlights=marks, style=style)
        if file is None:
            return text
        file.write(text)
        return None

    def _known_path(self, path: str) -> None:
        """Raise FieldNotFound for a path no spec of this packet or bundle has (a known path
        absent from this frame is fine: `show -x --field` asks every frame)."""
        from pktscope.dissect.registry import bundled_ids, load_spec  # noqa: PLC0415 - cold

        layer = parse_path(path)[0][0]
        if layer == "frame":
            return
        cls = next((x.cls for x in self._iter_layers() if x.name == layer), None)
        if cls is None and layer in bundled_ids():
            cls = load_spec(layer)
        plain = _INDEXES.sub("", path)
        if cls is not None and (plain == layer or path_meta(cls, plain.split(".")[1:])):
            return
        matches = close_matches(self, path)
        if cls is not None:  # a layer this frame lacks: close paths of its spec
            known = schema_paths(cls, layer)
            matches = difflib.get_close_matches(plain, known, n=5, cutoff=0.6) or matches
        raise FieldNotFound(
            path, f"no field {path!r} in frame {self.frame.number} ({self.protocols})", matches
        )

    def __repr__(self) -> str:
        return f"<Packet {self.frame.number} {len(self.buffer)} bytes>"

    def _repr_html_(self) -> str:
        from pktscope.notebook import packet_html  # noqa: PLC0415 - Jupyter only

        return packet_html(self)


class _Done:
    def __iter__(self) -> Iterator[Layer]:
        return self

    def __next__(self) -> Layer:
        raise StopIteration


_DONE: Iterator[Layer] = _Done()
