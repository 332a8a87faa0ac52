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

_S0 = _struct.Struct(">HHBBH")


class Arp(_PktStruct):
    """ARP packet (also RARP). Hardware and protocol addresses are `hlen` / `plen` bytes long;
    for Ethernet + IPv4 they are 6 and 4 bytes."""

    class HardwareType(_IntEnum):
        ethernet = 1
        ieee802 = 6
        frame_relay = 15
        atm = 16
        serial = 20
        infiniband = 32

    class Opcode(_IntEnum):
        request = 1
        reply = 2
        reverse_request = 3
        reverse_reply = 4
        inarp_request = 8
        inarp_reply = 9

    SEQ_FIELDS = [
        "htype",
        "ptype",
        "hlen",
        "plen",
        "opcode",
        "sender_mac",
        "sender_ip",
        "target_mac",
        "target_ip",
    ]
    _PKT_INSTANCES = []
    _PKT_FIELDS = {
        "htype": {
            "id": "htype",
            "spec_path": "/seq/0",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": "Arp.HardwareType",
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "ptype": {
            "id": "ptype",
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
        "hlen": {
            "id": "hlen",
            "spec_path": "/seq/2",
            "kind": "seq",
            "type": "u1",
            "size": 1,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "plen": {
            "id": "plen",
            "spec_path": "/seq/3",
            "kind": "seq",
            "type": "u1",
            "size": 1,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "opcode": {
            "id": "opcode",
            "spec_path": "/seq/4",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": "Arp.Opcode",
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "sender_mac": {
            "id": "sender_mac",
            "spec_path": "/seq/5",
            "kind": "seq",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "mac"},
        },
        "sender_ip": {
            "id": "sender_ip",
            "spec_path": "/seq/6",
            "kind": "seq",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "ipv4"},
        },
        "target_mac": {
            "id": "target_mac",
            "spec_path": "/seq/7",
            "kind": "seq",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "mac"},
        },
        "target_ip": {
            "id": "target_ip",
            "spec_path": "/seq/8",
            "kind": "seq",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "ipv4"},
        },
    }
    _PKT_HINTS = {}
    _PKT_RUNS = {
        "htype": (0, 0, 2),
        "ptype": (0, 2, 2),
        "hlen": (0, 4, 1),
        "plen": (0, 5, 1),
        "opcode": (0, 6, 2),
    }
    _PKT_SEQ = (
        (
            "htype",
            "htype",
            False,
            "/seq/0",
            (
                (0, 2, 0, ">H", 0),
                (2, 2, 1, ">H", 0),
                (4, 1, 2, ">B", 0),
                (5, 1, 3, ">B", 0),
                (6, 2, 4, ">H", 0),
            ),
        ),
        ("ptype", "ptype", False, "/seq/1", None),
        ("hlen", "hlen", False, "/seq/2", None),
        ("plen", "plen", False, "/seq/3", None),
        ("opcode", "opcode", False, "/seq/4", None),
        ("sender_mac", "sender_mac", False, "/seq/5", None),
        ("sender_ip", "sender_ip", False, "/seq/6", None),
        ("target_mac", "target_mac", False, "/seq/7", None),
        ("target_ip", "target_ip", False, "/seq/8", None),
    )
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
            _d = _io._io.read(8)
            if len(_d) < 8:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 8 bytes, but only %d bytes available" % len(_d), 8, len(_d)
                )
            (
                self.htype,
                self.ptype,
                self.hlen,
                self.plen,
                self.opcode,
            ) = _S0.unpack(_d)
            _s[0] = _p
            _p += 8
            self.htype = _EM0.get(self.htype, self.htype)
            _f = 4
            self.opcode = _EM1.get(self.opcode, self.opcode)
            _f = 5
            _n = self.hlen
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
            self.sender_mac = _r
            _e = _p + _n
            _s["sender_mac"] = (_p, _e)
            _p = _e
            _f = 6
            _n = self.plen
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
            self.sender_ip = _r
            _e = _p + _n
            _s["sender_ip"] = (_p, _e)
            _p = _e
            _f = 7
            _n = self.hlen
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
            self.target_mac = _r
            _e = _p + _n
            _s["target_mac"] = (_p, _e)
            _p = _e
            _f = 8
            _n = self.plen
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
            self.target_ip = _r
            _e = _p + _n
            _s["target_ip"] = (_p, _e)
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
            if _p + 8 > _z:
                raise _pkt_eos(8, _z - _p)
            (
                self.htype,
                self.ptype,
                self.hlen,
                self.plen,
                self.opcode,
            ) = _S0.unpack_from(_B, _o + _p)
            _s[0] = _p
            _p += 8
            self.htype = _EM0.get(self.htype, self.htype)
            _f = 4
            self.opcode = _EM1.get(self.opcode, self.opcode)
            _f = 5
            _n = self.hlen
            if _p + _n > _z:
                raise _pkt_eos(_n, _z - _p)
            _r = _B[_o + _p : _o + _p + _n]
            self.sender_mac = _r
            _e = _p + _n
            _s["sender_mac"] = (_p, _e)
            _p = _e
            _f = 6
            _n = self.plen
            if _p + _n > _z:
                raise _pkt_eos(_n, _z - _p)
            _r = _B[_o + _p : _o + _p + _n]
            self.sender_ip = _r
            _e = _p + _n
            _s["sender_ip"] = (_p, _e)
            _p = _e
            _f = 7
            _n = self.hlen
            if _p + _n > _z:
                raise _pkt_eos(_n, _z - _p)
            _r = _B[_o + _p : _o + _p + _n]
            self.target_mac = _r
            _e = _p + _n
            _s["target_mac"] = (_p, _e)
            _p = _e
            _f = 8
            _n = self.plen
            if _p + _n > _z:
                raise _pkt_eos(_n, _z - _p)
            _r = _B[_o + _p : _o + _p + _n]
            self.target_ip = _r
            _e = _p + _n
            _s["target_ip"] = (_p, _e)
            _p = _e
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        self._pkt_end = _p


# switch tables (case value -> class) and enum value maps
_EM0 = getattr(Arp.HardwareType, "_value2member_map_", None)
_EM1 = getattr(Arp.Opcode, "_value2member_map_", None)
