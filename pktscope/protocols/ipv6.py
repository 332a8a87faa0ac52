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


_S0 = _struct.Struct(">HBB16s16s")
_S1 = _struct.Struct(">BB")
_S2 = _struct.Struct(">B")
_S3 = _struct.Struct(">I")


class Ipv6(_PktStruct):
    """IPv6 fixed header followed by the chain of extension headers (hop-by-hop options,
    routing, fragment, destination options, authentication header). `payload_protocol` is
    the Next Header value after the chain; it selects the payload spec."""

    class NextHeader(_IntEnum):
        hopopt = 0
        icmp = 1
        igmp = 2
        ipip = 4
        tcp = 6
        udp = 17
        ipv6 = 41
        routing = 43
        fragment = 44
        gre = 47
        esp = 50
        ah = 51
        icmpv6 = 58
        no_next_header = 59
        destination_options = 60
        ospf = 89
        pim = 103
        sctp = 132

    SEQ_FIELDS = [
        "version",
        "traffic_class",
        "flow_label",
        "payload_length",
        "next_header",
        "hop_limit",
        "src",
        "dst",
        "ext_headers",
        "body",
    ]
    _PKT_INSTANCES = ["has_ext", "payload_protocol", "is_first_fragment", "payload_end"]
    _PKT_FIELDS = {
        "version": {
            "id": "version",
            "spec_path": "/seq/0",
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
        "traffic_class": {
            "id": "traffic_class",
            "spec_path": "/seq/1",
            "kind": "seq",
            "type": "b8",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 8,
            "bit_endian": "be",
        },
        "flow_label": {
            "id": "flow_label",
            "spec_path": "/seq/2",
            "kind": "seq",
            "type": "b20",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 20,
            "bit_endian": "be",
        },
        "payload_length": {
            "id": "payload_length",
            "spec_path": "/seq/3",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "next_header": {
            "id": "next_header",
            "spec_path": "/seq/4",
            "kind": "seq",
            "type": "u1",
            "size": 1,
            "repeat": None,
            "enum": "Ipv6.NextHeader",
            "process": False,
            "hints": {},
        },
        "hop_limit": {
            "id": "hop_limit",
            "spec_path": "/seq/5",
            "kind": "seq",
            "type": "u1",
            "size": 1,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "src": {
            "id": "src",
            "spec_path": "/seq/6",
            "kind": "seq",
            "type": "bytes",
            "size": 16,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "ipv6"},
        },
        "dst": {
            "id": "dst",
            "spec_path": "/seq/7",
            "kind": "seq",
            "type": "bytes",
            "size": 16,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "ipv6"},
        },
        "ext_headers": {
            "id": "ext_headers",
            "spec_path": "/seq/8",
            "kind": "seq",
            "type": "Ipv6.ExtHeader",
            "size": None,
            "repeat": "until",
            "enum": None,
            "process": False,
            "hints": {},
        },
        "body": {
            "id": "body",
            "spec_path": "/seq/9",
            "kind": "seq",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "has_ext": {
            "id": "has_ext",
            "spec_path": "/instances/has_ext",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "payload_protocol": {
            "id": "payload_protocol",
            "spec_path": "/instances/payload_protocol",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": "Ipv6.NextHeader",
            "process": False,
            "hints": {},
        },
        "is_first_fragment": {
            "id": "is_first_fragment",
            "spec_path": "/instances/is_first_fragment",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "payload_end": {
            "id": "payload_end",
            "spec_path": "/instances/payload_end",
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
        "payload": {
            "field": "body",
            "end": "payload_end",
            "when": "is_first_fragment",
            "next-on": ["payload_protocol"],
            "next": {
                "1": "icmp",
                "4": "ipv4",
                "6": "tcp",
                "17": "udp",
                "41": "ipv6",
                "58": "icmpv6",
            },
        }
    }
    _PKT_RUNS = {
        "payload_length": (0, 0, 2),
        "next_header": (0, 2, 1),
        "hop_limit": (0, 3, 1),
        "src": (0, 4, 16),
        "dst": (0, 20, 16),
    }
    _PKT_SEQ = (
        ("version", "version", False, "/seq/0", None),
        ("traffic_class", "traffic_class", False, "/seq/1", None),
        ("flow_label", "flow_label", False, "/seq/2", None),
        (
            "payload_length",
            "payload_length",
            False,
            "/seq/3",
            (
                (0, 2, 3, ">H", 0),
                (2, 1, 4, ">B", 0),
                (3, 1, 5, ">B", 0),
                (4, 16, 6, ">16s", 0),
                (20, 16, 7, ">16s", 0),
            ),
        ),
        ("next_header", "next_header", False, "/seq/4", None),
        ("hop_limit", "hop_limit", False, "/seq/5", None),
        ("src", "src", False, "/seq/6", None),
        ("dst", "dst", False, "/seq/7", None),
        ("ext_headers", "ext_headers", True, "/seq/8", None),
        ("body", "body", False, "/seq/9", None),
        ("_m_has_ext", "has_ext", False, "/instances/has_ext", None),
        ("_m_payload_protocol", "payload_protocol", False, "/instances/payload_protocol", None),
        ("_m_is_first_fragment", "is_first_fragment", False, "/instances/is_first_fragment", None),
        ("_m_payload_end", "payload_end", False, "/instances/payload_end", None),
    )
    _m_has_ext = _PKT_UNSET
    _m_payload_protocol = _PKT_UNSET
    _m_is_first_fragment = _PKT_UNSET
    _m_payload_end = _PKT_UNSET

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
            _q = _io._io.tell()
            _d = b"" if _io.bits_left else _io._io.read(4)
            if len(_d) == 4:
                _x = int.from_bytes(_d, "big")
                _b = _q * 8
                self.version = _x >> 28
                _s["version"] = (_b + 0, _b + 4, 4)
                self.traffic_class = (_x >> 20) & 0xFF
                _s["traffic_class"] = (_b + 4, _b + 12, 8)
                self.flow_label = _x & 0xFFFFF
                _s["flow_label"] = (_b + 12, _b + 32, 20)
                _p = _q + 4
            else:
                if _d:
                    _io._io.seek(_q)
                _f = 0
                _b = _io._io.tell() * 8 - _io.bits_left
                self.version = _io.read_bits_int_be(4)
                _p = _io._io.tell()
                _s["version"] = (_b, _p * 8 - _io.bits_left, 4)
                _f = 1
                _b = _io._io.tell() * 8 - _io.bits_left
                self.traffic_class = _io.read_bits_int_be(8)
                _p = _io._io.tell()
                _s["traffic_class"] = (_b, _p * 8 - _io.bits_left, 8)
                _f = 2
                _b = _io._io.tell() * 8 - _io.bits_left
                self.flow_label = _io.read_bits_int_be(20)
                _p = _io._io.tell()
                _s["flow_label"] = (_b, _p * 8 - _io.bits_left, 20)
            _f = 3
            if _io.bits_left:
                _io.align_to_byte()
            _d = _io._io.read(36)
            if len(_d) < 36:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 36 bytes, but only %d bytes available" % len(_d), 36, len(_d)
                )
            (
                self.payload_length,
                self.next_header,
                self.hop_limit,
                self.src,
                self.dst,
            ) = _S0.unpack(_d)
            _s[0] = _p
            _p += 36
            _f = 4
            self.next_header = _EM0.get(self.next_header, self.next_header)
            _f = 8
            if self.has_ext:
                self.ext_headers = _v = []
                _a = [_p]
                _s["ext_headers"] = _a
                i = 0
                while True:
                    _t = Ipv6.ExtHeader(
                        (
                            int(self.next_header)
                            if (i == 0)
                            else int(self.ext_headers[(i - 1)].next_header)
                        ),
                        (False if (i == 0) else self.ext_headers[(i - 1)].later_fragment),
                        _io,
                        self,
                        self._root,
                    )
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if not _t.next_is_ext:
                        break
                    i += 1
            else:
                self.ext_headers = None
            _f = 9
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
    def has_ext(self):
        _v = self._m_has_ext
        if _v is not _PKT_UNSET:
            return _v
        _f = 10
        _p = None
        try:
            self._m_has_ext = (
                (
                    ((int(self.next_header) == 0) or (int(self.next_header) == 43))
                    or (int(self.next_header) == 44)
                )
                or (int(self.next_header) == 60)
            ) or (int(self.next_header) == 51)
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_has_ext

    @property
    def payload_protocol(self):
        """Next Header value after the extension-header chain (the upper-layer protocol)."""
        _v = self._m_payload_protocol
        if _v is not _PKT_UNSET:
            return _v
        _f = 11
        _p = None
        try:
            self._m_payload_protocol = _ks_enum(
                Ipv6.NextHeader,
                (self.ext_headers[-1].next_header if self.has_ext else self.next_header),
            )
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_payload_protocol

    @property
    def is_first_fragment(self):
        """False when a fragment header has a non-zero offset."""
        _v = self._m_is_first_fragment
        if _v is not _PKT_UNSET:
            return _v
        _f = 12
        _p = None
        try:
            self._m_is_first_fragment = (
                (not self.ext_headers[-1].later_fragment) if self.has_ext else True
            )
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_is_first_fragment

    @property
    def payload_end(self):
        """Declared end of the payload in this layer's bytes."""
        _v = self._m_payload_end
        if _v is not _PKT_UNSET:
            return _v
        _f = 13
        _p = None
        try:
            self._m_payload_end = 40 + self.payload_length
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_payload_end

    class ExtHeader(_PktStruct):
        """One extension header; `header_type` is the Next Header value that announced it."""

        SEQ_FIELDS = ["next_header", "hdr_ext_len", "body"]
        _PKT_INSTANCES = ["body_size", "next_is_ext", "later_fragment"]
        _PKT_FIELDS = {
            "next_header": {
                "id": "next_header",
                "spec_path": "/types/ext_header/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": "Ipv6.NextHeader",
                "process": False,
                "hints": {},
            },
            "hdr_ext_len": {
                "id": "hdr_ext_len",
                "spec_path": "/types/ext_header/seq/1",
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
                "spec_path": "/types/ext_header/seq/2",
                "kind": "seq",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "body_size": {
                "id": "body_size",
                "spec_path": "/types/ext_header/instances/body_size",
                "kind": "value",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "next_is_ext": {
                "id": "next_is_ext",
                "spec_path": "/types/ext_header/instances/next_is_ext",
                "kind": "value",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "later_fragment": {
                "id": "later_fragment",
                "spec_path": "/types/ext_header/instances/later_fragment",
                "kind": "value",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"next_header": (0, 0, 1), "hdr_ext_len": (0, 1, 1)}
        _PKT_SEQ = (
            (
                "next_header",
                "next_header",
                False,
                "/types/ext_header/seq/0",
                ((0, 1, 0, ">B", 0), (1, 1, 1, ">B", 0)),
            ),
            ("hdr_ext_len", "hdr_ext_len", False, "/types/ext_header/seq/1", None),
            ("body", "body", False, "/types/ext_header/seq/2", None),
            ("_m_body_size", "body_size", False, "/types/ext_header/instances/body_size", None),
            (
                "_m_next_is_ext",
                "next_is_ext",
                False,
                "/types/ext_header/instances/next_is_ext",
                None,
            ),
            (
                "_m_later_fragment",
                "later_fragment",
                False,
                "/types/ext_header/instances/later_fragment",
                None,
            ),
        )
        _m_body_size = _PKT_UNSET
        _m_next_is_ext = _PKT_UNSET
        _m_later_fragment = _PKT_UNSET

        def __init__(self, header_type, later_fragment_before, _io, _parent=None, _root=None):
            self._io = _io
            self._parent = _parent
            self._root = _root
            self.header_type = header_type
            self.later_fragment_before = later_fragment_before
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
                (
                    self.next_header,
                    self.hdr_ext_len,
                ) = _S1.unpack(_d)
                _s[0] = _p
                _p += 2
                _f = 0
                self.next_header = _EM0.get(self.next_header, self.next_header)
                _f = 2
                _on = self.header_type
                _c = _SW0.get(_on)
                if _c is not None:
                    _n = self.body_size
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
                    self.body = _c(_sub, self, self._root)
                    _s["body"] = (_p, _e)
                    _p = _e
                else:
                    _n = self.body_size
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
                    self.body = _r
                    _e = _p + _n
                    _s["body"] = (_p, _e)
                    _p = _e
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        @property
        def body_size(self):
            _v = self._m_body_size
            if _v is not _PKT_UNSET:
                return _v
            _f = 3
            _p = None
            try:
                self._m_body_size = (
                    6
                    if (self.header_type == 44)
                    else (
                        ((self.hdr_ext_len * 4) + 6)
                        if (self.header_type == 51)
                        else ((self.hdr_ext_len * 8) + 6)
                    )
                )
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            return self._m_body_size

        @property
        def next_is_ext(self):
            _v = self._m_next_is_ext
            if _v is not _PKT_UNSET:
                return _v
            _f = 4
            _p = None
            try:
                self._m_next_is_ext = (
                    (
                        ((int(self.next_header) == 0) or (int(self.next_header) == 43))
                        or (int(self.next_header) == 44)
                    )
                    or (int(self.next_header) == 60)
                ) or (int(self.next_header) == 51)
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            return self._m_next_is_ext

        @property
        def later_fragment(self):
            _v = self._m_later_fragment
            if _v is not _PKT_UNSET:
                return _v
            _f = 5
            _p = None
            try:
                self._m_later_fragment = self.later_fragment_before or (
                    (self.header_type == 44) and (self.body.fragment_offset != 0)
                )
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            return self._m_later_fragment

    class OptionsHeader(_PktStruct):
        """Hop-by-hop or destination options (after next header and length)."""

        SEQ_FIELDS = ["options"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "options": {
                "id": "options",
                "spec_path": "/types/options_header/seq/0",
                "kind": "seq",
                "type": "Ipv6.TlvOption",
                "size": None,
                "repeat": "eos",
                "enum": None,
                "process": False,
                "hints": {},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {}
        _PKT_SEQ = (("options", "options", True, "/types/options_header/seq/0", None),)

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
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while not _io.is_eof():
                    _q = _p
                    _t = Ipv6.TlvOption(_io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _p == _q and _io._io.tell() == _q:
                        raise _kaitaistruct.KaitaiStructError(
                            "repeated element consumed no bytes", "/types/options_header/seq/0"
                        )
                    i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class TlvOption(_PktStruct):
        """One option; type 0 (Pad1) is a single byte."""

        SEQ_FIELDS = ["type", "length", "data"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "type": {
                "id": "type",
                "spec_path": "/types/tlv_option/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "length": {
                "id": "length",
                "spec_path": "/types/tlv_option/seq/1",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "data": {
                "id": "data",
                "spec_path": "/types/tlv_option/seq/2",
                "kind": "seq",
                "type": "bytes",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"type": (0, 0, 1)}
        _PKT_SEQ = (
            ("type", "type", False, "/types/tlv_option/seq/0", ((0, 1, 0, ">B", 0),)),
            ("length", "length", False, "/types/tlv_option/seq/1", None),
            ("data", "data", False, "/types/tlv_option/seq/2", None),
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
                self.type = _d[0]
                _s[0] = _p
                _p += 1
                _f = 1
                if self.type != 0:
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
                if self.type != 0:
                    _n = self.length
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
                    self.data = _r
                    _e = _p + _n
                    _s["data"] = (_p, _e)
                    _p = _e
                else:
                    self.data = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class RoutingHeader(_PktStruct):
        """Routing header (after next header and length)."""

        SEQ_FIELDS = ["routing_type", "segments_left", "data"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "routing_type": {
                "id": "routing_type",
                "spec_path": "/types/routing_header/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "segments_left": {
                "id": "segments_left",
                "spec_path": "/types/routing_header/seq/1",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "data": {
                "id": "data",
                "spec_path": "/types/routing_header/seq/2",
                "kind": "seq",
                "type": "bytes",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"routing_type": (0, 0, 1), "segments_left": (0, 1, 1)}
        _PKT_SEQ = (
            (
                "routing_type",
                "routing_type",
                False,
                "/types/routing_header/seq/0",
                ((0, 1, 0, ">B", 0), (1, 1, 1, ">B", 0)),
            ),
            ("segments_left", "segments_left", False, "/types/routing_header/seq/1", None),
            ("data", "data", False, "/types/routing_header/seq/2", None),
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
                _d = _io._io.read(2)
                if len(_d) < 2:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 2 bytes, but only %d bytes available" % len(_d), 2, len(_d)
                    )
                (
                    self.routing_type,
                    self.segments_left,
                ) = _S1.unpack(_d)
                _s[0] = _p
                _p += 2
                _f = 2
                if _io.bits_left:
                    _io.align_to_byte()
                _r = _io._io.read()
                _n = len(_r)
                self.data = _r
                _e = _p + _n
                _s["data"] = (_p, _e)
                _p = _e
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class FragmentHeader(_PktStruct):
        """Fragment header (after next header and the reserved byte)."""

        SEQ_FIELDS = ["fragment_offset", "reserved", "more_fragments", "identification"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "fragment_offset": {
                "id": "fragment_offset",
                "spec_path": "/types/fragment_header/seq/0",
                "kind": "seq",
                "type": "b13",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "bit_size": 13,
                "bit_endian": "be",
            },
            "reserved": {
                "id": "reserved",
                "spec_path": "/types/fragment_header/seq/1",
                "kind": "seq",
                "type": "b2",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "bit_size": 2,
                "bit_endian": "be",
            },
            "more_fragments": {
                "id": "more_fragments",
                "spec_path": "/types/fragment_header/seq/2",
                "kind": "seq",
                "type": "b1",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "bit_size": 1,
                "bit_endian": "be",
            },
            "identification": {
                "id": "identification",
                "spec_path": "/types/fragment_header/seq/3",
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
        _PKT_RUNS = {"identification": (0, 0, 4)}
        _PKT_SEQ = (
            ("fragment_offset", "fragment_offset", False, "/types/fragment_header/seq/0", None),
            ("reserved", "reserved", False, "/types/fragment_header/seq/1", None),
            ("more_fragments", "more_fragments", False, "/types/fragment_header/seq/2", None),
            (
                "identification",
                "identification",
                False,
                "/types/fragment_header/seq/3",
                ((0, 4, 3, ">I", 0),),
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
                _q = _io._io.tell()
                _d = b"" if _io.bits_left else _io._io.read(2)
                if len(_d) == 2:
                    _x = int.from_bytes(_d, "big")
                    _b = _q * 8
                    self.fragment_offset = _x >> 3
                    _s["fragment_offset"] = (_b + 0, _b + 13, 13)
                    self.reserved = (_x >> 1) & 0x3
                    _s["reserved"] = (_b + 13, _b + 15, 2)
                    self.more_fragments = (_x & 0x1) != 0
                    _s["more_fragments"] = (_b + 15, _b + 16, 1)
                    _p = _q + 2
                else:
                    if _d:
                        _io._io.seek(_q)
                    _f = 0
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.fragment_offset = _io.read_bits_int_be(13)
                    _p = _io._io.tell()
                    _s["fragment_offset"] = (_b, _p * 8 - _io.bits_left, 13)
                    _f = 1
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.reserved = _io.read_bits_int_be(2)
                    _p = _io._io.tell()
                    _s["reserved"] = (_b, _p * 8 - _io.bits_left, 2)
                    _f = 2
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.more_fragments = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["more_fragments"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 3
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(4)
                if len(_d) < 4:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 4 bytes, but only %d bytes available" % len(_d), 4, len(_d)
                    )
                (self.identification,) = _S3.unpack(_d)
                _s[0] = _p
                _p += 4
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p


# switch tables (case value -> class) and enum value maps
_EM0 = getattr(Ipv6.NextHeader, "_value2member_map_", None)
_SW0 = {
    0: Ipv6.OptionsHeader,
    60: Ipv6.OptionsHeader,
    43: Ipv6.RoutingHeader,
    44: Ipv6.FragmentHeader,
}
