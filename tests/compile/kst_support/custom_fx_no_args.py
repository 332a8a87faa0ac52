"""Custom ``process`` of the KST suite: wrap the bytes in underscores."""


class CustomFxNoArgs:
    def decode(self, data: bytes) -> bytes:
        return b"_" + data + b"_"
