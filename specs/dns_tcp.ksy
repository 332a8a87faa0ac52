meta:
  id: dns_tcp
  title: DNS over TCP message length prefix
  endian: be
doc: |
  Over TCP every DNS message is preceded by its length as a 2-byte big-endian number. This
  layer holds that prefix; its payload (clipped to `length`) is decoded as `dns`.
doc-ref:
  - RFC 1035 section 4.2.2
  - RFC 7766 section 8
-pktscope-payload:
  field: body
  end: msg_end
  default: dns
seq:
  - id: length
    type: u2
    doc: Length of the DNS message that follows.
  - id: body
    size-eos: true
    doc: The DNS message (and possibly the start of the next one).
instances:
  msg_end:
    value: 2 + length
    doc: End of the message in this layer's bytes.
