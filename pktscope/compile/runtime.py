"""The small runtime every generated module carries (so it needs only ``kaitaistruct``).

``RUNTIME_SOURCE`` is pasted after the imports of each generated module. It holds:

- ``_PktStruct``: the base class of every generated class, answering the span contract of
  ``docs/spans.md`` (``_pkt_span``, ``_pkt_span_self``, ``_pkt_transformed``) from the compact
  records the generated ``_read`` leaves in ``self._pkt_s``;
- ``_pkt_sub``: creates a sub-stream and remembers its absolute base in the root buffer (or, for
  ``process:``-ed bytes, the span of the raw bytes);
- ``_pkt_fail``: called from the ``except`` clause of every ``_read``/instance getter; it records
  the failing field, attaches partial children to their parents and, at the outermost object,
  translates the error into ``pktscope.errors`` classes when pktscope is importable.

Span records in ``_pkt_s`` (positions relative to the object's stream): ``(start, end)`` for
byte fields, ``(bit_start, bit_end, bit_size)`` for bit fields, ``[start, rec0, rec1, ...]``
for arrays (``(start, elem_size, count, None)`` when fixed-size elements were read in one
go), an int key ``k`` -> start of fixed run ``k`` (fields of a run are located by the class
table ``_PKT_RUNS``: name -> ``(k, offset, size)``), a negative int key ``k`` -> start byte of
a byte-aligned group of bit fields read at once (class table ``_PKT_BITS``: name -> ``(k,
bit offset, bit width)``), and ``"@name"`` -> ``(stream, record)`` for
parsed instances.
"""

from __future__ import annotations

import ast

__all__ = [
    "RUNTIME_IMPORTS",
    "RUNTIME_MODULE",
    "RUNTIME_SOURCE",
    "runtime_code",
    "runtime_file",
    "runtime_names",
]

RUNTIME_IMPORTS = """import struct as _struct
import kaitaistruct as _kaitaistruct
from enum import IntEnum as _IntEnum
from kaitaistruct import BytesIO as _BytesIO
from kaitaistruct import KaitaiStream as _KaitaiStream
from kaitaistruct import KaitaiStruct as _KaitaiStruct
"""

RUNTIME_SOURCE = '''
def _ks_str(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(int(v))
    return str(v)


def _ks_div(a, b):
    if isinstance(a, int) and isinstance(b, int):
        return a // b
    return a / b


def _ks_xor(data, key):
    if isinstance(key, int):
        return _KaitaiStream.process_xor_one(data, key)
    return _KaitaiStream.process_xor_many(data, key)


def _ks_enum(enum_cls, value):
    return enum_cls._value2member_map_.get(value, value)


_PKT_UNSET = object()


# Every stream answers "where am I in the root buffer": 0 for streams pktscope did not create.
if not hasattr(_KaitaiStream, "_pkt_base"):
    _KaitaiStream._pkt_base = 0
    _KaitaiStream._pkt_xspan = None


class _PktSubStream(_KaitaiStream):
    """A read-only KaitaiStream over the bytes at ``start`` of ``io``, built without seeks."""

    bits_left = 0
    bits = 0
    bits_le = False
    bits_write_mode = False
    write_back_handler = None
    child_streams = ()

    def __init__(self, raw, io, start):
        self._io = _BytesIO(raw)
        self._size = len(raw)
        xspan = io._pkt_xspan
        if xspan is None:
            self._pkt_base = io._pkt_base + start
        else:
            self._pkt_xspan = xspan

    def size(self):
        return self._size

    def is_eof(self):
        return not self.bits_left and self._io.tell() >= self._size


class _PktBufStream(_PktSubStream):
    """The root stream of ``from_bytes``: the buffer is in memory, its size known."""

    def __init__(self, buf):
        self._io = _BytesIO(buf)
        self._size = len(buf)


def _pkt_subio(raw, io, start, _new=object.__new__):
    """``_PktSubStream(raw, io, start)`` without the cost of a type call (the hot path of
    every sized user type)."""
    sub = _new(_PktSubStream)
    sub._io = _BytesIO(raw)
    sub._size = len(raw)
    xspan = io._pkt_xspan
    if xspan is None:
        sub._pkt_base = io._pkt_base + start
    else:
        sub._pkt_xspan = xspan
    return sub


def _pkt_subof(raw, obj, start, _new=object.__new__):
    """``_pkt_subio(raw, obj._io, start)`` for an object read from a buffer, without making
    its stream."""
    sub = _new(_PktSubStream)
    sub._io = _BytesIO(raw)
    sub._size = len(raw)
    base, xspan = _pkt_where(obj)
    if xspan is None:
        sub._pkt_base = base + start
    else:
        sub._pkt_xspan = xspan
    return sub


_pkt_new = object.__new__


def _pkt_resync(obj, p):
    """Put the stream of ``obj`` (if made) where its buffer reads ended: a type of another spec
    read in place in stream mode moved it."""
    io = obj.__dict__.get("_io")
    if io is not None and io.pos() != p:
        io.seek(p)


def _pkt_eos(n, have):
    """The error of a read of ``n`` bytes with ``have`` left (the stream reads' message)."""
    return _kaitaistruct.EndOfStreamError(
        "requested %d bytes, but only %d bytes available" % (n, have), n, have
    )


def _pkt_enter(obj, _BytesIO=_BytesIO):
    """``_read()`` of a type read from a buffer (``_pkt_read``) on an in-memory stream with
    no bits pending: its bytes read as a buffer, then the stream put where the reads ended,
    as if they had gone through it. False (nothing done) for any other stream."""
    io = obj._io
    f = io._io
    if type(f) is not _BytesIO or io.bits_left:
        return False
    p = f.tell()
    buf = f.getvalue()
    obj._pkt_read(buf, 0, len(buf), p)
    end = obj._pkt_end
    if end != p:
        f.seek(end)
    return True


# ``_pkt_iv`` of an object read from a buffer says what its stream is, made on first use:
# the root's bytes (from_bytes), ``(parent, start, size)`` for a type with a size (a
# sub-stream of the parent's stream) or the object whose stream it was read in place on.


def _pkt_iosize(obj):
    """``obj._io.size()`` without making the stream of an object read from a buffer."""
    while True:  # (a loop, not recursion: a type nested a thousand deep has a stream too)
        iv = obj.__dict__.get("_pkt_iv")
        t = type(iv)
        if t is bytes:
            return len(iv)
        if t is tuple:
            return iv[2]
        if iv is None:
            return obj._io.size()
        obj = iv


def _pkt_where(obj):
    """``(base, xspan)`` of ``obj``'s stream (``_pkt_base``, ``_pkt_xspan``), without making
    the stream of an object read from a buffer."""
    add = 0
    sub = False  # went through a sub-stream (``_pkt_iv`` a tuple)
    while True:
        d = obj.__dict__
        io = d.get("_io")
        if io is None:
            iv = d.get("_pkt_iv")
            t = type(iv)
            if t is bytes:
                return add, None
            if t is tuple:
                add += iv[1]
                sub = True
                obj = iv[0]
                continue
            if iv is not None:
                obj = iv
                continue
            io = obj._io
        xspan = io._pkt_xspan
        if xspan is not None:
            return (0, xspan) if sub else (io._pkt_base, xspan)
        return io._pkt_base + add, None


def _pkt_force(iv, obj):
    """The stream ``iv`` (``_pkt_iv``) of ``obj`` describes, positioned where the reads of
    ``obj`` ended."""
    t = type(iv)
    if t is bytes:
        io = _PktBufStream(iv)
    elif t is tuple:
        parent, start, size = iv
        pio = parent._io
        io = _pkt_subio(pio._io.getvalue()[start : start + size], pio, start)
    else:  # the stream of the ancestor that has one of its own (a loop, not recursion)
        while True:
            d = iv.__dict__
            io = d.get("_io")
            if io is not None:
                return io
            up = d.get("_pkt_iv")
            if up is None or type(up) is bytes or type(up) is tuple:
                return iv._io
            iv = up
    end = obj._pkt_end if obj._pkt_end is not None else obj._pkt_start
    if end:
        io._io.seek(end)
    return io


def _pkt_sub(io, start, end, raw, transformed):
    """A stream over ``raw`` (bytes at ``start:end`` of ``io``) that knows where it lies."""
    sub = _PktSubStream(raw, io, start)
    if transformed and io._pkt_xspan is None:
        sub._pkt_xspan = (io._pkt_base + start, io._pkt_base + end)
    return sub


def _pkt_arr_span(rec, index):
    """Span of element ``index`` (or of the whole array: ``None``) from the record
    ``(start, elem_size, count, None)`` of an array of fixed-size elements read in one go."""
    start, size, count = rec[0], rec[1], rec[2]
    if index is None:
        return (start, start + size * count)
    if not 0 <= index < count:
        return None
    return (start + size * index, start + size * (index + 1))


def _pkt_abs(io, rec):
    xspan = io._pkt_xspan  # every KaitaiStream has these (set on the class above)
    if xspan is not None:
        return (xspan[0], xspan[1], None, None)
    base = io._pkt_base
    if len(rec) == 3:
        return (base + rec[0] // 8, base + (rec[1] + 7) // 8, base * 8 + rec[0], rec[2])
    return (base + rec[0], base + rec[1], None, None)


class _PktLazyIo:
    """``_io`` of an object read from a buffer: made on first use, then an instance attribute
    (a non-data descriptor, so attribute access on the objects stays the plain fast kind)."""

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        iv = obj.__dict__.get("_pkt_iv")
        if iv is None:
            raise AttributeError("_io")
        io = obj.__dict__["_io"] = _pkt_force(iv, obj)
        return io


class _PktStruct(_KaitaiStruct):
    _io = _PktLazyIo()
    SEQ_FIELDS = []
    _PKT_INSTANCES = []
    _PKT_FIELDS = {}
    _PKT_HINTS = {}
    _PKT_RUNS = {}
    _PKT_CONTENTS = {}
    _PKT_BITS = {}
    _PKT_SEQ = ()
    _PKT_EAGER = frozenset()  # instances read with the seq (-pktscope-eager)
    _pkt_s = None
    _pkt_start = None
    _pkt_end = None

    _pkt_read = None
    _pkt_root_ok = False

    @classmethod
    def from_bytes(cls, buf):
        if not cls._pkt_root_ok:
            return cls(_PktBufStream(buf))
        # read from the buffer; the root stream is made only if something asks for `_io`
        if type(buf) is not bytes:
            buf = bytes(buf)
        obj = _pkt_new(cls)
        obj._parent = None
        obj._root = obj
        obj._pkt_iv = buf
        obj._pkt_read(buf, 0, len(buf), 0)
        return obj

    def _fetch_instances(self):
        """Evaluate every instance, recursively (the official target's method)."""
        for name in self._PKT_INSTANCES:
            getattr(self, name)
        for name in self.SEQ_FIELDS + self._PKT_INSTANCES:
            value = getattr(self, name, None)
            for item in value if isinstance(value, list) else (value,):
                if isinstance(item, _PktStruct) and item is not self:
                    item._fetch_instances()

    def _pkt_record(self, name):
        s = self._pkt_s
        if s is None:
            return None, None
        run = self._PKT_RUNS.get(name)
        if run is not None:
            r0 = s.get(run[0])
            if r0 is None:
                return None, None
            return self._io, (r0 + run[1], r0 + run[1] + run[2])
        bits = self._PKT_BITS.get(name)
        if bits is not None:
            q = s.get(bits[0])
            if q is not None:
                b = q * 8 + bits[1]
                return self._io, (b, b + bits[2], bits[2])
        rec = s.get(name)
        if rec is not None:
            return self._io, rec
        rec = s.get("@" + name)
        if rec is not None:
            return rec
        return None, None

    def _pkt_span(self, name, index=None):
        # fast paths (the field model asks for every field): a field of a fixed run, a plain
        # byte field; everything else through _pkt_record
        s = self._pkt_s
        if s is None:
            return None
        run = self._PKT_RUNS.get(name)
        if run is not None:
            r0 = s.get(run[0])
            if r0 is None or index is not None:
                return None
            base, xspan = _pkt_where(self)
            if xspan is not None:
                return (xspan[0], xspan[1], None, None)
            start = base + r0 + run[1]
            return (start, start + run[2], None, None)
        rec = s.get(name)
        if type(rec) is tuple and len(rec) == 2 and index is None:
            base, xspan = _pkt_where(self)
            if xspan is None:
                return (base + rec[0], base + rec[1], None, None)
        io, rec = self._pkt_record(name)
        if rec is None:
            return None
        if type(rec) is tuple and len(rec) == 4:
            rec = _pkt_arr_span(rec, index)
            return None if rec is None else _pkt_abs(io, rec)
        if isinstance(rec, list):
            if index is not None:
                if not 0 <= index < len(rec) - 1:
                    return None
                return _pkt_abs(io, rec[index + 1])
            start = rec[0]
            if len(rec) == 1:
                return _pkt_abs(io, (start, start))
            last = rec[-1]
            if len(last) == 3:
                first = rec[1]
                whole = _pkt_abs(io, (first[0], last[1], last[1] - first[0]))
                return (whole[0], whole[1], None, None)
            return _pkt_abs(io, (start, last[1]))
        if index is not None:
            return None
        return _pkt_abs(io, rec)

    def _pkt_span_self(self):
        start = self._pkt_start
        if start is None:
            return None
        base, xspan = _pkt_where(self)
        if xspan is not None:
            return xspan
        end = self._pkt_end
        return (base + start, None if end is None else base + end)

    def _pkt_transformed(self, name):
        meta = self._PKT_FIELDS.get(name)
        if meta is not None and meta.get("process"):
            return True
        io, rec = self._pkt_record(name)
        return io is not None and getattr(io, "_pkt_xspan", None) is not None

    def _pkt_sizeof(self):
        end = self._pkt_end
        if end is None:
            end = self._io.pos()
        return end - self._pkt_start

    def _pkt_fsize(self, name):
        io, rec = self._pkt_record(name)
        if rec is None:
            raise AttributeError(name)
        if type(rec) is tuple and len(rec) == 4:
            return rec[1] * rec[2]
        if isinstance(rec, list):
            if len(rec) == 1:
                return 0
            return rec[-1][1] - rec[0]
        if len(rec) == 3:
            return (rec[1] - rec[0]) // 8
        return rec[1] - rec[0]


def _pkt_fail(obj, exc, f, p):
    """Record where ``obj`` failed; attach partial children; translate at the top."""
    trail = getattr(exc, "_pkt_trail", None)
    if trail is None:
        trail = []
        try:
            exc._pkt_trail = trail
        except AttributeError:
            return
    if not trail and 0 <= f < len(obj._PKT_SEQ):
        if isinstance(exc, EOFError):
            _pkt_partial_run(obj, obj._PKT_SEQ[f][4], p)
        else:
            _pkt_drop_after(obj, obj._PKT_SEQ[f][0])
    if trail:
        child = trail[-1][0]
        if child is not obj and 0 <= f < len(obj._PKT_SEQ):
            attr, is_array = obj._PKT_SEQ[f][0], obj._PKT_SEQ[f][2]
            cur = getattr(obj, attr, None)
            if is_array:
                if isinstance(cur, list) and (not cur or cur[-1] is not child):
                    cur.append(child)
            elif cur is None or (
                cur is _PKT_UNSET
                and (
                    not attr.startswith("_m_")
                    or (obj._pkt_end is None and attr[3:] in obj._PKT_EAGER)
                )
            ):
                # (an instance that failed is not cached as its partial object: every
                # access raises the same error again; an eager one failed with its object's
                # read, which keeps what was decoded, as a seq field does)
                setattr(obj, attr, child)
    trail.append((obj, f, p))
    # at the top, at an object read whole, or at an instance of one that is not (a partial
    # object, its read failed; an instance asked for starts the trail there): the error as a
    # pktscope one
    if (
        obj._parent is None
        or obj._pkt_end is not None
        or (0 <= f < len(obj._PKT_SEQ) and obj._PKT_SEQ[f][0].startswith("_m_"))
    ):
        new = _pkt_translate(exc, trail)
        if new is not None:
            raise new from getattr(exc, "_pkt_orig", exc)


def _pkt_partial_run(obj, run, p):
    """A fixed run hit the end of data: keep the fields that were complete."""
    if not run or not isinstance(p, int):
        return
    try:
        obj._io.seek(p)
        data = obj._io._io.read(run[-1][0] + run[-1][1])
    except Exception:
        return
    for off, size, idx, code, run_no in run:
        if code is None or off + size > len(data):
            break
        attr = obj._PKT_SEQ[idx][0]
        value = _struct.unpack_from(code, data, off)[0]
        if value != obj._PKT_CONTENTS.get(attr, value):
            break
        enum_cls = _pkt_enum_of(obj, attr)
        if enum_cls is not None:
            value = enum_cls._value2member_map_.get(value, value)
        setattr(obj, attr, value)
        obj._pkt_s[run_no] = p


def _pkt_drop_after(obj, attr):
    """A check failed on a field of a fixed run: the run's later fields were read with it but
    come after the failure, so they are not part of the partial result."""
    at = obj._PKT_RUNS.get(attr)
    if at is None:
        return
    d = obj.__dict__
    for name, (run_no, off, _) in obj._PKT_RUNS.items():
        if run_no == at[0] and off > at[1]:
            d.pop(name, None)


def _pkt_enum_of(obj, attr):
    """The enum class of a field (``_PKT_FIELDS`` names it, e.g. ``Ipv4.Protocol``), or None."""
    meta = obj._PKT_FIELDS.get(attr)
    name = meta.get("enum") if meta else None
    if not name:
        return None
    scope = type(obj)._read.__globals__
    parts = name.split(".")
    found = scope.get(parts[0])
    for part in parts[1:]:
        found = getattr(found, part, None)
    return found if isinstance(found, type) and hasattr(found, "_value2member_map_") else None


def _pkt_show(v):
    """A value in a validation message: bytes as hex (and text when printable), enum members
    as ``name (value)``, other values as Python shows them."""
    if isinstance(v, (bytes, bytearray)):
        text = bytes(v)
        shown = text.hex() or "(empty)"
        if text and all(32 <= c < 127 for c in text):
            shown += ' ("%s")' % text.decode("ascii")
        return shown
    name = getattr(v, "name", None)
    if isinstance(name, str) and isinstance(v, int):
        return "%s (%d)" % (name, int(v))
    return repr(v)


def _pkt_valid_msg(orig):
    """kaitaistruct's validation messages, without its stream position and Python reprs."""
    actual = _pkt_show(getattr(orig, "actual", None))
    kind = type(orig).__name__
    if kind == "ValidationNotEqualError":
        return "validation failed: expected %s, got %s" % (_pkt_show(orig.expected), actual)
    if kind == "ValidationLessThanError":
        return "validation failed: %s is less than the minimum %s" % (actual, _pkt_show(orig.min))
    if kind == "ValidationGreaterThanError":
        return "validation failed: %s is more than the maximum %s" % (
            actual, _pkt_show(orig.max))
    if kind == "ValidationNotAnyOfError":
        return "validation failed: %s is not one of the allowed values" % actual
    if kind == "ValidationNotInEnumError":
        return "validation failed: %s is not a value of the field's enum" % actual
    if kind == "ValidationExprError":
        return "validation failed: %s does not satisfy the field's `valid` expression" % actual
    return str(orig)


def _pkt_bit_byte(obj, attr, p):
    """The byte holding the first bit of bit field ``attr`` (a check on it failed; ``p`` is
    where its group of bit fields, or the read, began), else ``p``."""
    rec = obj._pkt_s.get(attr) if obj._pkt_s is not None else None
    if type(rec) is tuple and len(rec) == 3:
        return rec[0] // 8
    at = obj._PKT_BITS.get(attr)
    if at is not None and obj._pkt_s is not None:
        start = obj._pkt_s.get(at[0])
        if type(start) is int:
            return start + at[1] // 8
    return p


def _pkt_jump_past_end(trail, p, orig):
    """``(offset, (position, size))`` when the innermost read began past the end of its data
    (a ``pos:`` such as a DNS pointer jumped there): the offset is where the object that
    jumped starts, the first on the trail that starts inside its data; else None."""
    have = getattr(orig, "bytes_available", None)
    if not isinstance(orig, EOFError) or not isinstance(have, int) or have > 0:
        return None
    inner, f, _ = trail[0]
    try:
        size = _pkt_iosize(inner)
    except Exception:
        return None
    if p <= size:
        return None
    own = 0 <= f < len(inner._PKT_SEQ) and inner._PKT_SEQ[f][0].startswith("_m_")
    # the object whose `pos:` instance it was (not the root: its start says nothing), else
    # the nearest one around the read that jumped (a DNS label holding a pointer)
    for obj, _, _ in trail if own and inner._parent is not None else trail[1:]:
        start = obj._pkt_start
        try:
            if start is not None and start < _pkt_iosize(obj):
                return _pkt_abs(obj._io, (start, start))[0], (p, size)
        except Exception:
            break
    return None, (p, size)  # (no object that jumped there: the position itself)


def _pkt_translate(exc, trail):
    try:
        from pktscope import errors as _errors
    except ImportError:
        return None
    orig = getattr(exc, "_pkt_orig", exc)
    parts = []
    for k in range(len(trail) - 1, -1, -1):
        obj, f, _ = trail[k]
        if k > 0 and trail[k - 1][0] is obj:
            continue
        if not 0 <= f < len(obj._PKT_SEQ):
            continue
        attr, fid, is_array = obj._PKT_SEQ[f][0], obj._PKT_SEQ[f][1], obj._PKT_SEQ[f][2]
        seg = fid
        if is_array:
            cur = getattr(obj, attr, None)
            if isinstance(cur, list):
                idx = len(cur)
                if k > 0 and cur and cur[-1] is trail[k - 1][0]:
                    idx = len(cur) - 1
                seg += "[%d]" % idx
        parts.append(seg)
    inner, f, p = trail[0]
    spec_path = inner._PKT_SEQ[f][3] if 0 <= f < len(inner._PKT_SEQ) else ""
    offset = None
    jumped = None
    need = getattr(orig, "bytes_needed", None)
    have = getattr(orig, "bytes_available", None)
    if isinstance(p, int):
        run = inner._PKT_SEQ[f][4] if 0 <= f < len(inner._PKT_SEQ) else None
        avail = have
        if run and isinstance(avail, int):
            # A fixed run is read in one go: name the first field of it that did not fit,
            # with that field's own byte counts.
            for off, size, idx, _, _ in run:
                if off + size > avail:
                    p += off
                    parts[-1:] = [inner._PKT_SEQ[idx][1]] if parts else []
                    spec_path = inner._PKT_SEQ[idx][3]
                    need, have = size, max(0, avail - off)
                    break
        if not isinstance(orig, EOFError) and 0 <= f < len(inner._PKT_SEQ):
            p = _pkt_bit_byte(inner, inner._PKT_SEQ[f][0], p)
        offset = _pkt_abs(inner._io, (p, p))[0]
        jump = _pkt_jump_past_end(trail, p, orig)
        if jump is not None:
            offset = jump[0] if jump[0] is not None else offset
            jumped = jump[1]
    kw = dict(
        offset=offset, field_path=".".join(parts), spec_path=spec_path, partial=trail[-1][0]
    )
    msg = str(orig)
    if isinstance(orig, RecursionError):
        msg = "types nested too deep to decode (%d levels; Python's recursion limit)" % len(parts)
    if jumped is not None:  # (still "truncated": the capture may have cut what it points at)
        msg = "position %d is past the end of its data (%d bytes)" % jumped
        term = getattr(orig, "term", None)
        cls = getattr(_errors, "NoTerminatorError", None) if isinstance(term, bytes) else None
        if cls is not None:
            kw["term"] = term
        new = (cls or _errors.TruncatedError)(msg, needed=need, available=0, **kw)
    elif isinstance(orig, EOFError):
        term = getattr(orig, "term", None)
        if isinstance(term, bytes) and isinstance(p, int):  # a terminated read ran out
            try:
                have = _pkt_iosize(inner) - p
            except Exception:
                have = None
            need = None
            msg = "no terminator %s before the end" % (term.hex() or "''")
            if isinstance(have, int):
                msg += " (%d byte%s searched)" % (have, "" if have == 1 else "s")
            cls = getattr(_errors, "NoTerminatorError", None)  # (kaitaistruct's type too)
            if cls is not None:
                kw["term"] = term
        else:
            cls = None
            if isinstance(need, int) and isinstance(have, int):
                msg = "need %d byte%s, %d available" % (need, "" if need == 1 else "s", have)
        new = (cls or _errors.TruncatedError)(msg, needed=need, available=have, **kw)
    else:
        cls = _errors.KS_VALIDATION_ERRORS.get(type(orig))
        if cls is not None:
            new = cls(_pkt_valid_msg(orig), expected=getattr(orig, "expected", None),
                      actual=getattr(orig, "actual", None), **kw)
        else:
            text_error = getattr(_errors, "TextDecodeError", None)
            if isinstance(orig, UnicodeDecodeError) and text_error is not None:
                new = text_error(msg, codec_error=orig, **kw)  # (a UnicodeDecodeError too)
            else:
                new = _errors.DecodeError(msg, **kw)
    new._pkt_trail = trail
    new._pkt_orig = orig
    return new
'''


_CODE: list[object] = []


def runtime_code() -> object:
    """The prelude (imports + runtime) compiled once per process, for in-memory modules."""
    if not _CODE:
        _CODE.append(compile(RUNTIME_IMPORTS + RUNTIME_SOURCE, "<pktscope-runtime>", "exec"))
    return _CODE[0]


# On disk, the generated modules of one output directory share the runtime as one module beside
# them (`_pkt_runtime.py`) instead of each carrying a copy; it still needs only kaitaistruct.
RUNTIME_MODULE = "_pkt_runtime"


def runtime_names() -> list[str]:
    """Top-level names the runtime defines (what a generated module imports from it)."""
    names: list[str] = []
    for node in ast.parse(RUNTIME_SOURCE).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names.extend(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def runtime_file() -> str:
    """Text of the shared runtime module written beside on-disk generated modules."""
    head = (
        "# This is a generated file! The runtime shared by the parsers `pktscope compile` "
        "wrote beside it. @generated\n# type: ignore\n# ruff: noqa\n"
    )
    return head + RUNTIME_IMPORTS + "\n" + RUNTIME_SOURCE
