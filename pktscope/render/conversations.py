"""What a packet-list line says about earlier frames, as a single pass of tshark says it.

tshark's line for a frame can depend on the frames before it: an echo reply names its request
(``(request in 9)``); TCP sequence numbers count from each direction's first segment, the
window is scaled by the shift both SYNs announced, and the sequence analysis marks segments
(``[TCP Retransmission]``, :mod:`pktscope.render.tcp_analysis`). :class:`Conversations` keeps
that state. It must see every frame once, in capture order (displayed or filtered out, as
tshark dissects them all); :meth:`Conversations.see` returns the frame's :class:`FrameNotes`
for :func:`pktscope.render.info.protocol_and_info`.

Random access (the TUI's packet list) has no such order: without notes, TCP numbers are shown
as they are on the wire and echo replies name no request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pktscope.render.lenient import as_int as _int
from pktscope.render.lenient import attr_path as _get
from pktscope.render.tcp_analysis import Segment, TcpNotes, TcpTracker

__all__ = ["Conversations", "FrameNotes", "fragment_role", "tcp_payload_length"]


@dataclass(slots=True)
class FrameNotes:
    """One frame's facts that need earlier frames (None: nothing known)."""

    echo_request: int | None = None  # the frame number of the request this reply answers
    tcp: TcpNotes | None = None  # relative numbers, scaled window, analysis marks
    # the layers of the IPv4 datagram this fragment completed, decoded from its reassembled
    # payload (tshark's line for the last fragment describes them)
    reassembled: list[Any] | None = None


def _cksum_key(cksum: int, delta: int) -> int:
    """The one's-complement sum of ``cksum`` and ``delta``, as Wireshark predicts the checksum
    of the echo message that pairs with one whose checksum is ``cksum``."""
    k = (~cksum & 0xFFFF) + (~delta & 0xFFFF)
    k = (k & 0xFFFF) + (k >> 16)
    k = (k & 0xFFFF) + (k >> 16)
    return ~k & 0xFFFF


_MAX_PENDING = 4096  # datagrams being reassembled at once


def fragment_role(ipv4: Any) -> str | None:
    """What Wireshark (packet-ip.c, reassembly on) does with an IPv4 header's payload:
    ``"reassemble"`` a fragment (MF or an offset) wholly captured, with a total length past its
    header; ``"piece"`` another fragment with an offset (shown as a fragment, not dissected);
    None for a datagram that is not fragmented, or a first fragment it cannot reassemble, whose
    payload is dissected as it is."""
    offset = _int(_get(ipv4, "frag_offset")) or 0
    if not (_get(ipv4, "flag_mf") or offset):
        return None
    hlen, end = _int(_get(ipv4, "header_length")), _int(_get(ipv4, "payload_end"))
    body = _get(ipv4, "body")
    whole = isinstance(body, bytes) and hlen is not None and end is not None and end > hlen
    if whole and len(body) >= end - hlen:  # type: ignore[operator]
        return "reassemble"
    return "piece" if offset else None


@dataclass(slots=True)
class _Datagram:
    parts: dict[int, bytes] = field(default_factory=dict)  # byte offset -> fragment payload
    total: int | None = None  # known once the last fragment (no MF) is seen

    def assemble(self) -> bytes | None:
        """The whole payload once fragments cover 0..total without a hole, else None."""
        if self.total is None:
            return None
        covered = 0
        for off in sorted(self.parts):
            if off > covered:
                return None
            covered = max(covered, off + len(self.parts[off]))
        if covered < self.total:
            return None
        whole = bytearray(self.total)
        for off in sorted(self.parts):
            piece = self.parts[off][: max(0, self.total - off)]
            whole[off : off + len(piece)] = piece
        return bytes(whole)


def _next_class(ip_cls: type, proto: int | None) -> type | None:
    """The spec the IPv4 payload rule names for protocol ``proto``, or None."""
    from pktscope.dissect.chain import payload_rule  # noqa: PLC0415 - the chain imports render

    rule = payload_rule(ip_cls)
    name = rule.next.get(proto) if rule is not None and proto is not None else None
    return rule.spec_class(name) if rule is not None and name is not None else None


def tcp_payload_length(ip: Any, tcp: Any, header_length: int) -> int | None:
    """A TCP segment's payload length as the IP header declares it (tshark's ``Len=``, the
    captured bytes notwithstanding), or None when that is shorter than the TCP header."""
    declared = _int(_get(ip.root, "payload_end")) if ip is not None else None
    if declared is None:
        return None
    size = ip.offset + declared - tcp.offset
    return size - header_length if size >= header_length else None


class Conversations:
    """Per-capture state of a sequential pass (see the module docstring)."""

    def __init__(self) -> None:
        # (address pair, checksum key, id << 16 | seq) -> [request frame, answered?]
        self._echo: dict[tuple[Any, ...], list[Any]] = {}
        self._tcp = TcpTracker()
        # (src, dst, id, protocol) -> fragments of a datagram being reassembled
        self._frags: dict[tuple[Any, ...], _Datagram] = {}

    def see(self, number: int, layers: list[Any], time_ns: int = 0) -> FrameNotes:
        """Take in frame ``number`` (decoded ``layers``) and return its notes. Notes only add
        to a line: a frame they cannot be made for (an unforeseen partial object) gets none."""
        notes = FrameNotes()
        try:
            self._see(number, time_ns, layers, notes)
        except Exception:  # the line is still printed, as a single frame shows it
            return FrameNotes()
        return notes

    def _see(self, number: int, time_ns: int, layers: list[Any], notes: FrameNotes) -> None:
        ip = None
        for layer in layers:
            name = layer.name
            if name == "ipv4" and ip is None and fragment_role(layer.root) is not None:
                if fragment_role(layer.root) == "reassemble":
                    self._see_fragment(layer, notes)
                return
            if name in ("ipv4", "ipv6"):
                ip = layer
            elif name in ("icmp", "icmpv6"):
                if ip is not None:
                    self._see_echo(number, name, ip.root, layer.root, notes)
                return  # what an ICMP error quotes is not a conversation of its own
            elif name == "tcp":
                if ip is not None:
                    self._see_tcp(number, time_ns, ip, layer, notes)
                return

    # -- echo request / reply (packet-icmp.c, packet-icmpv6.c) -----------------------------------
    def _see_echo(self, number: int, name: str, ip: Any, icmp: Any, notes: FrameNotes) -> None:
        t = _int(_get(icmp, "type"))
        cksum = _int(_get(icmp, "checksum"))
        if name == "icmp":
            request, reply = t == 8, t == 0
            ident = _int(_get(icmp, "rest_of_header", "identifier"))
            seq = _int(_get(icmp, "rest_of_header", "seq_number"))
        else:
            request, reply = t == 128, t == 129
            ident = _int(_get(icmp, "msg", "identifier"))
            seq = _int(_get(icmp, "msg", "seq_number"))
        src, dst = _get(ip, "src"), _get(ip, "dst")
        if not (request or reply) or None in (cksum, ident, seq, src, dst):
            return
        assert cksum is not None and ident is not None and seq is not None
        pair = (src, dst) if src <= dst else (dst, src)
        if name == "icmp":  # the key is the checksum the reply carries
            key_ck = _cksum_key(cksum, 0x0800) if request else cksum
        else:
            key_ck = cksum if request else _cksum_key(cksum, 0x0100)
        if key_ck == 0xFFFF:
            key_ck = 0
        key = (name, pair, key_ck, (ident << 16) | seq)
        if request:
            self._echo[key] = [number, False]
            return
        entry = self._echo.get(key)
        if entry is not None and not entry[1]:
            entry[1] = True
            notes.echo_request = entry[0]

    # -- IPv4 fragments (packet-ip.c with reassembly, as tshark's default) ---------------------
    def _see_fragment(self, ip: Any, notes: FrameNotes) -> None:
        root = ip.root
        src, dst = _get(root, "src"), _get(root, "dst")
        ident, proto = _int(_get(root, "id")), _int(_get(root, "protocol"))
        offset, body = _int(_get(root, "frag_offset")), _get(root, "body")
        start, end = _int(_get(root, "header_length")), _int(_get(root, "payload_end"))
        if None in (src, dst, ident, proto, offset, start, end) or not isinstance(body, bytes):
            return
        assert offset is not None and start is not None and end is not None
        part = body[: max(0, end - start)]
        key = (src, dst, ident, proto)
        dgram = self._frags.get(key)
        if dgram is None:
            if len(self._frags) >= _MAX_PENDING:  # bounded: the oldest datagram is dropped
                del self._frags[next(iter(self._frags))]
            dgram = self._frags[key] = _Datagram()
        dgram.parts[offset * 8] = part
        if not _get(root, "flag_mf"):
            dgram.total = offset * 8 + len(part)
        whole = dgram.assemble()
        if whole is None:
            return
        del self._frags[key]
        cls = _next_class(ip.cls, proto)
        if cls is not None:
            from pktscope.dissect.chain import decode  # noqa: PLC0415 - the chain imports render

            notes.reassembled = decode(whole, spec=cls).layers

    # -- TCP (packet-tcp.c) -------------------------------------------------------------------
    def _see_tcp(self, number: int, time_ns: int, ip: Any, tcp: Any, notes: FrameNotes) -> None:
        root = tcp.root
        src, dst = _get(ip.root, "src"), _get(ip.root, "dst")
        values = [_int(_get(root, n)) for n in _TCP_FIELDS]
        if src is None or dst is None or None in values:
            return
        sport, dport, seq, ack, flags, window, offset = (v or 0 for v in values)
        hlen = offset * 4
        shift = None
        for item in _get(root, "options", "items") or ():
            if _int(_get(item, "kind")) == 3 and _int(_get(item, "length")) == 3:
                shift = _int(_get(item, "body", "shift_count"))
        segment = Segment(
            src, dst, sport, dport, seq, ack, flags, window, hlen,
            tcp_payload_length(ip, tcp, hlen), shift, time_ns, number,
        )  # fmt: skip
        notes.tcp = self._tcp.see(segment)


_TCP_FIELDS = ("src_port", "dst_port", "seq", "ack", "flags", "window", "data_offset")
