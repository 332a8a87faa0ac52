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

_S0 = _struct.Struct(">BBBBIHH4s4s4s4s16s64s128s")
_S1 = _struct.Struct(">I")
_S2 = _struct.Struct(">B")
_S3 = _struct.Struct(">H")


class Dhcp(_PktStruct):
    """BOOTP header (RFC 951), the DHCP magic cookie and options (RFC 2131, RFC 2132). Options are
    type-length-value items, except Pad (0) and End (255) which are one byte. Option 52
    (overload) says that more options continue in the `file` field (1), the `sname` field (2)
    or both (3); they are decoded as `file_options` and `sname_options`, read in that order
    after `options` (RFC 2131 section 4.1). `client_hw_addr` is the first `hlen` bytes of
    `chaddr`."""

    class Op(_IntEnum):
        boot_request = 1
        boot_reply = 2

    class MessageType(_IntEnum):
        discover = 1
        offer = 2
        request = 3
        decline = 4
        ack = 5
        nak = 6
        release = 7
        inform = 8
        force_renew = 9
        lease_query = 10
        lease_unassigned = 11
        lease_unknown = 12
        lease_active = 13
        bulk_lease_query = 14
        lease_query_done = 15
        active_lease_query = 16
        lease_query_status = 17
        tls = 18

    class OptionCode(_IntEnum):
        pad = 0
        subnet_mask = 1
        time_offset = 2
        router = 3
        time_server = 4
        name_server = 5
        domain_name_server = 6
        log_server = 7
        cookie_server = 8
        lpr_server = 9
        impress_server = 10
        resource_location_server = 11
        host_name = 12
        boot_file_size = 13
        merit_dump_file = 14
        domain_name = 15
        swap_server = 16
        root_path = 17
        extensions_path = 18
        ip_forwarding = 19
        non_local_source_routing = 20
        policy_filter = 21
        maximum_datagram_reassembly_size = 22
        default_ip_time_to_live = 23
        path_mtu_aging_timeout = 24
        path_mtu_plateau_table = 25
        interface_mtu = 26
        all_subnets_are_local = 27
        broadcast_address = 28
        perform_mask_discovery = 29
        mask_supplier = 30
        perform_router_discovery = 31
        router_solicitation_address = 32
        static_route = 33
        trailer_encapsulation = 34
        arp_cache_timeout = 35
        ethernet_encapsulation = 36
        tcp_default_ttl = 37
        tcp_keepalive_interval = 38
        tcp_keepalive_garbage = 39
        nis_domain = 40
        nis_servers = 41
        ntp_servers = 42
        vendor_specific_information = 43
        netbios_name_server = 44
        netbios_datagram_distribution_server = 45
        netbios_node_type = 46
        netbios_scope = 47
        x_window_font_server = 48
        x_window_display_manager = 49
        requested_ip_address = 50
        ip_address_lease_time = 51
        option_overload = 52
        dhcp_message_type = 53
        server_identifier = 54
        parameter_request_list = 55
        message = 56
        maximum_dhcp_message_size = 57
        renewal_time = 58
        rebinding_time = 59
        vendor_class_identifier = 60
        client_identifier = 61
        nisplus_domain = 64
        nisplus_servers = 65
        tftp_server_name = 66
        bootfile_name = 67
        mobile_ip_home_agent = 68
        smtp_server = 69
        pop3_server = 70
        nntp_server = 71
        www_server = 72
        finger_server = 73
        irc_server = 74
        streettalk_server = 75
        streettalk_directory_assistance_server = 76
        user_class = 77
        client_fqdn = 81
        relay_agent_information = 82
        ipv6_only_preferred = 108
        captive_portal = 114
        auto_configure = 116
        subnet_selection = 118
        domain_search = 119
        classless_static_route = 121
        mud_url = 161
        private_classless_static_route = 249
        web_proxy_auto_discovery = 252
        end = 255

    SEQ_FIELDS = [
        "op",
        "htype",
        "hlen",
        "hops",
        "xid",
        "secs",
        "flags",
        "ciaddr",
        "yiaddr",
        "siaddr",
        "giaddr",
        "chaddr",
        "sname",
        "file",
        "magic",
        "options",
        "padding",
    ]
    _PKT_INSTANCES = ["is_dhcp", "client_hw_addr", "overload", "file_options", "sname_options"]
    _PKT_FIELDS = {
        "op": {
            "id": "op",
            "spec_path": "/seq/0",
            "kind": "seq",
            "type": "u1",
            "size": 1,
            "repeat": None,
            "enum": "Dhcp.Op",
            "process": False,
            "hints": {},
        },
        "htype": {
            "id": "htype",
            "spec_path": "/seq/1",
            "kind": "seq",
            "type": "u1",
            "size": 1,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
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
        "hops": {
            "id": "hops",
            "spec_path": "/seq/3",
            "kind": "seq",
            "type": "u1",
            "size": 1,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "xid": {
            "id": "xid",
            "spec_path": "/seq/4",
            "kind": "seq",
            "type": "u4be",
            "size": 4,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "secs": {
            "id": "secs",
            "spec_path": "/seq/5",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "flags": {
            "id": "flags",
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
        "ciaddr": {
            "id": "ciaddr",
            "spec_path": "/seq/7",
            "kind": "seq",
            "type": "bytes",
            "size": 4,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "ipv4"},
        },
        "yiaddr": {
            "id": "yiaddr",
            "spec_path": "/seq/8",
            "kind": "seq",
            "type": "bytes",
            "size": 4,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "ipv4"},
        },
        "siaddr": {
            "id": "siaddr",
            "spec_path": "/seq/9",
            "kind": "seq",
            "type": "bytes",
            "size": 4,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "ipv4"},
        },
        "giaddr": {
            "id": "giaddr",
            "spec_path": "/seq/10",
            "kind": "seq",
            "type": "bytes",
            "size": 4,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "ipv4"},
        },
        "chaddr": {
            "id": "chaddr",
            "spec_path": "/seq/11",
            "kind": "seq",
            "type": "bytes",
            "size": 16,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "hex"},
        },
        "sname": {
            "id": "sname",
            "spec_path": "/seq/12",
            "kind": "seq",
            "type": "bytes",
            "size": 64,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "hex"},
        },
        "file": {
            "id": "file",
            "spec_path": "/seq/13",
            "kind": "seq",
            "type": "bytes",
            "size": 128,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "hex"},
        },
        "magic": {
            "id": "magic",
            "spec_path": "/seq/14",
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
            "spec_path": "/seq/15",
            "kind": "seq",
            "type": "Dhcp.Option",
            "size": None,
            "repeat": "until",
            "enum": None,
            "process": False,
            "hints": {},
        },
        "padding": {
            "id": "padding",
            "spec_path": "/seq/16",
            "kind": "seq",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "is_dhcp": {
            "id": "is_dhcp",
            "spec_path": "/instances/is_dhcp",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "client_hw_addr": {
            "id": "client_hw_addr",
            "spec_path": "/instances/client_hw_addr",
            "kind": "instance",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "mac"},
        },
        "overload": {
            "id": "overload",
            "spec_path": "/instances/overload",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "file_options": {
            "id": "file_options",
            "spec_path": "/instances/file_options",
            "kind": "instance",
            "type": "Dhcp.OptionArea",
            "size": 128,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"eager": True},
        },
        "sname_options": {
            "id": "sname_options",
            "spec_path": "/instances/sname_options",
            "kind": "instance",
            "type": "Dhcp.OptionArea",
            "size": 64,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"eager": True},
        },
    }
    _PKT_HINTS = {
        "aliases": {
            "message_type": [
                "options[].body.message_type",
                "file_options.options[].body.message_type",
                "sname_options.options[].body.message_type",
            ]
        }
    }
    _PKT_RUNS = {
        "op": (0, 0, 1),
        "htype": (0, 1, 1),
        "hlen": (0, 2, 1),
        "hops": (0, 3, 1),
        "xid": (0, 4, 4),
        "secs": (0, 8, 2),
        "flags": (0, 10, 2),
        "ciaddr": (0, 12, 4),
        "yiaddr": (0, 16, 4),
        "siaddr": (0, 20, 4),
        "giaddr": (0, 24, 4),
        "chaddr": (0, 28, 16),
        "sname": (0, 44, 64),
        "file": (0, 108, 128),
    }
    _PKT_SEQ = (
        (
            "op",
            "op",
            False,
            "/seq/0",
            (
                (0, 1, 0, ">B", 0),
                (1, 1, 1, ">B", 0),
                (2, 1, 2, ">B", 0),
                (3, 1, 3, ">B", 0),
                (4, 4, 4, ">I", 0),
                (8, 2, 5, ">H", 0),
                (10, 2, 6, ">H", 0),
                (12, 4, 7, ">4s", 0),
                (16, 4, 8, ">4s", 0),
                (20, 4, 9, ">4s", 0),
                (24, 4, 10, ">4s", 0),
                (28, 16, 11, ">16s", 0),
                (44, 64, 12, ">64s", 0),
                (108, 128, 13, ">128s", 0),
            ),
        ),
        ("htype", "htype", False, "/seq/1", None),
        ("hlen", "hlen", False, "/seq/2", None),
        ("hops", "hops", False, "/seq/3", None),
        ("xid", "xid", False, "/seq/4", None),
        ("secs", "secs", False, "/seq/5", None),
        ("flags", "flags", False, "/seq/6", None),
        ("ciaddr", "ciaddr", False, "/seq/7", None),
        ("yiaddr", "yiaddr", False, "/seq/8", None),
        ("siaddr", "siaddr", False, "/seq/9", None),
        ("giaddr", "giaddr", False, "/seq/10", None),
        ("chaddr", "chaddr", False, "/seq/11", None),
        ("sname", "sname", False, "/seq/12", None),
        ("file", "file", False, "/seq/13", None),
        ("magic", "magic", False, "/seq/14", None),
        ("options", "options", True, "/seq/15", None),
        ("padding", "padding", False, "/seq/16", None),
        ("_m_is_dhcp", "is_dhcp", False, "/instances/is_dhcp", None),
        ("_m_client_hw_addr", "client_hw_addr", False, "/instances/client_hw_addr", None),
        ("_m_overload", "overload", False, "/instances/overload", None),
        ("_m_file_options", "file_options", False, "/instances/file_options", None),
        ("_m_sname_options", "sname_options", False, "/instances/sname_options", None),
    )
    _PKT_EAGER = frozenset(["file_options", "sname_options"])
    _m_is_dhcp = _PKT_UNSET
    _m_client_hw_addr = _PKT_UNSET
    _m_overload = _PKT_UNSET
    _m_file_options = _PKT_UNSET
    _m_sname_options = _PKT_UNSET
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
            _d = _io._io.read(236)
            if len(_d) < 236:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 236 bytes, but only %d bytes available" % len(_d), 236, len(_d)
                )
            (
                self.op,
                self.htype,
                self.hlen,
                self.hops,
                self.xid,
                self.secs,
                self.flags,
                self.ciaddr,
                self.yiaddr,
                self.siaddr,
                self.giaddr,
                self.chaddr,
                self.sname,
                self.file,
            ) = _S0.unpack(_d)
            _s[0] = _p
            _p += 236
            self.op = _EM0.get(self.op, self.op)
            _f = 14
            if not self._io.is_eof():
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(4)
                if len(_d) < 4:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 4 bytes, but only %d bytes available" % len(_d), 4, len(_d)
                    )
                self.magic = _S1.unpack(_d)[0]
                _e = _p + 4
                _s["magic"] = (_p, _e)
                _p = _e
            else:
                self.magic = None
            _f = 15
            if self.is_dhcp and (not self._io.is_eof()):
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while True:
                    _t = Dhcp.Option(
                        (0 if (i == 0) else self.options[(i - 1)].overload), _io, self, self._root
                    )
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if (_t.code == 255) or self._io.is_eof():
                        break
                    i += 1
            else:
                self.options = None
            _f = 16
            if _io.bits_left:
                _io.align_to_byte()
            _r = _io._io.read()
            _n = len(_r)
            self.padding = _r
            _e = _p + _n
            _s["padding"] = (_p, _e)
            _p = _e
            _f = 20
            self.file_options  # -pktscope-eager: read with the seq
            _f = 21
            self.sname_options  # -pktscope-eager: read with the seq
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        self._pkt_end = _p

    def _pkt_read(self, _B, _o, _z, _p):
        self._pkt_s = _s = {}
        self._pkt_start = _p
        try:
            _f = 0
            if _p + 236 > _z:
                raise _pkt_eos(236, _z - _p)
            (
                self.op,
                self.htype,
                self.hlen,
                self.hops,
                self.xid,
                self.secs,
                self.flags,
                self.ciaddr,
                self.yiaddr,
                self.siaddr,
                self.giaddr,
                self.chaddr,
                self.sname,
                self.file,
            ) = _S0.unpack_from(_B, _o + _p)
            _s[0] = _p
            _p += 236
            self.op = _EM0.get(self.op, self.op)
            _f = 14
            if not (_p >= _z):
                if _p + 4 > _z:
                    raise _pkt_eos(4, _z - _p)
                self.magic = _S1.unpack_from(_B, _o + _p)[0]
                _e = _p + 4
                _s["magic"] = (_p, _e)
                _p = _e
            else:
                self.magic = None
            _f = 15
            if self.is_dhcp and (not (_p >= _z)):
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while True:
                    _w = _pkt_new(Dhcp.Option)
                    _w._parent = self
                    _w._root = self._root
                    _w.overload_before = 0 if (i == 0) else self.options[(i - 1)].overload
                    _w._pkt_iv = self
                    _w._pkt_read(_B, _o, _z, _p)
                    _e = _w._pkt_end
                    _t = _w
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if (_t.code == 255) or (_p >= _z):
                        break
                    i += 1
            else:
                self.options = None
            _f = 16
            _n = _z - _p
            _r = _B[_o + _p : _o + _p + _n]
            self.padding = _r
            _e = _p + _n
            _s["padding"] = (_p, _e)
            _p = _e
            _f = 20
            self.file_options  # -pktscope-eager: read with the seq
            _f = 21
            self.sname_options  # -pktscope-eager: read with the seq
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        self._pkt_end = _p

    @property
    def is_dhcp(self):
        """True when the magic cookie is present."""
        _v = self._m_is_dhcp
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_is_dhcp = _v = (_pkt_iosize(self) >= 240) and (self.magic == 1669485411)
        except Exception as _x:
            _pkt_fail(self, _x, 17, None)
            raise
        return _v

    @property
    def client_hw_addr(self):
        """Client hardware address, the first `hlen` bytes of `chaddr`."""
        _v = self._m_client_hw_addr
        if _v is not _PKT_UNSET:
            return _v
        _f = 18
        _p = None
        try:
            if not ((self.hlen >= 1) and (self.hlen <= 16)):
                self._m_client_hw_addr = None
                return None
            _io = self._io
            _s = self._pkt_s
            _old = _io.pos()
            _io.seek(28)
            _p = _io._io.tell()
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
            self._m_client_hw_addr = _r
            _e = _p + _n
            _s["@client_hw_addr"] = (_io, (_p, _e))
            _p = _e
            _io.seek(_old)
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_client_hw_addr

    @property
    def overload(self):
        """Value of option 52 (1 = file, 2 = sname, 3 = both hold options), 0 if absent."""
        _v = self._m_overload
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_overload = _v = (
                self.options[-1].overload if (self.is_dhcp and (_pkt_iosize(self) > 240)) else 0
            )
        except Exception as _x:
            _pkt_fail(self, _x, 19, None)
            raise
        return _v

    @property
    def file_options(self):
        """Options continued in the `file` field (option 52 value 1 or 3)."""
        _v = self._m_file_options
        if _v is not _PKT_UNSET:
            return _v
        _f = 20
        _p = None
        try:
            if not ((self.overload & 1) != 0):
                self._m_file_options = None
                return None
            _io = self._io
            _s = self._pkt_s
            _old = _io.pos()
            _io.seek(108)
            _p = _io._io.tell()
            _n = 128
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
            self._m_file_options = Dhcp.OptionArea(_sub, self, self._root)
            _s["@file_options"] = (_io, (_p, _e))
            _p = _e
            _io.seek(_old)
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_file_options

    @property
    def sname_options(self):
        """Options continued in the `sname` field (option 52 value 2 or 3)."""
        _v = self._m_sname_options
        if _v is not _PKT_UNSET:
            return _v
        _f = 21
        _p = None
        try:
            if not ((self.overload & 2) != 0):
                self._m_sname_options = None
                return None
            _io = self._io
            _s = self._pkt_s
            _old = _io.pos()
            _io.seek(44)
            _p = _io._io.tell()
            _n = 64
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
            self._m_sname_options = Dhcp.OptionArea(_sub, self, self._root)
            _s["@sname_options"] = (_io, (_p, _e))
            _p = _e
            _io.seek(_old)
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_sname_options

    class OptionArea(_PktStruct):
        """An overloaded `file` or `sname` field holding options."""

        SEQ_FIELDS = ["options", "padding"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "options": {
                "id": "options",
                "spec_path": "/types/option_area/seq/0",
                "kind": "seq",
                "type": "Dhcp.Option",
                "size": None,
                "repeat": "until",
                "enum": None,
                "process": False,
                "hints": {},
            },
            "padding": {
                "id": "padding",
                "spec_path": "/types/option_area/seq/1",
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
        _PKT_RUNS = {}
        _PKT_SEQ = (
            ("options", "options", True, "/types/option_area/seq/0", None),
            ("padding", "padding", False, "/types/option_area/seq/1", None),
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
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while True:
                    _t = Dhcp.Option(0, _io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if (_t.code == 255) or self._io.is_eof():
                        break
                    i += 1
                _f = 1
                if _io.bits_left:
                    _io.align_to_byte()
                _r = _io._io.read()
                _n = len(_r)
                self.padding = _r
                _e = _p + _n
                _s["padding"] = (_p, _e)
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
                self.options = _v = []
                _a = [_p]
                _s["options"] = _a
                i = 0
                while True:
                    _w = _pkt_new(Dhcp.Option)
                    _w._parent = self
                    _w._root = self._root
                    _w.overload_before = 0
                    _w._pkt_iv = self
                    _w._pkt_read(_B, _o, _z, _p)
                    _e = _w._pkt_end
                    _t = _w
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if (_t.code == 255) or (_p >= _z):
                        break
                    i += 1
                _f = 1
                _n = _z - _p
                _r = _B[_o + _p : _o + _p + _n]
                self.padding = _r
                _e = _p + _n
                _s["padding"] = (_p, _e)
                _p = _e
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Option(_PktStruct):
        """One option. `overload` carries the value of the first option 52 seen so far in this
        list (`overload_before` comes from the previous option)."""

        SEQ_FIELDS = ["code", "length", "body"]
        _PKT_INSTANCES = ["overload"]
        _PKT_FIELDS = {
            "code": {
                "id": "code",
                "spec_path": "/types/option/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": "Dhcp.OptionCode",
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
                "cases": [
                    "Dhcp.MessageTypeBody",
                    "Dhcp.OverloadBody",
                    "Dhcp.Ipv4List",
                    "Dhcp.Seconds",
                    "Dhcp.Text",
                    "Dhcp.MaxMessageSize",
                    "Dhcp.ParameterRequestList",
                    "Dhcp.ClientIdentifier",
                ],
            },
            "overload": {
                "id": "overload",
                "spec_path": "/types/option/instances/overload",
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
        _PKT_RUNS = {"code": (0, 0, 1)}
        _PKT_SEQ = (
            ("code", "code", False, "/types/option/seq/0", ((0, 1, 0, ">B", 0),)),
            ("length", "length", False, "/types/option/seq/1", None),
            ("body", "body", False, "/types/option/seq/2", None),
            ("_m_overload", "overload", False, "/types/option/instances/overload", None),
        )
        _m_overload = _PKT_UNSET

        def __init__(self, overload_before, _io, _parent=None, _root=None):
            self._io = _io
            self._parent = _parent
            self._root = _root
            self.overload_before = overload_before
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
                self.code = _d[0]
                _s[0] = _p
                _p += 1
                self.code = _EM1.get(self.code, self.code)
                _f = 1
                if (self.code != 0) and (self.code != 255):
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
                if (self.code != 0) and (self.code != 255):
                    _on = self.code
                    _c = _SW0.get(_on)
                    if _c is not None:
                        _n = self.length
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
                        _n = self.length
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

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _p + 1 > _z:
                    raise _pkt_eos(1, _z - _p)
                _x = _B[_o + _p]
                _s[0] = _p
                _p += 1
                self.code = _EM1.get(_x, _x)
                _f = 1
                if (self.code != 0) and (self.code != 255):
                    if _p + 1 > _z:
                        raise _pkt_eos(1, _z - _p)
                    self.length = _B[_o + _p]
                    _e = _p + 1
                    _s["length"] = (_p, _e)
                    _p = _e
                else:
                    self.length = None
                _f = 2
                if (self.code != 0) and (self.code != 255):
                    _on = self.code
                    _c = _SW0.get(_on)
                    if _c is not None:
                        _n = self.length
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
                        _n = self.length
                        if _p + _n > _z:
                            raise _pkt_eos(_n, _z - _p)
                        _r = _B[_o + _p : _o + _p + _n]
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

        @property
        def overload(self):
            """First option-52 value seen in this list up to here, 0 if none."""
            _v = self._m_overload
            if _v is not _PKT_UNSET:
                return _v
            try:
                self._m_overload = _v = (
                    self.overload_before
                    if (self.overload_before != 0)
                    else (self.body.value if ((self.code == 52) and (self.length >= 1)) else 0)
                )
            except Exception as _x:
                _pkt_fail(self, _x, 3, None)
                raise
            return _v

    class MessageTypeBody(_PktStruct):
        SEQ_FIELDS = ["message_type"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "message_type": {
                "id": "message_type",
                "spec_path": "/types/message_type_body/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": "Dhcp.MessageType",
                "process": False,
                "hints": {},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"message_type": (0, 0, 1)}
        _PKT_SEQ = (
            (
                "message_type",
                "message_type",
                False,
                "/types/message_type_body/seq/0",
                ((0, 1, 0, ">B", 0),),
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
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(1)
                if len(_d) < 1:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 1 bytes, but only %d bytes available" % len(_d), 1, len(_d)
                    )
                self.message_type = _d[0]
                _s[0] = _p
                _p += 1
                self.message_type = _EM2.get(self.message_type, self.message_type)
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
                _x = _B[_o + _p]
                _s[0] = _p
                _p += 1
                self.message_type = _EM2.get(_x, _x)
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class OverloadBody(_PktStruct):
        SEQ_FIELDS = ["value"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "value": {
                "id": "value",
                "spec_path": "/types/overload_body/seq/0",
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
        _PKT_RUNS = {"value": (0, 0, 1)}
        _PKT_SEQ = (("value", "value", False, "/types/overload_body/seq/0", ((0, 1, 0, ">B", 0),)),)

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
                self.value = _d[0]
                _s[0] = _p
                _p += 1
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
                self.value = _B[_o + _p]
                _s[0] = _p
                _p += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Ipv4List(_PktStruct):
        """One or more IPv4 addresses (subnet mask, routers, DNS servers, server id, ...)."""

        SEQ_FIELDS = ["addresses"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "addresses": {
                "id": "addresses",
                "spec_path": "/types/ipv4_list/seq/0",
                "kind": "seq",
                "type": "bytes",
                "size": 4,
                "repeat": "eos",
                "enum": None,
                "process": False,
                "hints": {"display": "ipv4"},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {}
        _PKT_SEQ = (("addresses", "addresses", True, "/types/ipv4_list/seq/0", None),)

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
                _r = None if _io.bits_left else _io._io.read()
                if _r is not None and len(_r) % 4 == 0:
                    self.addresses = (
                        [_r] if len(_r) == 4 else [_r[_k : _k + 4] for _k in range(0, len(_r), 4)]
                    )
                    _s["addresses"] = (_p, 4, len(_r) // 4, None)
                    _p += len(_r)
                else:
                    if _r is not None:
                        _io._io.seek(_p)
                    self.addresses = _v = []
                    _a = [_p]
                    _s["addresses"] = _a
                    i = 0
                    while not _io.is_eof():
                        _q = _p
                        _n = 4
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
                        _t = _r
                        _e = _p + _n
                        _a.append((_p, _e))
                        _p = _e
                        _v.append(_t)
                        if _p == _q and _io._io.tell() == _q:
                            raise _kaitaistruct.KaitaiStructError(
                                "repeated element consumed no bytes", "/types/ipv4_list/seq/0"
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
                _r = _B[_o + _p : _o + _z]
                if len(_r) % 4 == 0:
                    self.addresses = (
                        [_r] if len(_r) == 4 else [_r[_k : _k + 4] for _k in range(0, len(_r), 4)]
                    )
                    _s["addresses"] = (_p, 4, len(_r) // 4, None)
                    _p += len(_r)
                else:
                    self.addresses = _v = []
                    _a = [_p]
                    _s["addresses"] = _a
                    i = 0
                    while _p < _z:
                        _q = _p
                        _n = 4
                        if _n < 0:
                            self._io.read_bytes(_n)  # the stream's own error
                        if _p + _n > _z:
                            raise _pkt_eos(_n, _z - _p)
                        _r = _B[_o + _p : _o + _p + _n]
                        _t = _r
                        _e = _p + _n
                        _a.append((_p, _e))
                        _p = _e
                        _v.append(_t)
                        if _p == _q:
                            raise _kaitaistruct.KaitaiStructError(
                                "repeated element consumed no bytes", "/types/ipv4_list/seq/0"
                            )
                        i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Seconds(_PktStruct):
        """A time in seconds (lease, renewal T1, rebinding T2)."""

        SEQ_FIELDS = ["seconds"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "seconds": {
                "id": "seconds",
                "spec_path": "/types/seconds/seq/0",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"seconds": (0, 0, 4)}
        _PKT_SEQ = (("seconds", "seconds", False, "/types/seconds/seq/0", ((0, 4, 0, ">I", 0),)),)

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
                (self.seconds,) = _S1.unpack(_d)
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
                (self.seconds,) = _S1.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 4
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Text(_PktStruct):
        """An NVT ASCII string (host name, domain name, message, vendor class)."""

        SEQ_FIELDS = ["value"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "value": {
                "id": "value",
                "spec_path": "/types/text/seq/0",
                "kind": "seq",
                "type": "str",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "encoding": "ISO-8859-1",
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {}
        _PKT_SEQ = (("value", "value", False, "/types/text/seq/0", None),)

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
                self.value = (_r).decode("ISO-8859-1")
                _e = _p + _n
                _s["value"] = (_p, _e)
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
                self.value = (_r).decode("ISO-8859-1")
                _e = _p + _n
                _s["value"] = (_p, _e)
                _p = _e
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class MaxMessageSize(_PktStruct):
        SEQ_FIELDS = ["size"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "size": {
                "id": "size",
                "spec_path": "/types/max_message_size/seq/0",
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
        _PKT_RUNS = {"size": (0, 0, 2)}
        _PKT_SEQ = (
            ("size", "size", False, "/types/max_message_size/seq/0", ((0, 2, 0, ">H", 0),)),
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
                (self.size,) = _S3.unpack(_d)
                _s[0] = _p
                _p += 2
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
                (self.size,) = _S3.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 2
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class ParameterRequestList(_PktStruct):
        SEQ_FIELDS = ["codes"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "codes": {
                "id": "codes",
                "spec_path": "/types/parameter_request_list/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": "eos",
                "enum": "Dhcp.OptionCode",
                "process": False,
                "hints": {},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {}
        _PKT_SEQ = (("codes", "codes", True, "/types/parameter_request_list/seq/0", None),)

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
                _r = None if _io.bits_left else _io._io.read()
                if _r is not None:
                    self.codes = list(map(_EM1.get, _r, _r))
                    _s["codes"] = (_p, 1, len(_r), None)
                    _p += len(_r)
                else:
                    if _r is not None:
                        _io._io.seek(_p)
                    self.codes = _v = []
                    _a = [_p]
                    _s["codes"] = _a
                    i = 0
                    while not _io.is_eof():
                        _q = _p
                        if _io.bits_left:
                            _io.align_to_byte()
                        _d = _io._io.read(1)
                        if len(_d) < 1:
                            raise _kaitaistruct.EndOfStreamError(
                                "requested 1 bytes, but only %d bytes available" % len(_d),
                                1,
                                len(_d),
                            )
                        _t = _d[0]
                        _t = _EM1.get(_t, _t)
                        _e = _p + 1
                        _a.append((_p, _e))
                        _p = _e
                        _v.append(_t)
                        if _p == _q and _io._io.tell() == _q:
                            raise _kaitaistruct.KaitaiStructError(
                                "repeated element consumed no bytes",
                                "/types/parameter_request_list/seq/0",
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
                _r = _B[_o + _p : _o + _z]
                self.codes = list(map(_EM1.get, _r, _r))
                _s["codes"] = (_p, 1, len(_r), None)
                _p += len(_r)
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class ClientIdentifier(_PktStruct):
        SEQ_FIELDS = ["hw_type", "identifier"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "hw_type": {
                "id": "hw_type",
                "spec_path": "/types/client_identifier/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "identifier": {
                "id": "identifier",
                "spec_path": "/types/client_identifier/seq/1",
                "kind": "seq",
                "type": "bytes",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {"display": "hex"},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"hw_type": (0, 0, 1)}
        _PKT_SEQ = (
            ("hw_type", "hw_type", False, "/types/client_identifier/seq/0", ((0, 1, 0, ">B", 0),)),
            ("identifier", "identifier", False, "/types/client_identifier/seq/1", None),
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
                self.hw_type = _d[0]
                _s[0] = _p
                _p += 1
                _f = 1
                if _io.bits_left:
                    _io.align_to_byte()
                _r = _io._io.read()
                _n = len(_r)
                self.identifier = _r
                _e = _p + _n
                _s["identifier"] = (_p, _e)
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
                if _p + 1 > _z:
                    raise _pkt_eos(1, _z - _p)
                self.hw_type = _B[_o + _p]
                _s[0] = _p
                _p += 1
                _f = 1
                _n = _z - _p
                _r = _B[_o + _p : _o + _p + _n]
                self.identifier = _r
                _e = _p + _n
                _s["identifier"] = (_p, _e)
                _p = _e
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p


# switch tables (case value -> class) and enum value maps
_EM0 = getattr(Dhcp.Op, "_value2member_map_", None)
_EM1 = getattr(Dhcp.OptionCode, "_value2member_map_", None)
_SW0 = {
    53: Dhcp.MessageTypeBody,
    52: Dhcp.OverloadBody,
    1: Dhcp.Ipv4List,
    3: Dhcp.Ipv4List,
    6: Dhcp.Ipv4List,
    28: Dhcp.Ipv4List,
    50: Dhcp.Ipv4List,
    54: Dhcp.Ipv4List,
    42: Dhcp.Ipv4List,
    51: Dhcp.Seconds,
    58: Dhcp.Seconds,
    59: Dhcp.Seconds,
    12: Dhcp.Text,
    15: Dhcp.Text,
    56: Dhcp.Text,
    60: Dhcp.Text,
    57: Dhcp.MaxMessageSize,
    55: Dhcp.ParameterRequestList,
    61: Dhcp.ClientIdentifier,
}
_EM2 = getattr(Dhcp.MessageType, "_value2member_map_", None)
