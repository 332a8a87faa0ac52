meta:
  id: arp
  title: Address Resolution Protocol
  endian: be
doc: |
  ARP packet (also RARP). Hardware and protocol addresses are `hlen` / `plen` bytes long;
  for Ethernet + IPv4 they are 6 and 4 bytes.
doc-ref:
  - RFC 826
  - RFC 5227
  - RFC 903 (RARP opcodes 3, 4)
seq:
  - id: htype
    type: u2
    enum: hardware_type
    doc: Hardware type (1 = Ethernet).
  - id: ptype
    type: u2
    doc: Protocol type, an EtherType (0x0800 = IPv4).
  - id: hlen
    type: u1
    doc: Length of a hardware address in bytes.
  - id: plen
    type: u1
    doc: Length of a protocol address in bytes.
  - id: opcode
    type: u2
    enum: opcode
    doc: Operation (1 request, 2 reply, 3/4 RARP).
  - id: sender_mac
    size: hlen
    doc: Sender hardware address.
    -pktscope-display: mac
  - id: sender_ip
    size: plen
    doc: Sender protocol address.
    -pktscope-display: ipv4
  - id: target_mac
    size: hlen
    doc: Target hardware address.
    -pktscope-display: mac
  - id: target_ip
    size: plen
    doc: Target protocol address.
    -pktscope-display: ipv4
enums:
  hardware_type:
    1: ethernet
    6: ieee802
    15: frame_relay
    16: atm
    20: serial
    32: infiniband
  opcode:
    1: request
    2: reply
    3: reverse_request
    4: reverse_reply
    8: inarp_request
    9: inarp_reply
