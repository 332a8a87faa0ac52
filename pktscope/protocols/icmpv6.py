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

_S0 = _struct.Struct(">BBH")
_S1 = _struct.Struct(">I")
_S2 = _struct.Struct(">HH")
_S3 = _struct.Struct(">B")
_S4 = _struct.Struct(">HII")
_S5 = _struct.Struct(">I16s")
_S6 = _struct.Struct(">16s")
_S7 = _struct.Struct(">I16s16s")
_S8 = _struct.Struct(">BB")
_S9 = _struct.Struct(">III16s")
_S10 = _struct.Struct(">HI")


class Icmpv6(_PktStruct):
    """ICMPv6 message: type, code, checksum, then a body that depends on the type. Error messages
    (types 1-4) quote as much of the offending IPv6 packet as fits; the chain decodes it as
    `ipv6`. Neighbour discovery messages (133-137) carry TLV options (length in 8-byte units)."""

    class Icmpv6Type(_IntEnum):
        destination_unreachable = 1
        packet_too_big = 2
        time_exceeded = 3
        parameter_problem = 4
        echo_request = 128
        echo_reply = 129
        mld_query = 130
        mld_report = 131
        mld_done = 132
        router_solicitation = 133
        router_advertisement = 134
        neighbor_solicitation = 135
        neighbor_advertisement = 136
        redirect = 137
        mldv2_report = 143

    class NdOptionType(_IntEnum):
        source_link_layer_address = 1
        target_link_layer_address = 2
        prefix_information = 3
        redirected_header = 4
        mtu = 5
        recursive_dns_server = 25
        dns_search_list = 31

    SEQ_FIELDS = ["type", "code", "checksum", "msg"]
    _PKT_INSTANCES = ["body_offset"]
    _PKT_FIELDS = {
        "type": {
            "id": "type",
            "spec_path": "/seq/0",
            "kind": "seq",
            "type": "u1",
            "size": 1,
            "repeat": None,
            "enum": "Icmpv6.Icmpv6Type",
            "process": False,
            "hints": {},
        },
        "code": {
            "id": "code",
            "spec_path": "/seq/1",
            "kind": "seq",
            "type": "u1",
            "size": 1,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "checksum": {
            "id": "checksum",
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
        "msg": {
            "id": "msg",
            "spec_path": "/seq/3",
            "kind": "seq",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "cases": [
                "Icmpv6.ErrorMsg",
                "Icmpv6.Echo",
                "Icmpv6.RouterSolicitation",
                "Icmpv6.RouterAdvertisement",
                "Icmpv6.NeighborSolicitation",
                "Icmpv6.NeighborAdvertisement",
                "Icmpv6.Redirect",
            ],
        },
        "body_offset": {
            "id": "body_offset",
            "spec_path": "/instances/body_offset",
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
            "quoted": True,
            "offset": "body_offset",
            "next-on": ["type"],
            "next": {"1": "ipv6", "2": "ipv6", "3": "ipv6", "4": "ipv6"},
        }
    }
    _PKT_RUNS = {"type": (0, 0, 1), "code": (0, 1, 1), "checksum": (0, 2, 2)}
    _PKT_SEQ = (
        (
            "type",
            "type",
            False,
            "/seq/0",
            ((0, 1, 0, ">B", 0), (1, 1, 1, ">B", 0), (2, 2, 2, ">H", 0)),
        ),
        ("code", "code", False, "/seq/1", None),
        ("checksum", "checksum", False, "/seq/2", None),
        ("msg", "msg", False, "/seq/3", None),
        ("_m_body_offset", "body_offset", False, "/instances/body_offset", None),
    )
    _m_body_offset = _PKT_UNSET
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
            if _io.bits_left:
                _io.align_to_byte()
            _d = _io._io.read(4)
            if len(_d) < 4:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 4 bytes, but only %d bytes available" % len(_d), 4, len(_d)
                )
            (
                self.type,
                self.code,
                self.checksum,
            ) = _S0.unpack(_d)
            _s[0] = _p
            _p += 4
            self.type = _EM0.get(self.type, self.type)
            _f = 3
            _on = self.type
            _c = _SW0.get(_on)
            if _c is not None:
                if _io.bits_left:
                    _io.align_to_byte()
                _r = _io._io.read()
                _n = len(_r)
                _e = _p + _n
                _sub = _pkt_subio(_r, _io, _p)
                self.msg = _c(_sub, self, self._root)
                _s["msg"] = (_p, _e)
                _p = _e
            else:
                if _io.bits_left:
                    _io.align_to_byte()
                _r = _io._io.read()
                _n = len(_r)
                self.msg = _r
                _e = _p + _n
                _s["msg"] = (_p, _e)
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
            if _p + 4 > _z:
                raise _pkt_eos(4, _z - _p)
            (
                self.type,
                self.code,
                self.checksum,
            ) = _S0.unpack_from(_B, _o + _p)
            _s[0] = _p
            _p += 4
            self.type = _EM0.get(self.type, self.type)
            _f = 3
            _on = self.type
            _c = _SW0.get(_on)
            if _c is not None:
                _n = _z - _p
                _w = _pkt_new(_c)
                _w._parent = self
                _w._root = self._root
                _w._pkt_iv = (self, _p, _n)
                _w._pkt_read(_B, _o + _p, _n, 0)
                _e = _p + _n
                self.msg = _w
                _s["msg"] = (_p, _e)
                _p = _e
            else:
                _n = _z - _p
                _r = _B[_o + _p : _o + _p + _n]
                self.msg = _r
                _e = _p + _n
                _s["msg"] = (_p, _e)
                _p = _e
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        self._pkt_end = _p

    @property
    def body_offset(self):
        """Start of the quoted packet in an error message (after the 4-byte field)."""
        _v = self._m_body_offset
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_body_offset = _v = 8
        except Exception as _x:
            _pkt_fail(self, _x, 4, None)
            raise
        return _v

    class ErrorMsg(_PktStruct):
        """Error message body; `field` is unused / MTU (type 2) / pointer (type 4)."""

        SEQ_FIELDS = ["field", "invoking_packet"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "field": {
                "id": "field",
                "spec_path": "/types/error_msg/seq/0",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "invoking_packet": {
                "id": "invoking_packet",
                "spec_path": "/types/error_msg/seq/1",
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
        _PKT_RUNS = {"field": (0, 0, 4)}
        _PKT_SEQ = (
            ("field", "field", False, "/types/error_msg/seq/0", ((0, 4, 0, ">I", 0),)),
            ("invoking_packet", "invoking_packet", False, "/types/error_msg/seq/1", None),
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
                _d = _io._io.read(4)
                if len(_d) < 4:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 4 bytes, but only %d bytes available" % len(_d), 4, len(_d)
                    )
                (self.field,) = _S1.unpack(_d)
                _s[0] = _p
                _p += 4
                _f = 1
                if _io.bits_left:
                    _io.align_to_byte()
                _r = _io._io.read()
                _n = len(_r)
                self.invoking_packet = _r
                _e = _p + _n
                _s["invoking_packet"] = (_p, _e)
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
                if _p + 4 > _z:
                    raise _pkt_eos(4, _z - _p)
                (self.field,) = _S1.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 4
                _f = 1
                _n = _z - _p
                _r = _B[_o + _p : _o + _p + _n]
                self.invoking_packet = _r
                _e = _p + _n
                _s["invoking_packet"] = (_p, _e)
                _p = _e
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Echo(_PktStruct):
        SEQ_FIELDS = ["identifier", "seq_number", "data"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "identifier": {
                "id": "identifier",
                "spec_path": "/types/echo/seq/0",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "seq_number": {
                "id": "seq_number",
                "spec_path": "/types/echo/seq/1",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "data": {
                "id": "data",
                "spec_path": "/types/echo/seq/2",
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
        _PKT_RUNS = {"identifier": (0, 0, 2), "seq_number": (0, 2, 2)}
        _PKT_SEQ = (
            (
                "identifier",
                "identifier",
                False,
                "/types/echo/seq/0",
                ((0, 2, 0, ">H", 0), (2, 2, 1, ">H", 0)),
            ),
            ("seq_number", "seq_number", False, "/types/echo/seq/1", None),
            ("data", "data", False, "/types/echo/seq/2", None),
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
                _d = _io._io.read(4)
                if len(_d) < 4:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 4 bytes, but only %d bytes available" % len(_d), 4, len(_d)
                    )
                (
                    self.identifier,
                    self.seq_number,
                ) = _S2.unpack(_d)
                _s[0] = _p
                _p += 4
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
                if _p + 4 > _z:
                    raise _pkt_eos(4, _z - _p)
                (
                    self.identifier,
                    self.seq_number,
                ) = _S2.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 4
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

    class RouterSolicitation(_PktStruct):
        SEQ_FIELDS = ["reserved", "options"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "reserved": {
                "id": "reserved",
                "spec_path": "/types/router_solicitation/seq/0",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "options": {
                "id": "options",
                "spec_path": "/types/router_solicitation/seq/1",
                "kind": "seq",
                "type": "Icmpv6.NdOption",
                "size": None,
                "repeat": "eos",
                "enum": None,
                "process": False,
                "hints": {},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"reserved": (0, 0, 4)}
        _PKT_SEQ = (
            (
                "reserved",
                "reserved",
                False,
                "/types/router_solicitation/seq/0",
                ((0, 4, 0, ">I", 0),),
            ),
            ("options", "options", True, "/types/router_solicitation/seq/1", None),
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
                _d = _io._io.read(4)
                if len(_d) < 4:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 4 bytes, but only %d bytes available" % len(_d), 4, len(_d)
                    )
                (self.reserved,) = _S1.unpack(_d)
                _s[0] = _p
                _p += 4
                _f = 1
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while not _io.is_eof():
                    _q = _p
                    _t = Icmpv6.NdOption(_io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _p == _q and _io._io.tell() == _q:
                        raise _kaitaistruct.KaitaiStructError(
                            "repeated element consumed no bytes", "/types/router_solicitation/seq/1"
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
                if _p + 4 > _z:
                    raise _pkt_eos(4, _z - _p)
                (self.reserved,) = _S1.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 4
                _f = 1
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while _p < _z:
                    _q = _p
                    _w = _pkt_new(Icmpv6.NdOption)
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
                            "repeated element consumed no bytes", "/types/router_solicitation/seq/1"
                        )
                    i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class RouterAdvertisement(_PktStruct):
        SEQ_FIELDS = [
            "cur_hop_limit",
            "flag_managed",
            "flag_other",
            "flags_rest",
            "router_lifetime",
            "reachable_time",
            "retrans_timer",
            "options",
        ]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "cur_hop_limit": {
                "id": "cur_hop_limit",
                "spec_path": "/types/router_advertisement/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "flag_managed": {
                "id": "flag_managed",
                "spec_path": "/types/router_advertisement/seq/1",
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
            "flag_other": {
                "id": "flag_other",
                "spec_path": "/types/router_advertisement/seq/2",
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
            "flags_rest": {
                "id": "flags_rest",
                "spec_path": "/types/router_advertisement/seq/3",
                "kind": "seq",
                "type": "b6",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "bit_size": 6,
                "bit_endian": "be",
            },
            "router_lifetime": {
                "id": "router_lifetime",
                "spec_path": "/types/router_advertisement/seq/4",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "reachable_time": {
                "id": "reachable_time",
                "spec_path": "/types/router_advertisement/seq/5",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "retrans_timer": {
                "id": "retrans_timer",
                "spec_path": "/types/router_advertisement/seq/6",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "options": {
                "id": "options",
                "spec_path": "/types/router_advertisement/seq/7",
                "kind": "seq",
                "type": "Icmpv6.NdOption",
                "size": None,
                "repeat": "eos",
                "enum": None,
                "process": False,
                "hints": {},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {
            "cur_hop_limit": (0, 0, 1),
            "router_lifetime": (1, 0, 2),
            "reachable_time": (1, 2, 4),
            "retrans_timer": (1, 6, 4),
        }
        _PKT_BITS = {"flag_managed": (-1, 0, 1), "flag_other": (-1, 1, 1), "flags_rest": (-1, 2, 6)}
        _PKT_SEQ = (
            (
                "cur_hop_limit",
                "cur_hop_limit",
                False,
                "/types/router_advertisement/seq/0",
                ((0, 1, 0, ">B", 0),),
            ),
            ("flag_managed", "flag_managed", False, "/types/router_advertisement/seq/1", None),
            ("flag_other", "flag_other", False, "/types/router_advertisement/seq/2", None),
            ("flags_rest", "flags_rest", False, "/types/router_advertisement/seq/3", None),
            (
                "router_lifetime",
                "router_lifetime",
                False,
                "/types/router_advertisement/seq/4",
                ((0, 2, 4, ">H", 1), (2, 4, 5, ">I", 1), (6, 4, 6, ">I", 1)),
            ),
            ("reachable_time", "reachable_time", False, "/types/router_advertisement/seq/5", None),
            ("retrans_timer", "retrans_timer", False, "/types/router_advertisement/seq/6", None),
            ("options", "options", True, "/types/router_advertisement/seq/7", None),
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
                self.cur_hop_limit = _d[0]
                _s[0] = _p
                _p += 1
                _f = 1
                _q = _io._io.tell()
                _d = b"" if _io.bits_left else _io._io.read(1)
                if len(_d) == 1:
                    _x = _d[0]
                    _s[-1] = _q
                    self.flag_managed = (_x >> 7) != 0
                    self.flag_other = ((_x >> 6) & 0x1) != 0
                    self.flags_rest = _x & 0x3F
                    _p = _q + 1
                else:
                    if _d:
                        _io._io.seek(_q)
                    _f = 1
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_managed = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_managed"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 2
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_other = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_other"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 3
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flags_rest = _io.read_bits_int_be(6)
                    _p = _io._io.tell()
                    _s["flags_rest"] = (_b, _p * 8 - _io.bits_left, 6)
                _f = 4
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(10)
                if len(_d) < 10:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 10 bytes, but only %d bytes available" % len(_d), 10, len(_d)
                    )
                (
                    self.router_lifetime,
                    self.reachable_time,
                    self.retrans_timer,
                ) = _S4.unpack(_d)
                _s[1] = _p
                _p += 10
                _f = 7
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while not _io.is_eof():
                    _q = _p
                    _t = Icmpv6.NdOption(_io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _p == _q and _io._io.tell() == _q:
                        raise _kaitaistruct.KaitaiStructError(
                            "repeated element consumed no bytes",
                            "/types/router_advertisement/seq/7",
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
                if _p + 1 > _z:
                    raise _pkt_eos(1, _z - _p)
                self.cur_hop_limit = _B[_o + _p]
                _s[0] = _p
                _p += 1
                _f = 1
                _q = _p
                if _p + 1 <= _z:
                    _x = _B[_o + _p]
                    _s[-1] = _q
                    self.flag_managed = (_x >> 7) != 0
                    self.flag_other = ((_x >> 6) & 0x1) != 0
                    self.flags_rest = _x & 0x3F
                    _p = _q + 1
                else:
                    _io = self._io
                    _io.align_to_byte()
                    _io._io.seek(_p)
                    _f = 1
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_managed = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_managed"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 2
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_other = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_other"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 3
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flags_rest = _io.read_bits_int_be(6)
                    _p = _io._io.tell()
                    _s["flags_rest"] = (_b, _p * 8 - _io.bits_left, 6)
                _f = 4
                if _p + 10 > _z:
                    raise _pkt_eos(10, _z - _p)
                (
                    self.router_lifetime,
                    self.reachable_time,
                    self.retrans_timer,
                ) = _S4.unpack_from(_B, _o + _p)
                _s[1] = _p
                _p += 10
                _f = 7
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while _p < _z:
                    _q = _p
                    _w = _pkt_new(Icmpv6.NdOption)
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
                            "repeated element consumed no bytes",
                            "/types/router_advertisement/seq/7",
                        )
                    i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class NeighborSolicitation(_PktStruct):
        SEQ_FIELDS = ["reserved", "target_address", "options"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "reserved": {
                "id": "reserved",
                "spec_path": "/types/neighbor_solicitation/seq/0",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "target_address": {
                "id": "target_address",
                "spec_path": "/types/neighbor_solicitation/seq/1",
                "kind": "seq",
                "type": "bytes",
                "size": 16,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {"display": "ipv6"},
            },
            "options": {
                "id": "options",
                "spec_path": "/types/neighbor_solicitation/seq/2",
                "kind": "seq",
                "type": "Icmpv6.NdOption",
                "size": None,
                "repeat": "eos",
                "enum": None,
                "process": False,
                "hints": {},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"reserved": (0, 0, 4), "target_address": (0, 4, 16)}
        _PKT_SEQ = (
            (
                "reserved",
                "reserved",
                False,
                "/types/neighbor_solicitation/seq/0",
                ((0, 4, 0, ">I", 0), (4, 16, 1, ">16s", 0)),
            ),
            ("target_address", "target_address", False, "/types/neighbor_solicitation/seq/1", None),
            ("options", "options", True, "/types/neighbor_solicitation/seq/2", None),
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
                _d = _io._io.read(20)
                if len(_d) < 20:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 20 bytes, but only %d bytes available" % len(_d), 20, len(_d)
                    )
                (
                    self.reserved,
                    self.target_address,
                ) = _S5.unpack(_d)
                _s[0] = _p
                _p += 20
                _f = 2
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while not _io.is_eof():
                    _q = _p
                    _t = Icmpv6.NdOption(_io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _p == _q and _io._io.tell() == _q:
                        raise _kaitaistruct.KaitaiStructError(
                            "repeated element consumed no bytes",
                            "/types/neighbor_solicitation/seq/2",
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
                if _p + 20 > _z:
                    raise _pkt_eos(20, _z - _p)
                (
                    self.reserved,
                    self.target_address,
                ) = _S5.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 20
                _f = 2
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while _p < _z:
                    _q = _p
                    _w = _pkt_new(Icmpv6.NdOption)
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
                            "repeated element consumed no bytes",
                            "/types/neighbor_solicitation/seq/2",
                        )
                    i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class NeighborAdvertisement(_PktStruct):
        SEQ_FIELDS = [
            "flag_router",
            "flag_solicited",
            "flag_override",
            "reserved",
            "target_address",
            "options",
        ]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "flag_router": {
                "id": "flag_router",
                "spec_path": "/types/neighbor_advertisement/seq/0",
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
            "flag_solicited": {
                "id": "flag_solicited",
                "spec_path": "/types/neighbor_advertisement/seq/1",
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
            "flag_override": {
                "id": "flag_override",
                "spec_path": "/types/neighbor_advertisement/seq/2",
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
            "reserved": {
                "id": "reserved",
                "spec_path": "/types/neighbor_advertisement/seq/3",
                "kind": "seq",
                "type": "b29",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "bit_size": 29,
                "bit_endian": "be",
            },
            "target_address": {
                "id": "target_address",
                "spec_path": "/types/neighbor_advertisement/seq/4",
                "kind": "seq",
                "type": "bytes",
                "size": 16,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {"display": "ipv6"},
            },
            "options": {
                "id": "options",
                "spec_path": "/types/neighbor_advertisement/seq/5",
                "kind": "seq",
                "type": "Icmpv6.NdOption",
                "size": None,
                "repeat": "eos",
                "enum": None,
                "process": False,
                "hints": {},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"target_address": (0, 0, 16)}
        _PKT_BITS = {
            "flag_router": (-1, 0, 1),
            "flag_solicited": (-1, 1, 1),
            "flag_override": (-1, 2, 1),
            "reserved": (-1, 3, 29),
        }
        _PKT_SEQ = (
            ("flag_router", "flag_router", False, "/types/neighbor_advertisement/seq/0", None),
            (
                "flag_solicited",
                "flag_solicited",
                False,
                "/types/neighbor_advertisement/seq/1",
                None,
            ),
            ("flag_override", "flag_override", False, "/types/neighbor_advertisement/seq/2", None),
            ("reserved", "reserved", False, "/types/neighbor_advertisement/seq/3", None),
            (
                "target_address",
                "target_address",
                False,
                "/types/neighbor_advertisement/seq/4",
                ((0, 16, 4, ">16s", 0),),
            ),
            ("options", "options", True, "/types/neighbor_advertisement/seq/5", None),
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
                _d = b"" if _io.bits_left else _io._io.read(4)
                if len(_d) == 4:
                    _x = int.from_bytes(_d, "big")
                    _s[-1] = _q
                    self.flag_router = (_x >> 31) != 0
                    self.flag_solicited = ((_x >> 30) & 0x1) != 0
                    self.flag_override = ((_x >> 29) & 0x1) != 0
                    self.reserved = _x & 0x1FFFFFFF
                    _p = _q + 4
                else:
                    if _d:
                        _io._io.seek(_q)
                    _f = 0
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_router = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_router"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 1
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_solicited = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_solicited"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 2
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_override = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_override"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 3
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.reserved = _io.read_bits_int_be(29)
                    _p = _io._io.tell()
                    _s["reserved"] = (_b, _p * 8 - _io.bits_left, 29)
                _f = 4
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(16)
                if len(_d) < 16:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 16 bytes, but only %d bytes available" % len(_d), 16, len(_d)
                    )
                (self.target_address,) = _S6.unpack(_d)
                _s[0] = _p
                _p += 16
                _f = 5
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while not _io.is_eof():
                    _q = _p
                    _t = Icmpv6.NdOption(_io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _p == _q and _io._io.tell() == _q:
                        raise _kaitaistruct.KaitaiStructError(
                            "repeated element consumed no bytes",
                            "/types/neighbor_advertisement/seq/5",
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
                _q = _p
                if _p + 4 <= _z:
                    _x = int.from_bytes(_B[_o + _p : _o + _p + 4], "big")
                    _s[-1] = _q
                    self.flag_router = (_x >> 31) != 0
                    self.flag_solicited = ((_x >> 30) & 0x1) != 0
                    self.flag_override = ((_x >> 29) & 0x1) != 0
                    self.reserved = _x & 0x1FFFFFFF
                    _p = _q + 4
                else:
                    _io = self._io
                    _io.align_to_byte()
                    _io._io.seek(_p)
                    _f = 0
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_router = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_router"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 1
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_solicited = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_solicited"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 2
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_override = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_override"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 3
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.reserved = _io.read_bits_int_be(29)
                    _p = _io._io.tell()
                    _s["reserved"] = (_b, _p * 8 - _io.bits_left, 29)
                _f = 4
                if _p + 16 > _z:
                    raise _pkt_eos(16, _z - _p)
                (self.target_address,) = _S6.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 16
                _f = 5
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while _p < _z:
                    _q = _p
                    _w = _pkt_new(Icmpv6.NdOption)
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
                            "repeated element consumed no bytes",
                            "/types/neighbor_advertisement/seq/5",
                        )
                    i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Redirect(_PktStruct):
        SEQ_FIELDS = ["reserved", "target_address", "destination_address", "options"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "reserved": {
                "id": "reserved",
                "spec_path": "/types/redirect/seq/0",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "target_address": {
                "id": "target_address",
                "spec_path": "/types/redirect/seq/1",
                "kind": "seq",
                "type": "bytes",
                "size": 16,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {"display": "ipv6"},
            },
            "destination_address": {
                "id": "destination_address",
                "spec_path": "/types/redirect/seq/2",
                "kind": "seq",
                "type": "bytes",
                "size": 16,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {"display": "ipv6"},
            },
            "options": {
                "id": "options",
                "spec_path": "/types/redirect/seq/3",
                "kind": "seq",
                "type": "Icmpv6.NdOption",
                "size": None,
                "repeat": "eos",
                "enum": None,
                "process": False,
                "hints": {},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {
            "reserved": (0, 0, 4),
            "target_address": (0, 4, 16),
            "destination_address": (0, 20, 16),
        }
        _PKT_SEQ = (
            (
                "reserved",
                "reserved",
                False,
                "/types/redirect/seq/0",
                ((0, 4, 0, ">I", 0), (4, 16, 1, ">16s", 0), (20, 16, 2, ">16s", 0)),
            ),
            ("target_address", "target_address", False, "/types/redirect/seq/1", None),
            ("destination_address", "destination_address", False, "/types/redirect/seq/2", None),
            ("options", "options", True, "/types/redirect/seq/3", None),
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
                _d = _io._io.read(36)
                if len(_d) < 36:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 36 bytes, but only %d bytes available" % len(_d), 36, len(_d)
                    )
                (
                    self.reserved,
                    self.target_address,
                    self.destination_address,
                ) = _S7.unpack(_d)
                _s[0] = _p
                _p += 36
                _f = 3
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while not _io.is_eof():
                    _q = _p
                    _t = Icmpv6.NdOption(_io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _p == _q and _io._io.tell() == _q:
                        raise _kaitaistruct.KaitaiStructError(
                            "repeated element consumed no bytes", "/types/redirect/seq/3"
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
                if _p + 36 > _z:
                    raise _pkt_eos(36, _z - _p)
                (
                    self.reserved,
                    self.target_address,
                    self.destination_address,
                ) = _S7.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 36
                _f = 3
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while _p < _z:
                    _q = _p
                    _w = _pkt_new(Icmpv6.NdOption)
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
                            "repeated element consumed no bytes", "/types/redirect/seq/3"
                        )
                    i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class NdOption(_PktStruct):
        """Neighbour discovery option; `length` counts 8-byte units including type and length.
        A zero length is invalid (RFC 4861 4.6) and ends parsing with a validation error."""

        SEQ_FIELDS = ["type", "length", "body"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "type": {
                "id": "type",
                "spec_path": "/types/nd_option/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": "Icmpv6.NdOptionType",
                "process": False,
                "hints": {},
            },
            "length": {
                "id": "length",
                "spec_path": "/types/nd_option/seq/1",
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
                "spec_path": "/types/nd_option/seq/2",
                "kind": "seq",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "cases": ["Icmpv6.LinkLayerAddress", "Icmpv6.PrefixInformation", "Icmpv6.Mtu"],
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"type": (0, 0, 1), "length": (0, 1, 1)}
        _PKT_SEQ = (
            (
                "type",
                "type",
                False,
                "/types/nd_option/seq/0",
                ((0, 1, 0, ">B", 0), (1, 1, 1, None, 0)),
            ),
            ("length", "length", False, "/types/nd_option/seq/1", None),
            ("body", "body", False, "/types/nd_option/seq/2", None),
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
                    self.type,
                    self.length,
                ) = _S8.unpack(_d)
                _s[0] = _p
                self.type = _EM1.get(self.type, self.type)
                _f = 1
                _p = _s[0] + 1
                if self.length < 1:
                    raise _kaitaistruct.ValidationLessThanError(
                        1, self.length, self._io, "/types/nd_option/seq/1"
                    )
                _p = _s[0] + 2
                _f = 2
                _on = self.type
                _c = _SW1.get(_on)
                if _c is not None:
                    _n = (self.length * 8) - 2
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
                    _n = (self.length * 8) - 2
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
                    self.type,
                    self.length,
                ) = _S8.unpack_from(_B, _o + _p)
                _s[0] = _p
                self.type = _EM1.get(self.type, self.type)
                _f = 1
                _p = _s[0] + 1
                if self.length < 1:
                    raise _kaitaistruct.ValidationLessThanError(
                        1, self.length, self._io, "/types/nd_option/seq/1"
                    )
                _p = _s[0] + 2
                _f = 2
                _on = self.type
                _c = _SW1.get(_on)
                if _c is not None:
                    _n = (self.length * 8) - 2
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
                    _n = (self.length * 8) - 2
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

    class LinkLayerAddress(_PktStruct):
        SEQ_FIELDS = ["address"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "address": {
                "id": "address",
                "spec_path": "/types/link_layer_address/seq/0",
                "kind": "seq",
                "type": "bytes",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {"display": "mac"},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {}
        _PKT_SEQ = (("address", "address", False, "/types/link_layer_address/seq/0", None),)

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
                _r = _io._io.read()
                _n = len(_r)
                self.address = _r
                _e = _p + _n
                _s["address"] = (_p, _e)
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
                _n = _z - _p
                _r = _B[_o + _p : _o + _p + _n]
                self.address = _r
                _e = _p + _n
                _s["address"] = (_p, _e)
                _p = _e
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class PrefixInformation(_PktStruct):
        SEQ_FIELDS = [
            "prefix_length",
            "flag_on_link",
            "flag_autonomous",
            "reserved1",
            "valid_lifetime",
            "preferred_lifetime",
            "reserved2",
            "prefix",
        ]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "prefix_length": {
                "id": "prefix_length",
                "spec_path": "/types/prefix_information/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "flag_on_link": {
                "id": "flag_on_link",
                "spec_path": "/types/prefix_information/seq/1",
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
            "flag_autonomous": {
                "id": "flag_autonomous",
                "spec_path": "/types/prefix_information/seq/2",
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
            "reserved1": {
                "id": "reserved1",
                "spec_path": "/types/prefix_information/seq/3",
                "kind": "seq",
                "type": "b6",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "bit_size": 6,
                "bit_endian": "be",
            },
            "valid_lifetime": {
                "id": "valid_lifetime",
                "spec_path": "/types/prefix_information/seq/4",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "preferred_lifetime": {
                "id": "preferred_lifetime",
                "spec_path": "/types/prefix_information/seq/5",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "reserved2": {
                "id": "reserved2",
                "spec_path": "/types/prefix_information/seq/6",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "prefix": {
                "id": "prefix",
                "spec_path": "/types/prefix_information/seq/7",
                "kind": "seq",
                "type": "bytes",
                "size": 16,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {"display": "ipv6"},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {
            "prefix_length": (0, 0, 1),
            "valid_lifetime": (1, 0, 4),
            "preferred_lifetime": (1, 4, 4),
            "reserved2": (1, 8, 4),
            "prefix": (1, 12, 16),
        }
        _PKT_BITS = {
            "flag_on_link": (-1, 0, 1),
            "flag_autonomous": (-1, 1, 1),
            "reserved1": (-1, 2, 6),
        }
        _PKT_SEQ = (
            (
                "prefix_length",
                "prefix_length",
                False,
                "/types/prefix_information/seq/0",
                ((0, 1, 0, ">B", 0),),
            ),
            ("flag_on_link", "flag_on_link", False, "/types/prefix_information/seq/1", None),
            ("flag_autonomous", "flag_autonomous", False, "/types/prefix_information/seq/2", None),
            ("reserved1", "reserved1", False, "/types/prefix_information/seq/3", None),
            (
                "valid_lifetime",
                "valid_lifetime",
                False,
                "/types/prefix_information/seq/4",
                (
                    (0, 4, 4, ">I", 1),
                    (4, 4, 5, ">I", 1),
                    (8, 4, 6, ">I", 1),
                    (12, 16, 7, ">16s", 1),
                ),
            ),
            (
                "preferred_lifetime",
                "preferred_lifetime",
                False,
                "/types/prefix_information/seq/5",
                None,
            ),
            ("reserved2", "reserved2", False, "/types/prefix_information/seq/6", None),
            ("prefix", "prefix", False, "/types/prefix_information/seq/7", None),
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
                self.prefix_length = _d[0]
                _s[0] = _p
                _p += 1
                _f = 1
                _q = _io._io.tell()
                _d = b"" if _io.bits_left else _io._io.read(1)
                if len(_d) == 1:
                    _x = _d[0]
                    _s[-1] = _q
                    self.flag_on_link = (_x >> 7) != 0
                    self.flag_autonomous = ((_x >> 6) & 0x1) != 0
                    self.reserved1 = _x & 0x3F
                    _p = _q + 1
                else:
                    if _d:
                        _io._io.seek(_q)
                    _f = 1
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_on_link = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_on_link"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 2
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_autonomous = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_autonomous"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 3
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.reserved1 = _io.read_bits_int_be(6)
                    _p = _io._io.tell()
                    _s["reserved1"] = (_b, _p * 8 - _io.bits_left, 6)
                _f = 4
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(28)
                if len(_d) < 28:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 28 bytes, but only %d bytes available" % len(_d), 28, len(_d)
                    )
                (
                    self.valid_lifetime,
                    self.preferred_lifetime,
                    self.reserved2,
                    self.prefix,
                ) = _S9.unpack(_d)
                _s[1] = _p
                _p += 28
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
                self.prefix_length = _B[_o + _p]
                _s[0] = _p
                _p += 1
                _f = 1
                _q = _p
                if _p + 1 <= _z:
                    _x = _B[_o + _p]
                    _s[-1] = _q
                    self.flag_on_link = (_x >> 7) != 0
                    self.flag_autonomous = ((_x >> 6) & 0x1) != 0
                    self.reserved1 = _x & 0x3F
                    _p = _q + 1
                else:
                    _io = self._io
                    _io.align_to_byte()
                    _io._io.seek(_p)
                    _f = 1
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_on_link = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_on_link"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 2
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.flag_autonomous = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["flag_autonomous"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 3
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.reserved1 = _io.read_bits_int_be(6)
                    _p = _io._io.tell()
                    _s["reserved1"] = (_b, _p * 8 - _io.bits_left, 6)
                _f = 4
                if _p + 28 > _z:
                    raise _pkt_eos(28, _z - _p)
                (
                    self.valid_lifetime,
                    self.preferred_lifetime,
                    self.reserved2,
                    self.prefix,
                ) = _S9.unpack_from(_B, _o + _p)
                _s[1] = _p
                _p += 28
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Mtu(_PktStruct):
        SEQ_FIELDS = ["reserved", "mtu"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "reserved": {
                "id": "reserved",
                "spec_path": "/types/mtu/seq/0",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "mtu": {
                "id": "mtu",
                "spec_path": "/types/mtu/seq/1",
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
        _PKT_RUNS = {"reserved": (0, 0, 2), "mtu": (0, 2, 4)}
        _PKT_SEQ = (
            (
                "reserved",
                "reserved",
                False,
                "/types/mtu/seq/0",
                ((0, 2, 0, ">H", 0), (2, 4, 1, ">I", 0)),
            ),
            ("mtu", "mtu", False, "/types/mtu/seq/1", None),
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
                _d = _io._io.read(6)
                if len(_d) < 6:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 6 bytes, but only %d bytes available" % len(_d), 6, len(_d)
                    )
                (
                    self.reserved,
                    self.mtu,
                ) = _S10.unpack(_d)
                _s[0] = _p
                _p += 6
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _p + 6 > _z:
                    raise _pkt_eos(6, _z - _p)
                (
                    self.reserved,
                    self.mtu,
                ) = _S10.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 6
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p


# switch tables (case value -> class) and enum value maps
_EM0 = getattr(Icmpv6.Icmpv6Type, "_value2member_map_", None)
_SW0 = {
    1: Icmpv6.ErrorMsg,
    2: Icmpv6.ErrorMsg,
    3: Icmpv6.ErrorMsg,
    4: Icmpv6.ErrorMsg,
    128: Icmpv6.Echo,
    129: Icmpv6.Echo,
    133: Icmpv6.RouterSolicitation,
    134: Icmpv6.RouterAdvertisement,
    135: Icmpv6.NeighborSolicitation,
    136: Icmpv6.NeighborAdvertisement,
    137: Icmpv6.Redirect,
}
_EM1 = getattr(Icmpv6.NdOptionType, "_value2member_map_", None)
_SW1 = {
    1: Icmpv6.LinkLayerAddress,
    2: Icmpv6.LinkLayerAddress,
    3: Icmpv6.PrefixInformation,
    5: Icmpv6.Mtu,
}
