"""Bytes to text: binary detection and UTF-8 decoding that never loses the article."""

from __future__ import annotations

from ..errors import Errors

# A text file has no NUL bytes and few control characters; PDFs, images and archives do.
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode as UTF-8 (BOM tolerated). Invalid bytes become U+FFFD, with a warning."""
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("utf-8-sig", errors="replace")
        warnings.append(Errors.E012)
    return text, warnings
