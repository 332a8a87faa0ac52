meta:
  id: "null"
  title: BSD loopback encapsulation (null / loop)
  endian: le
  -pktscope-linktypes: [0, 108]
doc: |
  A 4-byte address family before the packet: in the capturing host's byte order for
  LINKTYPE_NULL (0), in network byte order for LINKTYPE_LOOP (108). The byte order is
  guessed as libpcap and Wireshark do: a value with a zero low half is taken as big-endian.
  IPv6 has several family values (24, 28, 30 on different BSDs).
doc-ref:
  - https://www.tcpdump.org/linktypes/LINKTYPE_NULL.html
  - https://www.tcpdump.org/linktypes/LINKTYPE_LOOP.html
-pktscope-payload:
  field: body
  next-on: [family]
  next:
    2: ipv4
    24: ipv6
    28: ipv6
    30: ipv6
seq:
  - id: family_raw
    type: u4
    doc: Address family as stored (host or network byte order).
  - id: body
    size-eos: true
    doc: The packet.
instances:
  family:
    value: >-
      family_raw & 0xffff == 0 ?
      ((family_raw >> 24) & 0xff) | ((family_raw >> 8) & 0xff00) : family_raw
    doc: Address family (2 = AF_INET; 24, 28, 30 = AF_INET6).
