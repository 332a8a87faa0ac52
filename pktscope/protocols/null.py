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

_S0 = _struct.Struct("<I")


class Null(_PktStruct):
    """A 4-byte address family before the packet: in the capturing host's byte order for
    LINKTYPE_NULL (0), in network byte order for LINKTYPE_LOOP (108). The byte order is
    guessed as libpcap and Wireshark do: a value with a zero low half is taken as big-endian.
    IPv6 has several family values (24, 28, 30 on different BSDs)."""

    SEQ_FIELDS = ["family_raw", "body"]
    _PKT_INSTANCES = ["family"]
    _PKT_FIELDS = {
        "family_raw": {
            "id": "family_raw",
            "spec_path": "/seq/0",
            "kind": "seq",
            "type": "u4le",
            "size": 4,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "le",
        },
        "body": {
            "id": "body",
            "spec_path": "/seq/1",
            "kind": "seq",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "family": {
            "id": "family",
            "spec_path": "/instances/family",
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
            "next-on": ["family"],
            "next": {"2": "ipv4", "24": "ipv6", "28": "ipv6", "30": "ipv6"},
        },
        "linktypes": [0, 108],
    }
    _PKT_RUNS = {"family_raw": (0, 0, 4)}
    _PKT_SEQ = (
        ("family_raw", "family_raw", False, "/seq/0", ((0, 4, 0, "<I", 0),)),
        ("body", "body", False, "/seq/1", None),
        ("_m_family", "family", False, "/instances/family", None),
    )
    _m_family = _PKT_UNSET
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
            (self.family_raw,) = _S0.unpack(_d)
            _s[0] = _p
            _p += 4
            _f = 1
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
            (self.family_raw,) = _S0.unpack_from(_B, _o + _p)
            _s[0] = _p
            _p += 4
            _f = 1
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
    def family(self):
        """Address family (2 = AF_INET; 24, 28, 30 = AF_INET6)."""
        _v = self._m_family
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_family = _v = (
                (((self.family_raw >> 24) & 255) | ((self.family_raw >> 8) & 65280))
                if ((self.family_raw & 65535) == 0)
                else self.family_raw
            )
        except Exception as _x:
            _pkt_fail(self, _x, 2, None)
            raise
        return _v
