"""Custom ``process`` of the KST suite: add ``key`` to each byte (subtract if ``flag`` is false)."""


class MyCustomFx:
    def __init__(self, key: int, flag: bool, some_bytes: bytes) -> None:
        self.key = key if flag else -key

    def decode(self, data: bytes) -> bytes:
        return bytes((b + self.key) % 256 for b in data)
