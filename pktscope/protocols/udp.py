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

_S0 = _struct.Struct(">HHHH")


class Udp(_PktStruct):
    """UDP header and payload. The chain clips the payload to `length` and picks the payload spec
    by destination port, then source port."""

    SEQ_FIELDS = ["src_port", "dst_port", "length", "checksum", "body"]
    _PKT_INSTANCES = ["payload_length"]
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
        "length": {
            "id": "length",
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
        "checksum": {
            "id": "checksum",
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
        "payload_length": {
            "id": "payload_length",
            "spec_path": "/instances/payload_length",
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
            "end": "length",
            "overrun": "error",
            "next-on": ["dst_port", "src_port"],
            "next": {"53": "dns", "67": "dhcp", "68": "dhcp"},
        }
    }
    _PKT_RUNS = {
        "src_port": (0, 0, 2),
        "dst_port": (0, 2, 2),
        "length": (0, 4, 2),
        "checksum": (0, 6, 2),
    }
    _PKT_SEQ = (
        (
            "src_port",
            "src_port",
            False,
            "/seq/0",
            ((0, 2, 0, ">H", 0), (2, 2, 1, ">H", 0), (4, 2, 2, ">H", 0), (6, 2, 3, ">H", 0)),
        ),
        ("dst_port", "dst_port", False, "/seq/1", None),
        ("length", "length", False, "/seq/2", None),
        ("checksum", "checksum", False, "/seq/3", None),
        ("body", "body", False, "/seq/4", None),
        ("_m_payload_length", "payload_length", False, "/instances/payload_length", None),
    )
    _m_payload_length = _PKT_UNSET
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
                self.src_port,
                self.dst_port,
                self.length,
                self.checksum,
            ) = _S0.unpack(_d)
            _s[0] = _p
            _p += 8
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
            if _p + 8 > _z:
                raise _pkt_eos(8, _z - _p)
            (
                self.src_port,
                self.dst_port,
                self.length,
                self.checksum,
            ) = _S0.unpack_from(_B, _o + _p)
            _s[0] = _p
            _p += 8
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
    def payload_length(self):
        """Declared payload length."""
        _v = self._m_payload_length
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_payload_length = _v = self.length - 8
        except Exception as _x:
            _pkt_fail(self, _x, 5, None)
            raise
        return _v
