"""Custom ``process`` of the KST suite (in a nested package): wrap the bytes in underscores."""


class CustomFx:
    def __init__(self, key: int) -> None:
        self.key = key

    def decode(self, data: bytes) -> bytes:
        return b"_" + data + b"_"
