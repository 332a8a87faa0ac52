meta:
  id: sll
  title: Linux cooked capture (SLL, version 1)
  endian: be
  -pktscope-linktypes: [113]
doc: |
  The pseudo link-layer header Linux writes for captures on "any" and on devices without a
  usable link header. `protocol` is an EtherType for most packets.
doc-ref:
  - https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html
-pktscope-payload:
  field: body
  next-on: [protocol]
  next:
    0x0800: ipv4
    0x0806: arp
    0x86dd: ipv6
seq:
  - id: packet_type
    type: u2
    enum: packet_type
    doc: Who sent the packet (to us, broadcast, multicast, to another host, by us).
  - id: arphrd_type
    type: u2
    doc: Link-layer device type (ARPHRD_*; 1 = Ethernet).
  - id: addr_length
    type: u2
    doc: Length of the link-layer address.
  - id: addr
    size: 8
    doc: Link-layer address, the first `addr_length` bytes used (zero-padded).
    -pktscope-display: hex
  - id: protocol
    type: u2
    doc: Protocol type (an EtherType for Ethernet-like devices).
  - id: body
    size-eos: true
    doc: The packet after the pseudo-header.
instances:
  src_addr:
    pos: 6
    size: 'addr_length <= 8 ? addr_length : 8'
    if: addr_length >= 1
    doc: The used part of `addr`.
    -pktscope-display: mac
enums:
  packet_type:
    0: host
    1: broadcast
    2: multicast
    3: otherhost
    4: outgoing
