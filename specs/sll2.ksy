meta:
  id: sll2
  title: Linux cooked capture version 2 (SLL2)
  endian: be
  -pktscope-linktypes: [276]
doc: |
  Version 2 of the Linux pseudo link-layer header: protocol first, then the interface index,
  device type, packet type and link-layer address.
doc-ref:
  - https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html
-pktscope-payload:
  field: body
  next-on: [protocol]
  next:
    0x0800: ipv4
    0x0806: arp
    0x86dd: ipv6
seq:
  - id: protocol
    type: u2
    doc: Protocol type (an EtherType for Ethernet-like devices).
  - id: reserved
    type: u2
    doc: Reserved, must be zero.
  - id: interface_index
    type: u4
    doc: Index of the interface the packet was captured on.
  - id: arphrd_type
    type: u2
    doc: Link-layer device type (ARPHRD_*; 1 = Ethernet).
  - id: packet_type
    type: u1
    enum: packet_type
    doc: Who sent the packet.
  - id: addr_length
    type: u1
    doc: Length of the link-layer address.
  - id: addr
    size: 8
    doc: Link-layer address, the first `addr_length` bytes used (zero-padded).
    -pktscope-display: hex
  - id: body
    size-eos: true
    doc: The packet after the pseudo-header.
instances:
  src_addr:
    pos: 12
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
