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
_S1 = _struct.Struct(">HH")
_S2 = _struct.Struct(">4s")


class Icmp(_PktStruct):
    """ICMP message: type, code, checksum, the 4-byte rest of header (interpreted per type), and
    the data. For error messages (destination unreachable, source quench, redirect, time
    exceeded, parameter problem) the data is the offending datagram's IPv4 header plus its
    first 8 bytes; the chain decodes it as `ipv4` (and that header's payload), as Wireshark does."""

    class IcmpType(_IntEnum):
        echo_reply = 0
        destination_unreachable = 3
        source_quench = 4
        redirect = 5
        echo_request = 8
        router_advertisement = 9
        router_solicitation = 10
        time_exceeded = 11
        parameter_problem = 12
        timestamp = 13
        timestamp_reply = 14
        information_request = 15
        information_reply = 16
        address_mask_request = 17
        address_mask_reply = 18

    SEQ_FIELDS = ["type", "code", "checksum", "rest_of_header", "body"]
    _PKT_INSTANCES = ["is_error"]
    _PKT_FIELDS = {
        "type": {
            "id": "type",
            "spec_path": "/seq/0",
            "kind": "seq",
            "type": "u1",
            "size": 1,
            "repeat": None,
            "enum": "Icmp.IcmpType",
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
        "rest_of_header": {
            "id": "rest_of_header",
            "spec_path": "/seq/3",
            "kind": "seq",
            "type": None,
            "size": 4,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "cases": [
                "Icmp.Echo",
                "Icmp.Redirect",
                "Icmp.Unreachable",
                "Icmp.ParameterProblem",
                "Icmp.RouterAdvertisement",
            ],
        },
        "body": {
            "id": "body",
            "spec_path": "/seq/4",
            "kind": "seq",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "is_error": {
            "id": "is_error",
            "spec_path": "/instances/is_error",
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
            "field": "body",
            "next-on": ["type"],
            "next": {"3": "ipv4", "4": "ipv4", "5": "ipv4", "11": "ipv4", "12": "ipv4"},
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
        ("rest_of_header", "rest_of_header", False, "/seq/3", None),
        ("body", "body", False, "/seq/4", None),
        ("_m_is_error", "is_error", False, "/instances/is_error", None),
    )
    _m_is_error = _PKT_UNSET
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
                _n = 4
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
                self.rest_of_header = _c(_sub, self, self._root)
                _s["rest_of_header"] = (_p, _e)
                _p = _e
            else:
                _n = 4
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
                self.rest_of_header = _r
                _e = _p + _n
                _s["rest_of_header"] = (_p, _e)
                _p = _e
            _f = 4
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
                _n = 4
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
                self.rest_of_header = _w
                _s["rest_of_header"] = (_p, _e)
                _p = _e
            else:
                _n = 4
                if _n < 0:
                    self._io.read_bytes(_n)  # the stream's own error
                if _p + _n > _z:
                    raise _pkt_eos(_n, _z - _p)
                _r = _B[_o + _p : _o + _p + _n]
                self.rest_of_header = _r
                _e = _p + _n
                _s["rest_of_header"] = (_p, _e)
                _p = _e
            _f = 4
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
    def is_error(self):
        """True for error messages, whose data quotes an IPv4 header + 8 bytes."""
        _v = self._m_is_error
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_is_error = _v = (
                (((self.type == 3) or (self.type == 4)) or (self.type == 5)) or (self.type == 11)
            ) or (self.type == 12)
        except Exception as _x:
            _pkt_fail(self, _x, 5, None)
            raise
        return _v

    class Echo(_PktStruct):
        """Identifier and sequence number (echo, timestamp, address mask, information)."""

        SEQ_FIELDS = ["identifier", "seq_number"]
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
                ) = _S1.unpack(_d)
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
                if _p + 4 > _z:
                    raise _pkt_eos(4, _z - _p)
                (
                    self.identifier,
                    self.seq_number,
                ) = _S1.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 4
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Redirect(_PktStruct):
        SEQ_FIELDS = ["gateway"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "gateway": {
                "id": "gateway",
                "spec_path": "/types/redirect/seq/0",
                "kind": "seq",
                "type": "bytes",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {"display": "ipv4"},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"gateway": (0, 0, 4)}
        _PKT_SEQ = (("gateway", "gateway", False, "/types/redirect/seq/0", ((0, 4, 0, ">4s", 0),)),)

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
                (self.gateway,) = _S2.unpack(_d)
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
                if _p + 4 > _z:
                    raise _pkt_eos(4, _z - _p)
                (self.gateway,) = _S2.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 4
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Unreachable(_PktStruct):
        SEQ_FIELDS = ["unused", "length", "next_hop_mtu"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "unused": {
                "id": "unused",
                "spec_path": "/types/unreachable/seq/0",
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
                "spec_path": "/types/unreachable/seq/1",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "next_hop_mtu": {
                "id": "next_hop_mtu",
                "spec_path": "/types/unreachable/seq/2",
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
        _PKT_RUNS = {"unused": (0, 0, 1), "length": (0, 1, 1), "next_hop_mtu": (0, 2, 2)}
        _PKT_SEQ = (
            (
                "unused",
                "unused",
                False,
                "/types/unreachable/seq/0",
                ((0, 1, 0, ">B", 0), (1, 1, 1, ">B", 0), (2, 2, 2, ">H", 0)),
            ),
            ("length", "length", False, "/types/unreachable/seq/1", None),
            ("next_hop_mtu", "next_hop_mtu", False, "/types/unreachable/seq/2", None),
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
                    self.unused,
                    self.length,
                    self.next_hop_mtu,
                ) = _S0.unpack(_d)
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
                if _p + 4 > _z:
                    raise _pkt_eos(4, _z - _p)
                (
                    self.unused,
                    self.length,
                    self.next_hop_mtu,
                ) = _S0.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 4
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class ParameterProblem(_PktStruct):
        SEQ_FIELDS = ["pointer", "length", "unused"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "pointer": {
                "id": "pointer",
                "spec_path": "/types/parameter_problem/seq/0",
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
                "spec_path": "/types/parameter_problem/seq/1",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "unused": {
                "id": "unused",
                "spec_path": "/types/parameter_problem/seq/2",
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
        _PKT_RUNS = {"pointer": (0, 0, 1), "length": (0, 1, 1), "unused": (0, 2, 2)}
        _PKT_SEQ = (
            (
                "pointer",
                "pointer",
                False,
                "/types/parameter_problem/seq/0",
                ((0, 1, 0, ">B", 0), (1, 1, 1, ">B", 0), (2, 2, 2, ">H", 0)),
            ),
            ("length", "length", False, "/types/parameter_problem/seq/1", None),
            ("unused", "unused", False, "/types/parameter_problem/seq/2", None),
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
                    self.pointer,
                    self.length,
                    self.unused,
                ) = _S0.unpack(_d)
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
                if _p + 4 > _z:
                    raise _pkt_eos(4, _z - _p)
                (
                    self.pointer,
                    self.length,
                    self.unused,
                ) = _S0.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 4
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class RouterAdvertisement(_PktStruct):
        SEQ_FIELDS = ["num_addrs", "addr_entry_size", "lifetime"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "num_addrs": {
                "id": "num_addrs",
                "spec_path": "/types/router_advertisement/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "addr_entry_size": {
                "id": "addr_entry_size",
                "spec_path": "/types/router_advertisement/seq/1",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "lifetime": {
                "id": "lifetime",
                "spec_path": "/types/router_advertisement/seq/2",
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
        _PKT_RUNS = {"num_addrs": (0, 0, 1), "addr_entry_size": (0, 1, 1), "lifetime": (0, 2, 2)}
        _PKT_SEQ = (
            (
                "num_addrs",
                "num_addrs",
                False,
                "/types/router_advertisement/seq/0",
                ((0, 1, 0, ">B", 0), (1, 1, 1, ">B", 0), (2, 2, 2, ">H", 0)),
            ),
            (
                "addr_entry_size",
                "addr_entry_size",
                False,
                "/types/router_advertisement/seq/1",
                None,
            ),
            ("lifetime", "lifetime", False, "/types/router_advertisement/seq/2", None),
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
                    self.num_addrs,
                    self.addr_entry_size,
                    self.lifetime,
                ) = _S0.unpack(_d)
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
                if _p + 4 > _z:
                    raise _pkt_eos(4, _z - _p)
                (
                    self.num_addrs,
                    self.addr_entry_size,
                    self.lifetime,
                ) = _S0.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 4
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p


# switch tables (case value -> class) and enum value maps
_EM0 = getattr(Icmp.IcmpType, "_value2member_map_", None)
_SW0 = {
    0: Icmp.Echo,
    8: Icmp.Echo,
    13: Icmp.Echo,
    14: Icmp.Echo,
    17: Icmp.Echo,
    18: Icmp.Echo,
    15: Icmp.Echo,
    16: Icmp.Echo,
    5: Icmp.Redirect,
    3: Icmp.Unreachable,
    12: Icmp.ParameterProblem,
    9: Icmp.RouterAdvertisement,
}
