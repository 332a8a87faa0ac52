meta:
  id: raw
  title: Raw IP (no link-layer header)
  -pktscope-linktypes: [101, 228, 229, 12, 14]
doc: |
  Packets that begin directly with an IPv4 or IPv6 header. The IP version nibble of the first
  byte selects the spec; this layer consumes no bytes of its own. Besides LINKTYPE_RAW (101)
  and its IPv4/IPv6-only forms (228, 229), files written with the platforms' DLT_RAW value as
  link type (12; 14 on OpenBSD) are raw IP too, as libpcap and tshark read them.
doc-ref:
  - https://www.tcpdump.org/linktypes/LINKTYPE_RAW.html
  - RFC 791, RFC 8200
-pktscope-payload:
  field: body
  next-on: [version]
  next:
    4: ipv4
    6: ipv6
seq:
  - id: body
    size-eos: true
    doc: The IP packet.
instances:
  first_byte:
    pos: 0
    type: u1
    if: _io.size >= 1
    doc: The first byte of the IP header.
  version:
    value: first_byte >> 4
    if: _io.size >= 1
    doc: IP version (4 or 6) from the first byte.
