# This is a generated file! Please edit the source .ksy file and rebuild with `pktscope compile`. @generated
# type: ignore
# ruff: noqa
import struct as _struct
import kaitaistruct as _kaitaistruct
from enum import IntEnum as _IntEnum
from kaitaistruct import BytesIO as _BytesIO
from kaitaistruct import KaitaiStream as _KaitaiStream
from kaitaistruct import KaitaiStruct as _KaitaiStruct

from pktscope.protocols._pkt_runtime import (
    _ks_str,
    _ks_div,
    _ks_xor,
    _ks_enum,
    _PKT_UNSET,
    _PktSubStream,
    _PktBufStream,
    _pkt_subio,
    _pkt_subof,
    _pkt_new,
    _pkt_resync,
    _pkt_eos,
    _pkt_enter,
    _pkt_iosize,
    _pkt_where,
    _pkt_force,
    _pkt_sub,
    _pkt_arr_span,
    _pkt_abs,
    _PktLazyIo,
    _PktStruct,
    _pkt_fail,
    _pkt_partial_run,
    _pkt_drop_after,
    _pkt_enum_of,
    _pkt_show,
    _pkt_valid_msg,
    _pkt_bit_byte,
    _pkt_jump_past_end,
    _pkt_translate,
)

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
    _PKT_INSTANCES = [
        "has_ext",
        "payload_protocol",
        "is_first_fragment",
        "decodes_payload",
        "payload_end",
    ]
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
        "decodes_payload": {
            "id": "decodes_payload",
            "spec_path": "/instances/decodes_payload",
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
            "when": "decodes_payload",
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
    _PKT_BITS = {"version": (-1, 0, 4), "traffic_class": (-1, 4, 8), "flow_label": (-1, 12, 20)}
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
        ("_m_decodes_payload", "decodes_payload", False, "/instances/decodes_payload", None),
        ("_m_payload_end", "payload_end", False, "/instances/payload_end", None),
    )
    _m_has_ext = _PKT_UNSET
    _m_payload_protocol = _PKT_UNSET
    _m_is_first_fragment = _PKT_UNSET
    _m_decodes_payload = _PKT_UNSET
    _m_payload_end = _PKT_UNSET
    _pkt_root_ok = True  # from_bytes reads from the buffer

    def __init__(self, _io, _parent=None, _root=None):
        self._io = _io
        self._parent = _parent
        self._root = _root if _root is not None else self
        self._read()

    def _read(self):
        if _pkt_enter(self):
            return
        _io = self._io
        self._pkt_s = _s = {}
        self._pkt_start = _p = _io._io.tell()
        try:
            _f = 0
            _q = _io._io.tell()
            _d = b"" if _io.bits_left else _io._io.read(4)
            if len(_d) == 4:
                _x = int.from_bytes(_d, "big")
                _s[-1] = _q
                self.version = _x >> 28
                self.traffic_class = (_x >> 20) & 0xFF
                self.flow_label = _x & 0xFFFFF
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

    def _pkt_read(self, _B, _o, _z, _p):
        self._pkt_s = _s = {}
        self._pkt_start = _p
        try:
            _f = 0
            _q = _p
            if _p + 4 <= _z:
                _x = int.from_bytes(_B[_o + _p : _o + _p + 4], "big")
                _s[-1] = _q
                self.version = _x >> 28
                self.traffic_class = (_x >> 20) & 0xFF
                self.flow_label = _x & 0xFFFFF
                _p = _q + 4
            else:
                _io = self._io
                _io.align_to_byte()
                _io._io.seek(_p)
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
            if _p + 36 > _z:
                raise _pkt_eos(36, _z - _p)
            (
                self.payload_length,
                self.next_header,
                self.hop_limit,
                self.src,
                self.dst,
            ) = _S0.unpack_from(_B, _o + _p)
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
                    _w = _pkt_new(Ipv6.ExtHeader)
                    _w._parent = self
                    _w._root = self._root
                    _w.header_type = (
                        int(self.next_header)
                        if (i == 0)
                        else int(self.ext_headers[(i - 1)].next_header)
                    )
                    _w.later_fragment_before = (
                        False if (i == 0) else self.ext_headers[(i - 1)].later_fragment
                    )
                    _w._pkt_iv = self
                    _w._pkt_read(_B, _o, _z, _p)
                    _e = _w._pkt_end
                    _t = _w
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if not _t.next_is_ext:
                        break
                    i += 1
            else:
                self.ext_headers = None
            _f = 9
            _n = _z - _p
            _r = _B[_o + _p : _o + _p + _n]
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
        try:
            self._m_has_ext = _v = (
                (
                    ((int(self.next_header) == 0) or (int(self.next_header) == 43))
                    or (int(self.next_header) == 44)
                )
                or (int(self.next_header) == 60)
            ) or (int(self.next_header) == 51)
        except Exception as _x:
            _pkt_fail(self, _x, 10, None)
            raise
        return _v

    @property
    def payload_protocol(self):
        """Next Header value after the extension-header chain (the upper-layer protocol)."""
        _v = self._m_payload_protocol
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_payload_protocol = _v = _ks_enum(
                Ipv6.NextHeader,
                (self.ext_headers[-1].next_header if self.has_ext else self.next_header),
            )
        except Exception as _x:
            _pkt_fail(self, _x, 11, None)
            raise
        return _v

    @property
    def is_first_fragment(self):
        """False when a fragment header has a non-zero offset."""
        _v = self._m_is_first_fragment
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_is_first_fragment = _v = (
                (not self.ext_headers[-1].later_fragment) if self.has_ext else True
            )
        except Exception as _x:
            _pkt_fail(self, _x, 12, None)
            raise
        return _v

    @property
    def decodes_payload(self):
        """The chain decodes the payload (not a later fragment, not a header of another version)."""
        _v = self._m_decodes_payload
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_decodes_payload = _v = self.is_first_fragment and (self.version == 6)
        except Exception as _x:
            _pkt_fail(self, _x, 13, None)
            raise
        return _v

    @property
    def payload_end(self):
        """Declared end of the payload in this layer's bytes."""
        _v = self._m_payload_end
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_payload_end = _v = 40 + self.payload_length
        except Exception as _x:
            _pkt_fail(self, _x, 14, None)
            raise
        return _v

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
                "cases": ["Ipv6.OptionsHeader", "Ipv6.RoutingHeader", "Ipv6.FragmentHeader"],
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
            if _pkt_enter(self):
                return
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
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

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _p + 2 > _z:
                    raise _pkt_eos(2, _z - _p)
                (
                    self.next_header,
                    self.hdr_ext_len,
                ) = _S1.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 2
                self.next_header = _EM0.get(self.next_header, self.next_header)
                _f = 2
                _on = self.header_type
                _c = _SW0.get(_on)
                if _c is not None:
                    _n = self.body_size
                    if _n < 0:
                        self._io.read_bytes(_n)  # the stream's own error
                    if _p + _n > _z:
                        raise _pkt_eos(_n, _z - _p)
                    _w = _pkt_new(_c)
                    _w._parent = self
                    _w._root = self._root
                    _w._pkt_iv = (self, _p, _n)
                    _w._pkt_read(_B, _o + _p, _n, 0)
                    _e = _p + _n
                    self.body = _w
                    _s["body"] = (_p, _e)
                    _p = _e
                else:
                    _n = self.body_size
                    if _n < 0:
                        self._io.read_bytes(_n)  # the stream's own error
                    if _p + _n > _z:
                        raise _pkt_eos(_n, _z - _p)
                    _r = _B[_o + _p : _o + _p + _n]
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
            try:
                self._m_body_size = _v = (
                    6
                    if (self.header_type == 44)
                    else (
                        ((self.hdr_ext_len * 4) + 6)
                        if (self.header_type == 51)
                        else ((self.hdr_ext_len * 8) + 6)
                    )
                )
            except Exception as _x:
                _pkt_fail(self, _x, 3, None)
                raise
            return _v

        @property
        def next_is_ext(self):
            _v = self._m_next_is_ext
            if _v is not _PKT_UNSET:
                return _v
            try:
                self._m_next_is_ext = _v = (
                    (
                        ((int(self.next_header) == 0) or (int(self.next_header) == 43))
                        or (int(self.next_header) == 44)
                    )
                    or (int(self.next_header) == 60)
                ) or (int(self.next_header) == 51)
            except Exception as _x:
                _pkt_fail(self, _x, 4, None)
                raise
            return _v

        @property
        def later_fragment(self):
            _v = self._m_later_fragment
            if _v is not _PKT_UNSET:
                return _v
            try:
                self._m_later_fragment = _v = self.later_fragment_before or (
                    (self.header_type == 44) and (self.body.fragment_offset != 0)
                )
            except Exception as _x:
                _pkt_fail(self, _x, 5, None)
                raise
            return _v

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
            if _pkt_enter(self):
                return
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
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

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while _p < _z:
                    _q = _p
                    _w = _pkt_new(Ipv6.TlvOption)
                    _w._parent = self
                    _w._root = self._root
                    _w._pkt_iv = self
                    _w._pkt_read(_B, _o, _z, _p)
                    _e = _w._pkt_end
                    _t = _w
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _p == _q:
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
            if _pkt_enter(self):
                return
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
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

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _p + 1 > _z:
                    raise _pkt_eos(1, _z - _p)
                self.type = _B[_o + _p]
                _s[0] = _p
                _p += 1
                _f = 1
                if self.type != 0:
                    if _p + 1 > _z:
                        raise _pkt_eos(1, _z - _p)
                    self.length = _B[_o + _p]
                    _e = _p + 1
                    _s["length"] = (_p, _e)
                    _p = _e
                else:
                    self.length = None
                _f = 2
                if self.type != 0:
                    _n = self.length
                    if _p + _n > _z:
                        raise _pkt_eos(_n, _z - _p)
                    _r = _B[_o + _p : _o + _p + _n]
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
            if _pkt_enter(self):
                return
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
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

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _p + 2 > _z:
                    raise _pkt_eos(2, _z - _p)
                (
                    self.routing_type,
                    self.segments_left,
                ) = _S1.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 2
                _f = 2
                _n = _z - _p
                _r = _B[_o + _p : _o + _p + _n]
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
        _PKT_BITS = {
            "fragment_offset": (-1, 0, 13),
            "reserved": (-1, 13, 2),
            "more_fragments": (-1, 15, 1),
        }
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
            if _pkt_enter(self):
                return
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
            try:
                _f = 0
                _q = _io._io.tell()
                _d = b"" if _io.bits_left else _io._io.read(2)
                if len(_d) == 2:
                    _x = int.from_bytes(_d, "big")
                    _s[-1] = _q
                    self.fragment_offset = _x >> 3
                    self.reserved = (_x >> 1) & 0x3
                    self.more_fragments = (_x & 0x1) != 0
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

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                _q = _p
                if _p + 2 <= _z:
                    _x = int.from_bytes(_B[_o + _p : _o + _p + 2], "big")
                    _s[-1] = _q
                    self.fragment_offset = _x >> 3
                    self.reserved = (_x >> 1) & 0x3
                    self.more_fragments = (_x & 0x1) != 0
                    _p = _q + 2
                else:
                    _io = self._io
                    _io.align_to_byte()
                    _io._io.seek(_p)
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
                if _p + 4 > _z:
                    raise _pkt_eos(4, _z - _p)
                (self.identification,) = _S3.unpack_from(_B, _o + _p)
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
