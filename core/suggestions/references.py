"""Invoice numbers written loosely in a remittance text: spaced, lower case, prefixed, OCR
confusions in the digits, split over two lines, ``G000100008/09`` for two invoices."""

from __future__ import annotations

import re
from collections.abc import Collection

_TOKEN_RE = re.compile(r"[A-Za-z0-9]+")
_PREFIXED_RE = re.compile(r"^[A-Z]{1,4}?([GD][0-9A-Z]{9})$")
_OCR = str.maketrans({"O": "0", "Q": "0", "I": "1", "L": "1"})
_LIST_SEPARATORS = ("/", "&", "+")


def loose_references(text: str, known: Collection[str]) -> list[tuple[str, str]]:
    """``(invoice number, as written)`` for each known number the text quotes, however
    loosely, in the order written; each number once."""
    tokens = [(m.group().upper(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        hit = None
        joined = ""
        for j in range(i, min(i + 6, len(tokens))):
            joined += tokens[j][0]
            if len(joined) > 16:
                break
            number = _known_form(joined, known, single=j == i)
            if number:
                hit = (number, j)
                break
        if hit is None:
            i += 1
            continue
        number, j = hit
        found.append((number, text[tokens[i][1] : tokens[j][2]]))
        # "G000100008/09": the digits after a slash replace the number's last digits
        while j + 1 < len(tokens):
            between = text[tokens[j][2] : tokens[j + 1][1]].strip()
            tail = tokens[j + 1][0]
            if between not in _LIST_SEPARATORS or not tail.isdigit() or len(tail) > 4:
                break
            other = number[: -len(tail)] + tail
            if other not in known:
                break
            found.append((other, text[tokens[i][1] : tokens[j + 1][2]]))
            j += 1
        i = j + 1
    seen: set[str] = set()
    return [(n, w) for n, w in found if not (n in seen or seen.add(n))]


def _known_form(word: str, known: Collection[str], single: bool) -> str | None:
    candidates = [word]
    if single:
        m = _PREFIXED_RE.match(word)  # INVG000100002, REFG000100002
        if m:
            candidates.append(m.group(1))
    for c in candidates:
        if c in known:
            return c
        if len(c) == 10 and c[0] == "G":
            fixed = "G" + c[1:].translate(_OCR)
            if fixed in known:
                return fixed
        if single and len(c) == 9 and c.translate(_OCR).isdigit():
            fixed = "G" + c.translate(_OCR)  # the digits without their letter
            if fixed in known:
                return fixed
    return None
