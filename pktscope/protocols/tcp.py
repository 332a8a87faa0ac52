# This is a generated file! Please edit the source .ksy file and rebuild with `pktscope compile`. @generated
# type: ignore
# ruff: noqa
import struct as _struct
import kaitaistruct as _kaitaistruct
from enum import IntEnum as _IntEnum
from kaitaistruct import BytesIO as _BytesIO
from kaitaistruct import KaitaiStream as _KaitaiStream
from kaitaistruct import KaitaiStruct as _KaitaiStruct


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


class _PktStruct(_KaitaiStruct):
    SEQ_FIELDS = []
    _PKT_INSTANCES = []
    _PKT_FIELDS = {}
    _PKT_HINTS = {}
    _PKT_RUNS = {}
    _PKT_SEQ = ()
    _pkt_s = None
    _pkt_start = None
    _pkt_end = None

    @classmethod
    def from_bytes(cls, buf):
        return cls(_PktBufStream(buf))

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
            io = self._io
            xspan = io._pkt_xspan
            if xspan is not None:
                return (xspan[0], xspan[1], None, None)
            start = io._pkt_base + r0 + run[1]
            return (start, start + run[2], None, None)
        rec = s.get(name)
        if type(rec) is tuple and len(rec) == 2 and index is None:
            io = self._io
            if io._pkt_xspan is None:
                base = io._pkt_base
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
        io = self._io
        xspan = io._pkt_xspan
        if xspan is not None:
            return xspan
        base = io._pkt_base
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
    if not trail and isinstance(exc, EOFError) and 0 <= f < len(obj._PKT_SEQ):
        _pkt_partial_run(obj, obj._PKT_SEQ[f][4], p)
    if trail:
        child = trail[-1][0]
        if child is not obj and 0 <= f < len(obj._PKT_SEQ):
            attr, is_array = obj._PKT_SEQ[f][0], obj._PKT_SEQ[f][2]
            cur = getattr(obj, attr, None)
            if is_array:
                if isinstance(cur, list) and (not cur or cur[-1] is not child):
                    cur.append(child)
            elif cur is None or cur is _PKT_UNSET:
                setattr(obj, attr, child)
    trail.append((obj, f, p))
    if obj._parent is None or obj._pkt_end is not None:
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
        setattr(obj, obj._PKT_SEQ[idx][0], _struct.unpack_from(code, data, off)[0])
        obj._pkt_s[run_no] = p


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
        offset = _pkt_abs(inner._io, (p, p))[0]
    kw = dict(offset=offset, field_path=".".join(parts), spec_path=spec_path, partial=trail[-1][0])
    msg = str(orig)
    if isinstance(orig, EOFError):
        if isinstance(need, int) and isinstance(have, int):
            msg = "need %d byte%s, %d available" % (need, "" if need == 1 else "s", have)
        new = _errors.TruncatedError(msg, needed=need, available=have, **kw)
    else:
        cls = _errors.KS_VALIDATION_ERRORS.get(type(orig))
        if cls is not None:
            new = cls(
                msg,
                expected=getattr(orig, "expected", None),
                actual=getattr(orig, "actual", None),
                **kw,
            )
        else:
            new = _errors.DecodeError(msg, **kw)
    new._pkt_trail = trail
    new._pkt_orig = orig
    return new


_S0 = _struct.Struct(">HHII")
_S1 = _struct.Struct(">HHH")
_S2 = _struct.Struct(">B")
_S3 = _struct.Struct(">H")
_S4 = _struct.Struct(">II")


class Tcp(_PktStruct):
    """TCP header with options. `flags` is the 12-bit field after the data offset (reserved bits,
    AE/NS, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN), as Wireshark's `tcp.flags`. The payload is
    the rest of the segment; port 53 goes to `dns_tcp` (2-byte length prefix, then `dns`)."""

    class OptionKind(_IntEnum):
        eol = 0
        nop = 1
        mss = 2
        window_scale = 3
        sack_permitted = 4
        sack = 5
        timestamps = 8
        user_timeout = 28
        tcp_ao = 29
        mptcp = 30
        fast_open = 34

    SEQ_FIELDS = [
        "src_port",
        "dst_port",
        "seq",
        "ack",
        "data_offset",
        "flags",
        "window",
        "checksum",
        "urgent_pointer",
        "options",
        "body",
    ]
    _PKT_INSTANCES = [
        "header_length",
        "flag_fin",
        "flag_syn",
        "flag_rst",
        "flag_psh",
        "flag_ack",
        "flag_urg",
        "flag_ece",
        "flag_cwr",
        "flag_ae",
    ]
    _PKT_FIELDS = {
        "src_port": {
            "id": "src_port",
            "spec_path": "/seq/0",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "dst_port": {
            "id": "dst_port",
            "spec_path": "/seq/1",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "seq": {
            "id": "seq",
            "spec_path": "/seq/2",
            "kind": "seq",
            "type": "u4be",
            "size": 4,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "ack": {
            "id": "ack",
            "spec_path": "/seq/3",
            "kind": "seq",
            "type": "u4be",
            "size": 4,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "data_offset": {
            "id": "data_offset",
            "spec_path": "/seq/4",
            "kind": "seq",
            "type": "b4",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 4,
            "bit_endian": "be",
        },
        "flags": {
            "id": "flags",
            "spec_path": "/seq/5",
            "kind": "seq",
            "type": "b12",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 12,
            "bit_endian": "be",
        },
        "window": {
            "id": "window",
            "spec_path": "/seq/6",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "checksum": {
            "id": "checksum",
            "spec_path": "/seq/7",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "urgent_pointer": {
            "id": "urgent_pointer",
            "spec_path": "/seq/8",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "options": {
            "id": "options",
            "spec_path": "/seq/9",
            "kind": "seq",
            "type": "Tcp.OptionList",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "body": {
            "id": "body",
            "spec_path": "/seq/10",
            "kind": "seq",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "header_length": {
            "id": "header_length",
            "spec_path": "/instances/header_length",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_fin": {
            "id": "flag_fin",
            "spec_path": "/instances/flag_fin",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_syn": {
            "id": "flag_syn",
            "spec_path": "/instances/flag_syn",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_rst": {
            "id": "flag_rst",
            "spec_path": "/instances/flag_rst",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_psh": {
            "id": "flag_psh",
            "spec_path": "/instances/flag_psh",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_ack": {
            "id": "flag_ack",
            "spec_path": "/instances/flag_ack",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_urg": {
            "id": "flag_urg",
            "spec_path": "/instances/flag_urg",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_ece": {
            "id": "flag_ece",
            "spec_path": "/instances/flag_ece",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_cwr": {
            "id": "flag_cwr",
            "spec_path": "/instances/flag_cwr",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_ae": {
            "id": "flag_ae",
            "spec_path": "/instances/flag_ae",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
    }
    _PKT_HINTS = {
        "payload": {"field": "body", "next-on": ["dst_port", "src_port"], "next": {"53": "dns_tcp"}}
    }
    _PKT_RUNS = {
        "src_port": (0, 0, 2),
        "dst_port": (0, 2, 2),
        "seq": (0, 4, 4),
        "ack": (0, 8, 4),
        "window": (1, 0, 2),
        "checksum": (1, 2, 2),
        "urgent_pointer": (1, 4, 2),
    }
    _PKT_SEQ = (
        (
            "src_port",
            "src_port",
            False,
            "/seq/0",
            ((0, 2, 0, ">H", 0), (2, 2, 1, ">H", 0), (4, 4, 2, ">I", 0), (8, 4, 3, ">I", 0)),
        ),
        ("dst_port", "dst_port", False, "/seq/1", None),
        ("seq", "seq", False, "/seq/2", None),
        ("ack", "ack", False, "/seq/3", None),
        ("data_offset", "data_offset", False, "/seq/4", None),
        ("flags", "flags", False, "/seq/5", None),
        (
            "window",
            "window",
            False,
            "/seq/6",
            ((0, 2, 6, ">H", 1), (2, 2, 7, ">H", 1), (4, 2, 8, ">H", 1)),
        ),
        ("checksum", "checksum", False, "/seq/7", None),
        ("urgent_pointer", "urgent_pointer", False, "/seq/8", None),
        ("options", "options", False, "/seq/9", None),
        ("body", "body", False, "/seq/10", None),
        ("_m_header_length", "header_length", False, "/instances/header_length", None),
        ("_m_flag_fin", "flag_fin", False, "/instances/flag_fin", None),
        ("_m_flag_syn", "flag_syn", False, "/instances/flag_syn", None),
        ("_m_flag_rst", "flag_rst", False, "/instances/flag_rst", None),
        ("_m_flag_psh", "flag_psh", False, "/instances/flag_psh", None),
        ("_m_flag_ack", "flag_ack", False, "/instances/flag_ack", None),
        ("_m_flag_urg", "flag_urg", False, "/instances/flag_urg", None),
        ("_m_flag_ece", "flag_ece", False, "/instances/flag_ece", None),
        ("_m_flag_cwr", "flag_cwr", False, "/instances/flag_cwr", None),
        ("_m_flag_ae", "flag_ae", False, "/instances/flag_ae", None),
    )
    _m_header_length = _PKT_UNSET
    _m_flag_fin = _PKT_UNSET
    _m_flag_syn = _PKT_UNSET
    _m_flag_rst = _PKT_UNSET
    _m_flag_psh = _PKT_UNSET
    _m_flag_ack = _PKT_UNSET
    _m_flag_urg = _PKT_UNSET
    _m_flag_ece = _PKT_UNSET
    _m_flag_cwr = _PKT_UNSET
    _m_flag_ae = _PKT_UNSET

    def __init__(self, _io, _parent=None, _root=None):
        self._io = _io
        self._parent = _parent
        self._root = _root if _root is not None else self
        self._read()

    def _read(self):
        _io = self._io
        self._pkt_s = _s = {}
        self._pkt_start = _p = _io._io.tell()
        _f = -1
        try:
            _f = 0
            if _io.bits_left:
                _io.align_to_byte()
            _d = _io._io.read(12)
            if len(_d) < 12:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 12 bytes, but only %d bytes available" % len(_d), 12, len(_d)
                )
            (
                self.src_port,
                self.dst_port,
                self.seq,
                self.ack,
            ) = _S0.unpack(_d)
            _s[0] = _p
            _p += 12
            _f = 4
            _q = _io._io.tell()
            _d = b"" if _io.bits_left else _io._io.read(2)
            if len(_d) == 2:
                _x = int.from_bytes(_d, "big")
                _b = _q * 8
                self.data_offset = _x >> 12
                _s["data_offset"] = (_b + 0, _b + 4, 4)
                self.flags = _x & 0xFFF
                _s["flags"] = (_b + 4, _b + 16, 12)
                _p = _q + 2
            else:
                if _d:
                    _io._io.seek(_q)
                _f = 4
                _b = _io._io.tell() * 8 - _io.bits_left
                self.data_offset = _io.read_bits_int_be(4)
                _p = _io._io.tell()
                _s["data_offset"] = (_b, _p * 8 - _io.bits_left, 4)
                _f = 5
                _b = _io._io.tell() * 8 - _io.bits_left
                self.flags = _io.read_bits_int_be(12)
                _p = _io._io.tell()
                _s["flags"] = (_b, _p * 8 - _io.bits_left, 12)
            _f = 6
            if _io.bits_left:
                _io.align_to_byte()
            _d = _io._io.read(6)
            if len(_d) < 6:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 6 bytes, but only %d bytes available" % len(_d), 6, len(_d)
                )
            (
                self.window,
                self.checksum,
                self.urgent_pointer,
            ) = _S1.unpack(_d)
            _s[1] = _p
            _p += 6
            _f = 9
            if self.data_offset > 5:
                _n = (self.data_offset - 5) * 4
                if _n < 0 or _io.bits_left:
                    _r = _io.read_bytes(_n)
                else:
                    _r = _io._io.read(_n)
                    if len(_r) < _n:
                        raise _kaitaistruct.EndOfStreamError(
                            "requested %d bytes, but only %d bytes available" % (_n, len(_r)),
                            _n,
                            len(_r),
                        )
                _e = _p + _n
                _sub = _pkt_subio(_r, _io, _p)
                self.options = Tcp.OptionList(_sub, self, self._root)
                _s["options"] = (_p, _e)
                _p = _e
            else:
                self.options = None
            _f = 10
            if _io.bits_left:
                _io.align_to_byte()
            _r = _io._io.read()
            _n = len(_r)
            self.body = _r
            _e = _p + _n
            _s["body"] = (_p, _e)
            _p = _e
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        self._pkt_end = _p

    @property
    def header_length(self):
        _v = self._m_header_length
        if _v is not _PKT_UNSET:
            return _v
        _f = 11
        _p = None
        try:
            self._m_header_length = self.data_offset * 4
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_header_length

    @property
    def flag_fin(self):
        _v = self._m_flag_fin
        if _v is not _PKT_UNSET:
            return _v
        _f = 12
        _p = None
        try:
            self._m_flag_fin = (self.flags & 1) != 0
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_flag_fin

    @property
    def flag_syn(self):
        _v = self._m_flag_syn
        if _v is not _PKT_UNSET:
            return _v
        _f = 13
        _p = None
        try:
            self._m_flag_syn = (self.flags & 2) != 0
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_flag_syn

    @property
    def flag_rst(self):
        _v = self._m_flag_rst
        if _v is not _PKT_UNSET:
            return _v
        _f = 14
        _p = None
        try:
            self._m_flag_rst = (self.flags & 4) != 0
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_flag_rst

    @property
    def flag_psh(self):
        _v = self._m_flag_psh
        if _v is not _PKT_UNSET:
            return _v
        _f = 15
        _p = None
        try:
            self._m_flag_psh = (self.flags & 8) != 0
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_flag_psh

    @property
    def flag_ack(self):
        _v = self._m_flag_ack
        if _v is not _PKT_UNSET:
            return _v
        _f = 16
        _p = None
        try:
            self._m_flag_ack = (self.flags & 16) != 0
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_flag_ack

    @property
    def flag_urg(self):
        _v = self._m_flag_urg
        if _v is not _PKT_UNSET:
            return _v
        _f = 17
        _p = None
        try:
            self._m_flag_urg = (self.flags & 32) != 0
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_flag_urg

    @property
    def flag_ece(self):
        _v = self._m_flag_ece
        if _v is not _PKT_UNSET:
            return _v
        _f = 18
        _p = None
        try:
            self._m_flag_ece = (self.flags & 64) != 0
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_flag_ece

    @property
    def flag_cwr(self):
        _v = self._m_flag_cwr
        if _v is not _PKT_UNSET:
            return _v
        _f = 19
        _p = None
        try:
            self._m_flag_cwr = (self.flags & 128) != 0
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_flag_cwr

    @property
    def flag_ae(self):
        _v = self._m_flag_ae
        if _v is not _PKT_UNSET:
            return _v
        _f = 20
        _p = None
        try:
            self._m_flag_ae = (self.flags & 256) != 0
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_flag_ae

    class OptionList(_PktStruct):
        """The options area; `items` are the options in order. Bytes after an end-of-option-list
        are padding (RFC 9293 3.2: zero); like Wireshark, each is read as one more item (a zero
        byte is another EOL), so `items` covers the whole area."""

        SEQ_FIELDS = ["items"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "items": {
                "id": "items",
                "spec_path": "/types/option_list/seq/0",
                "kind": "seq",
                "type": "Tcp.Option",
                "size": None,
                "repeat": "eos",
                "enum": None,
                "process": False,
                "hints": {},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {}
        _PKT_SEQ = (("items", "items", True, "/types/option_list/seq/0", None),)

        def __init__(self, _io, _parent=None, _root=None):
            self._io = _io
            self._parent = _parent
            self._root = _root
            self._read()

        def _read(self):
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
            _f = -1
            try:
                _f = 0
                self.items = _v = []
                _a = [_p]
                _s["items"] = _a
                i = 0
                while not _io.is_eof():
                    _q = _p
                    _t = Tcp.Option(_io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _p == _q and _io._io.tell() == _q:
                        raise _kaitaistruct.KaitaiStructError(
                            "repeated element consumed no bytes", "/types/option_list/seq/0"
                        )
                    i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Option(_PktStruct):
        """One option; kinds 0 (EOL) and 1 (NOP) are a single byte."""

        SEQ_FIELDS = ["kind", "length", "body"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "kind": {
                "id": "kind",
                "spec_path": "/types/option/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": "Tcp.OptionKind",
                "process": False,
                "hints": {},
            },
            "length": {
                "id": "length",
                "spec_path": "/types/option/seq/1",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "body": {
                "id": "body",
                "spec_path": "/types/option/seq/2",
                "kind": "seq",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"kind": (0, 0, 1)}
        _PKT_SEQ = (
            ("kind", "kind", False, "/types/option/seq/0", ((0, 1, 0, ">B", 0),)),
            ("length", "length", False, "/types/option/seq/1", None),
            ("body", "body", False, "/types/option/seq/2", None),
        )

        def __init__(self, _io, _parent=None, _root=None):
            self._io = _io
            self._parent = _parent
            self._root = _root
            self._read()

        def _read(self):
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
            _f = -1
            try:
                _f = 0
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(1)
                if len(_d) < 1:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 1 bytes, but only %d bytes available" % len(_d), 1, len(_d)
                    )
                self.kind = _d[0]
                _s[0] = _p
                _p += 1
                _f = 0
                self.kind = _EM0.get(self.kind, self.kind)
                _f = 1
                if (self.kind != 0) and (self.kind != 1):
                    if _io.bits_left:
                        _io.align_to_byte()
                    _d = _io._io.read(1)
                    if len(_d) < 1:
                        raise _kaitaistruct.EndOfStreamError(
                            "requested 1 bytes, but only %d bytes available" % len(_d), 1, len(_d)
                        )
                    self.length = _d[0]
                    _e = _p + 1
                    _s["length"] = (_p, _e)
                    _p = _e
                else:
                    self.length = None
                _f = 2
                if (self.kind != 0) and (self.kind != 1):
                    _on = self.kind
                    _c = _SW0.get(_on)
                    if _c is not None:
                        _n = (self.length - 2) if (self.length >= 2) else 0
                        if _n < 0 or _io.bits_left:
                            _r = _io.read_bytes(_n)
                        else:
                            _r = _io._io.read(_n)
                            if len(_r) < _n:
                                raise _kaitaistruct.EndOfStreamError(
                                    "requested %d bytes, but only %d bytes available"
                                    % (_n, len(_r)),
                                    _n,
                                    len(_r),
                                )
                        _e = _p + _n
                        _sub = _pkt_subio(_r, _io, _p)
                        self.body = _c(_sub, self, self._root)
                        _s["body"] = (_p, _e)
                        _p = _e
                    else:
                        _n = (self.length - 2) if (self.length >= 2) else 0
                        if _n < 0 or _io.bits_left:
                            _r = _io.read_bytes(_n)
                        else:
                            _r = _io._io.read(_n)
                            if len(_r) < _n:
                                raise _kaitaistruct.EndOfStreamError(
                                    "requested %d bytes, but only %d bytes available"
                                    % (_n, len(_r)),
                                    _n,
                                    len(_r),
                                )
                        self.body = _r
                        _e = _p + _n
                        _s["body"] = (_p, _e)
                        _p = _e
                else:
                    self.body = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Mss(_PktStruct):
        SEQ_FIELDS = ["mss"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "mss": {
                "id": "mss",
                "spec_path": "/types/mss/seq/0",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"mss": (0, 0, 2)}
        _PKT_SEQ = (("mss", "mss", False, "/types/mss/seq/0", ((0, 2, 0, ">H", 0),)),)

        def __init__(self, _io, _parent=None, _root=None):
            self._io = _io
            self._parent = _parent
            self._root = _root
            self._read()

        def _read(self):
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
            _f = -1
            try:
                _f = 0
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(2)
                if len(_d) < 2:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 2 bytes, but only %d bytes available" % len(_d), 2, len(_d)
                    )
                (self.mss,) = _S3.unpack(_d)
                _s[0] = _p
                _p += 2
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class WindowScale(_PktStruct):
        SEQ_FIELDS = ["shift_count"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "shift_count": {
                "id": "shift_count",
                "spec_path": "/types/window_scale/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"shift_count": (0, 0, 1)}
        _PKT_SEQ = (
            (
                "shift_count",
                "shift_count",
                False,
                "/types/window_scale/seq/0",
                ((0, 1, 0, ">B", 0),),
            ),
        )

        def __init__(self, _io, _parent=None, _root=None):
            self._io = _io
            self._parent = _parent
            self._root = _root
            self._read()

        def _read(self):
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
            _f = -1
            try:
                _f = 0
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(1)
                if len(_d) < 1:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 1 bytes, but only %d bytes available" % len(_d), 1, len(_d)
                    )
                self.shift_count = _d[0]
                _s[0] = _p
                _p += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Sack(_PktStruct):
        SEQ_FIELDS = ["blocks"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "blocks": {
                "id": "blocks",
                "spec_path": "/types/sack/seq/0",
                "kind": "seq",
                "type": "Tcp.SackBlock",
                "size": None,
                "repeat": "eos",
                "enum": None,
                "process": False,
                "hints": {},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {}
        _PKT_SEQ = (("blocks", "blocks", True, "/types/sack/seq/0", None),)

        def __init__(self, _io, _parent=None, _root=None):
            self._io = _io
            self._parent = _parent
            self._root = _root
            self._read()

        def _read(self):
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
            _f = -1
            try:
                _f = 0
                self.blocks = _v = []
                _a = [_p]
                _s["blocks"] = _a
                i = 0
                while not _io.is_eof():
                    _q = _p
                    _t = Tcp.SackBlock(_io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _p == _q and _io._io.tell() == _q:
                        raise _kaitaistruct.KaitaiStructError(
                            "repeated element consumed no bytes", "/types/sack/seq/0"
                        )
                    i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class SackBlock(_PktStruct):
        """One SACK block: the first and one past the last sequence number received."""

        SEQ_FIELDS = ["left_edge", "right_edge"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "left_edge": {
                "id": "left_edge",
                "spec_path": "/types/sack_block/seq/0",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "right_edge": {
                "id": "right_edge",
                "spec_path": "/types/sack_block/seq/1",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"left_edge": (0, 0, 4), "right_edge": (0, 4, 4)}
        _PKT_SEQ = (
            (
                "left_edge",
                "left_edge",
                False,
                "/types/sack_block/seq/0",
                ((0, 4, 0, ">I", 0), (4, 4, 1, ">I", 0)),
            ),
            ("right_edge", "right_edge", False, "/types/sack_block/seq/1", None),
        )

        def __init__(self, _io, _parent=None, _root=None):
            self._io = _io
            self._parent = _parent
            self._root = _root
            self._read()

        def _read(self):
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
            _f = -1
            try:
                _f = 0
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(8)
                if len(_d) < 8:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 8 bytes, but only %d bytes available" % len(_d), 8, len(_d)
                    )
                (
                    self.left_edge,
                    self.right_edge,
                ) = _S4.unpack(_d)
                _s[0] = _p
                _p += 8
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Timestamps(_PktStruct):
        SEQ_FIELDS = ["value", "echo_reply"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "value": {
                "id": "value",
                "spec_path": "/types/timestamps/seq/0",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "echo_reply": {
                "id": "echo_reply",
                "spec_path": "/types/timestamps/seq/1",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"value": (0, 0, 4), "echo_reply": (0, 4, 4)}
        _PKT_SEQ = (
            (
                "value",
                "value",
                False,
                "/types/timestamps/seq/0",
                ((0, 4, 0, ">I", 0), (4, 4, 1, ">I", 0)),
            ),
            ("echo_reply", "echo_reply", False, "/types/timestamps/seq/1", None),
        )

        def __init__(self, _io, _parent=None, _root=None):
            self._io = _io
            self._parent = _parent
            self._root = _root
            self._read()

        def _read(self):
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
            _f = -1
            try:
                _f = 0
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(8)
                if len(_d) < 8:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 8 bytes, but only %d bytes available" % len(_d), 8, len(_d)
                    )
                (
                    self.value,
                    self.echo_reply,
                ) = _S4.unpack(_d)
                _s[0] = _p
                _p += 8
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p


# switch tables (case value -> class) and enum value maps
_EM0 = getattr(Tcp.OptionKind, "_value2member_map_", None)
_SW0 = {2: Tcp.Mss, 3: Tcp.WindowScale, 5: Tcp.Sack, 8: Tcp.Timestamps}
