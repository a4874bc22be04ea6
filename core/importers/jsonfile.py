"""JSON files: Partner Center API responses, parsed once with their numbers as Decimal."""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path

__all__ = ["MAX_JSON_BYTES", "is_json", "is_unbilled", "json_items", "load_json"]


def is_json(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


MAX_JSON_BYTES = 512 * 1024 * 1024


@functools.lru_cache(maxsize=2)
def _parsed_json(path: str, size: int, mtime_ns: int) -> object:
    import json

    text = Path(path).read_bytes().decode("utf-8-sig")
    try:
        return json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except RecursionError:  # arrays within arrays thousands deep: no API response is so
        raise ValueError("nested too deeply to be a Partner Center response") from None


def load_json(path: Path) -> object:
    """A JSON file with its numbers as Decimal, parsed once however many importers look at
    it (identify, then extract).  Raises ``ValueError`` for what is not JSON."""
    st = path.stat()
    if st.st_size > MAX_JSON_BYTES:
        raise ValueError(f"larger than {MAX_JSON_BYTES >> 20} MB")
    return _parsed_json(str(path), st.st_size, st.st_mtime_ns)


def json_items(path: Path) -> tuple[str, list] | None:
    """The array of objects a Partner Center API response holds, with its path."""
    try:
        data = load_json(path)
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None
    if isinstance(data, list):
        return "", data
    if isinstance(data, dict):
        for key in ("items", "value"):
            if isinstance(data.get(key), list):
                return key, data[key]
    return None


def is_unbilled(path: Path, head: bytes) -> bool:
    """An unbilled download: so named, or an API response from ``/invoices/unbilled/``."""
    if "unbilled" in path.name.lower():
        return True
    if is_json(head):
        try:
            data = load_json(path)
        except ValueError:
            return False
        uri = (
            str(((data.get("links") or {}).get("self") or {}).get("uri", ""))
            if isinstance(data, dict)
            else ""
        )
        return "/unbilled/" in uri.lower()
    return False
