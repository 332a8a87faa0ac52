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

_S0 = _struct.Struct(">HHH8sH")


class Sll(_PktStruct):
    """The pseudo link-layer header Linux writes for captures on "any" and on devices without a
    usable link header. `protocol` is an EtherType for most packets."""

    class PacketType(_IntEnum):
        host = 0
        broadcast = 1
        multicast = 2
        otherhost = 3
        outgoing = 4

    SEQ_FIELDS = ["packet_type", "arphrd_type", "addr_length", "addr", "protocol", "body"]
    _PKT_INSTANCES = ["src_addr"]
    _PKT_FIELDS = {
        "packet_type": {
            "id": "packet_type",
            "spec_path": "/seq/0",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": "Sll.PacketType",
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "arphrd_type": {
            "id": "arphrd_type",
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
        "addr_length": {
            "id": "addr_length",
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
        "addr": {
            "id": "addr",
            "spec_path": "/seq/3",
            "kind": "seq",
            "type": "bytes",
            "size": 8,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "hex"},
        },
        "protocol": {
            "id": "protocol",
            "spec_path": "/seq/4",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
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
        "src_addr": {
            "id": "src_addr",
            "spec_path": "/instances/src_addr",
            "kind": "instance",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "mac"},
        },
    }
    _PKT_HINTS = {
        "payload": {
            "field": "body",
            "next-on": ["protocol"],
            "next": {"2048": "ipv4", "2054": "arp", "34525": "ipv6"},
        },
        "linktypes": [113],
    }
    _PKT_RUNS = {
        "packet_type": (0, 0, 2),
        "arphrd_type": (0, 2, 2),
        "addr_length": (0, 4, 2),
        "addr": (0, 6, 8),
        "protocol": (0, 14, 2),
    }
    _PKT_SEQ = (
        (
            "packet_type",
            "packet_type",
            False,
            "/seq/0",
            (
                (0, 2, 0, ">H", 0),
                (2, 2, 1, ">H", 0),
                (4, 2, 2, ">H", 0),
                (6, 8, 3, ">8s", 0),
                (14, 2, 4, ">H", 0),
            ),
        ),
        ("arphrd_type", "arphrd_type", False, "/seq/1", None),
        ("addr_length", "addr_length", False, "/seq/2", None),
        ("addr", "addr", False, "/seq/3", None),
        ("protocol", "protocol", False, "/seq/4", None),
        ("body", "body", False, "/seq/5", None),
        ("_m_src_addr", "src_addr", False, "/instances/src_addr", None),
    )
    _m_src_addr = _PKT_UNSET
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
            _d = _io._io.read(16)
            if len(_d) < 16:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 16 bytes, but only %d bytes available" % len(_d), 16, len(_d)
                )
            (
                self.packet_type,
                self.arphrd_type,
                self.addr_length,
                self.addr,
                self.protocol,
            ) = _S0.unpack(_d)
            _s[0] = _p
            _p += 16
            self.packet_type = _EM0.get(self.packet_type, self.packet_type)
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

    def _pkt_read(self, _B, _o, _z, _p):
        self._pkt_s = _s = {}
        self._pkt_start = _p
        try:
            _f = 0
            if _p + 16 > _z:
                raise _pkt_eos(16, _z - _p)
            (
                self.packet_type,
                self.arphrd_type,
                self.addr_length,
                self.addr,
                self.protocol,
            ) = _S0.unpack_from(_B, _o + _p)
            _s[0] = _p
            _p += 16
            self.packet_type = _EM0.get(self.packet_type, self.packet_type)
            _f = 5
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
    def src_addr(self):
        """The used part of `addr`."""
        _v = self._m_src_addr
        if _v is not _PKT_UNSET:
            return _v
        _f = 6
        _p = None
        try:
            if not (self.addr_length >= 1):
                self._m_src_addr = None
                return None
            _io = self._io
            _s = self._pkt_s
            _old = _io.pos()
            _io.seek(6)
            _p = _io._io.tell()
            _n = self.addr_length if (self.addr_length <= 8) else 8
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
            self._m_src_addr = _r
            _e = _p + _n
            _s["@src_addr"] = (_io, (_p, _e))
            _p = _e
            _io.seek(_old)
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_src_addr


# switch tables (case value -> class) and enum value maps
_EM0 = getattr(Sll.PacketType, "_value2member_map_", None)
