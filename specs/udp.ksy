meta:
  id: udp
  title: User Datagram Protocol
  endian: be
doc: |
  UDP header and payload. The chain clips the payload to `length` and picks the payload spec
  by destination port, then source port.
doc-ref: RFC 768
-pktscope-payload:
  field: body
  end: length
  overrun: error
  next-on: [dst_port, src_port]
  next:
    53: dns
    67: dhcp
    68: dhcp
seq:
  - id: src_port
    type: u2
    doc: Source port.
  - id: dst_port
    type: u2
    doc: Destination port.
  - id: length
    type: u2
    doc: Length of header + data in bytes.
  - id: checksum
    type: u2
    doc: Checksum over pseudo-header, header and data (0 = none for IPv4).
  - id: body
    size-eos: true
    doc: Payload bytes as captured.
instances:
  payload_length:
    value: length - 8
    doc: Declared payload length.
