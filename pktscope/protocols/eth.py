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


_S0 = _struct.Struct(">6s6sH")
_S1 = _struct.Struct(">H")
_S2 = _struct.Struct(">BBB")
_S3 = _struct.Struct(">3sH")


class Eth(_PktStruct):
    """An Ethernet frame without preamble and FCS, as captured (LINKTYPE_ETHERNET = 1).
    After the addresses come zero or more 802.1Q / 802.1ad (QinQ) tags, then either an
    EtherType (>= 0x0600, Ethernet II) or an 802.3 length (<= 1500) followed by an 802.2 LLC
    header and, for DSAP = SSAP = 0xAA, a SNAP header. `ether_type` is the type that selects
    the payload: the last tag's type, or the SNAP protocol id."""

    SEQ_FIELDS = ["dst", "src", "type_or_length", "vlan", "llc", "body"]
    _PKT_INSTANCES = ["is_tag_tpid", "inner_type", "is_8023", "length", "ether_type", "payload_end"]
    _PKT_FIELDS = {
        "dst": {
            "id": "dst",
            "spec_path": "/seq/0",
            "kind": "seq",
            "type": "bytes",
            "size": 6,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "mac"},
        },
        "src": {
            "id": "src",
            "spec_path": "/seq/1",
            "kind": "seq",
            "type": "bytes",
            "size": 6,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "mac"},
        },
        "type_or_length": {
            "id": "type_or_length",
            "spec_path": "/seq/2",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "vlan": {
            "id": "vlan",
            "spec_path": "/seq/3",
            "kind": "seq",
            "type": "Eth.VlanTag",
            "size": None,
            "repeat": "until",
            "enum": None,
            "process": False,
            "hints": {},
        },
        "llc": {
            "id": "llc",
            "spec_path": "/seq/4",
            "kind": "seq",
            "type": "Eth.Llc",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "body": {
            "id": "body",
            "spec_path": "/seq/5",
            "kind": "seq",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "is_tag_tpid": {
            "id": "is_tag_tpid",
            "spec_path": "/instances/is_tag_tpid",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "inner_type": {
            "id": "inner_type",
            "spec_path": "/instances/inner_type",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "is_8023": {
            "id": "is_8023",
            "spec_path": "/instances/is_8023",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "length": {
            "id": "length",
            "spec_path": "/instances/length",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "ether_type": {
            "id": "ether_type",
            "spec_path": "/instances/ether_type",
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
            "next-on": ["ether_type"],
            "next": {"2048": "ipv4", "2054": "arp", "34525": "ipv6"},
        },
        "linktypes": [1],
    }
    _PKT_RUNS = {"dst": (0, 0, 6), "src": (0, 6, 6), "type_or_length": (0, 12, 2)}
    _PKT_SEQ = (
        (
            "dst",
            "dst",
            False,
            "/seq/0",
            ((0, 6, 0, ">6s", 0), (6, 6, 1, ">6s", 0), (12, 2, 2, ">H", 0)),
        ),
        ("src", "src", False, "/seq/1", None),
        ("type_or_length", "type_or_length", False, "/seq/2", None),
        ("vlan", "vlan", True, "/seq/3", None),
        ("llc", "llc", False, "/seq/4", None),
        ("body", "body", False, "/seq/5", None),
        ("_m_is_tag_tpid", "is_tag_tpid", False, "/instances/is_tag_tpid", None),
        ("_m_inner_type", "inner_type", False, "/instances/inner_type", None),
        ("_m_is_8023", "is_8023", False, "/instances/is_8023", None),
        ("_m_length", "length", False, "/instances/length", None),
        ("_m_ether_type", "ether_type", False, "/instances/ether_type", None),
        ("_m_payload_end", "payload_end", False, "/instances/payload_end", None),
    )
    _m_is_tag_tpid = _PKT_UNSET
    _m_inner_type = _PKT_UNSET
    _m_is_8023 = _PKT_UNSET
    _m_length = _PKT_UNSET
    _m_ether_type = _PKT_UNSET
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
            if _io.bits_left:
                _io.align_to_byte()
            _d = _io._io.read(14)
            if len(_d) < 14:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 14 bytes, but only %d bytes available" % len(_d), 14, len(_d)
                )
            (
                self.dst,
                self.src,
                self.type_or_length,
            ) = _S0.unpack(_d)
            _s[0] = _p
            _p += 14
            _f = 3
            if self.is_tag_tpid:
                self.vlan = _v = []
                _a = [_p]
                _s["vlan"] = _a
                i = 0
                while True:
                    _t = Eth.VlanTag(_io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if not _t.is_tagged:
                        break
                    i += 1
            else:
                self.vlan = None
            _f = 4
            if self.is_8023:
                self.llc = Eth.Llc(_io, self, self._root)
                _e = _io._io.tell()
                _s["llc"] = (_p, _e)
                _p = _e
            else:
                self.llc = None
            _f = 5
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
    def is_tag_tpid(self):
        _v = self._m_is_tag_tpid
        if _v is not _PKT_UNSET:
            return _v
        _f = 6
        _p = None
        try:
            self._m_is_tag_tpid = (
                (self.type_or_length == 33024) or (self.type_or_length == 34984)
            ) or (self.type_or_length == 37120)
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_is_tag_tpid

    @property
    def inner_type(self):
        """Type/length field after the last tag."""
        _v = self._m_inner_type
        if _v is not _PKT_UNSET:
            return _v
        _f = 7
        _p = None
        try:
            self._m_inner_type = (
                self.vlan[-1].type_or_length if self.is_tag_tpid else self.type_or_length
            )
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_inner_type

    @property
    def is_8023(self):
        """True for an IEEE 802.3 frame (length field instead of an EtherType)."""
        _v = self._m_is_8023
        if _v is not _PKT_UNSET:
            return _v
        _f = 8
        _p = None
        try:
            self._m_is_8023 = self.inner_type <= 1500
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_is_8023

    @property
    def length(self):
        """802.3 length of the LLC data."""
        _v = self._m_length
        if _v is not _PKT_UNSET:
            return _v
        _f = 9
        _p = None
        try:
            if not (self.is_8023):
                self._m_length = None
                return None
            self._m_length = self.inner_type
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_length

    @property
    def ether_type(self):
        """EtherType selecting the payload (after tags; SNAP protocol id for 802.3 + SNAP)."""
        _v = self._m_ether_type
        if _v is not _PKT_UNSET:
            return _v
        _f = 10
        _p = None
        try:
            if not ((not self.is_8023) or self.llc.is_snap):
                self._m_ether_type = None
                return None
            self._m_ether_type = self.llc.snap.protocol_id if self.is_8023 else self.inner_type
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_ether_type

    @property
    def payload_end(self):
        """End of the 802.3 data (the rest is padding)."""
        _v = self._m_payload_end
        if _v is not _PKT_UNSET:
            return _v
        _f = 11
        _p = None
        try:
            if not (self.is_8023):
                self._m_payload_end = None
                return None
            self._m_payload_end = (
                (12 + 2) + ((len(self.vlan) * 4) if self.is_tag_tpid else 0)
            ) + self.length
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_payload_end

    class VlanTag(_PktStruct):
        """One 802.1Q tag after its TPID (tag control information + the next type)."""

        SEQ_FIELDS = ["pcp", "dei", "id", "type_or_length"]
        _PKT_INSTANCES = ["is_tagged"]
        _PKT_FIELDS = {
            "pcp": {
                "id": "pcp",
                "spec_path": "/types/vlan_tag/seq/0",
                "kind": "seq",
                "type": "b3",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "bit_size": 3,
                "bit_endian": "be",
            },
            "dei": {
                "id": "dei",
                "spec_path": "/types/vlan_tag/seq/1",
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
            "id": {
                "id": "id",
                "spec_path": "/types/vlan_tag/seq/2",
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
            "type_or_length": {
                "id": "type_or_length",
                "spec_path": "/types/vlan_tag/seq/3",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "is_tagged": {
                "id": "is_tagged",
                "spec_path": "/types/vlan_tag/instances/is_tagged",
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
        _PKT_RUNS = {"type_or_length": (0, 0, 2)}
        _PKT_SEQ = (
            ("pcp", "pcp", False, "/types/vlan_tag/seq/0", None),
            ("dei", "dei", False, "/types/vlan_tag/seq/1", None),
            ("id", "id", False, "/types/vlan_tag/seq/2", None),
            (
                "type_or_length",
                "type_or_length",
                False,
                "/types/vlan_tag/seq/3",
                ((0, 2, 3, ">H", 0),),
            ),
            ("_m_is_tagged", "is_tagged", False, "/types/vlan_tag/instances/is_tagged", None),
        )
        _m_is_tagged = _PKT_UNSET

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
                    self.pcp = _x >> 13
                    _s["pcp"] = (_b + 0, _b + 3, 3)
                    self.dei = ((_x >> 12) & 0x1) != 0
                    _s["dei"] = (_b + 3, _b + 4, 1)
                    self.id = _x & 0xFFF
                    _s["id"] = (_b + 4, _b + 16, 12)
                    _p = _q + 2
                else:
                    if _d:
                        _io._io.seek(_q)
                    _f = 0
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.pcp = _io.read_bits_int_be(3)
                    _p = _io._io.tell()
                    _s["pcp"] = (_b, _p * 8 - _io.bits_left, 3)
                    _f = 1
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.dei = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["dei"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 2
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.id = _io.read_bits_int_be(12)
                    _p = _io._io.tell()
                    _s["id"] = (_b, _p * 8 - _io.bits_left, 12)
                _f = 3
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(2)
                if len(_d) < 2:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 2 bytes, but only %d bytes available" % len(_d), 2, len(_d)
                    )
                (self.type_or_length,) = _S1.unpack(_d)
                _s[0] = _p
                _p += 2
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        @property
        def is_tagged(self):
            _v = self._m_is_tagged
            if _v is not _PKT_UNSET:
                return _v
            _f = 4
            _p = None
            try:
                self._m_is_tagged = (
                    (self.type_or_length == 33024) or (self.type_or_length == 34984)
                ) or (self.type_or_length == 37120)
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            return self._m_is_tagged

    class Llc(_PktStruct):
        """IEEE 802.2 LLC header (+ SNAP when DSAP = SSAP = 0xAA)."""

        SEQ_FIELDS = ["dsap", "ssap", "control", "control_hi", "snap"]
        _PKT_INSTANCES = ["is_snap"]
        _PKT_FIELDS = {
            "dsap": {
                "id": "dsap",
                "spec_path": "/types/llc/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "ssap": {
                "id": "ssap",
                "spec_path": "/types/llc/seq/1",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "control": {
                "id": "control",
                "spec_path": "/types/llc/seq/2",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "control_hi": {
                "id": "control_hi",
                "spec_path": "/types/llc/seq/3",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "snap": {
                "id": "snap",
                "spec_path": "/types/llc/seq/4",
                "kind": "seq",
                "type": "Eth.Snap",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "is_snap": {
                "id": "is_snap",
                "spec_path": "/types/llc/instances/is_snap",
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
        _PKT_RUNS = {"dsap": (0, 0, 1), "ssap": (0, 1, 1), "control": (0, 2, 1)}
        _PKT_SEQ = (
            (
                "dsap",
                "dsap",
                False,
                "/types/llc/seq/0",
                ((0, 1, 0, ">B", 0), (1, 1, 1, ">B", 0), (2, 1, 2, ">B", 0)),
            ),
            ("ssap", "ssap", False, "/types/llc/seq/1", None),
            ("control", "control", False, "/types/llc/seq/2", None),
            ("control_hi", "control_hi", False, "/types/llc/seq/3", None),
            ("snap", "snap", False, "/types/llc/seq/4", None),
            ("_m_is_snap", "is_snap", False, "/types/llc/instances/is_snap", None),
        )
        _m_is_snap = _PKT_UNSET

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
                _d = _io._io.read(3)
                if len(_d) < 3:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 3 bytes, but only %d bytes available" % len(_d), 3, len(_d)
                    )
                (
                    self.dsap,
                    self.ssap,
                    self.control,
                ) = _S2.unpack(_d)
                _s[0] = _p
                _p += 3
                _f = 3
                if (self.control & 3) != 3:
                    if _io.bits_left:
                        _io.align_to_byte()
                    _d = _io._io.read(1)
                    if len(_d) < 1:
                        raise _kaitaistruct.EndOfStreamError(
                            "requested 1 bytes, but only %d bytes available" % len(_d), 1, len(_d)
                        )
                    self.control_hi = _d[0]
                    _e = _p + 1
                    _s["control_hi"] = (_p, _e)
                    _p = _e
                else:
                    self.control_hi = None
                _f = 4
                if self.is_snap:
                    self.snap = Eth.Snap(_io, self, self._root)
                    _e = _io._io.tell()
                    _s["snap"] = (_p, _e)
                    _p = _e
                else:
                    self.snap = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        @property
        def is_snap(self):
            _v = self._m_is_snap
            if _v is not _PKT_UNSET:
                return _v
            _f = 5
            _p = None
            try:
                self._m_is_snap = (self.dsap == 170) and (self.ssap == 170)
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            return self._m_is_snap

    class Snap(_PktStruct):
        """Subnetwork Access Protocol header."""

        SEQ_FIELDS = ["oui", "protocol_id"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "oui": {
                "id": "oui",
                "spec_path": "/types/snap/seq/0",
                "kind": "seq",
                "type": "bytes",
                "size": 3,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {"display": "hex"},
            },
            "protocol_id": {
                "id": "protocol_id",
                "spec_path": "/types/snap/seq/1",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"oui": (0, 0, 3), "protocol_id": (0, 3, 2)}
        _PKT_SEQ = (
            ("oui", "oui", False, "/types/snap/seq/0", ((0, 3, 0, ">3s", 0), (3, 2, 1, ">H", 0))),
            ("protocol_id", "protocol_id", False, "/types/snap/seq/1", None),
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
                _d = _io._io.read(5)
                if len(_d) < 5:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 5 bytes, but only %d bytes available" % len(_d), 5, len(_d)
                    )
                (
                    self.oui,
                    self.protocol_id,
                ) = _S3.unpack(_d)
                _s[0] = _p
                _p += 5
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p
