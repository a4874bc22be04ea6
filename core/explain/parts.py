"""An explanation's parts (conversion, proration, refund) as JSON."""

from __future__ import annotations

from datetime import date
from decimal import Decimal


class Part:
    """An explanation's part as JSON: its fields, amounts as exact text, dates ISO."""

    def as_dict(self) -> dict:
        return plain({k: getattr(self, k) for k in self.__dataclass_fields__})


def plain(d: dict) -> dict:
    out = {}
    for k, v in d.items():
        if isinstance(v, Decimal):
            v = format(v, "f")
        elif isinstance(v, date):
            v = v.isoformat()
        out[k] = v
    return out
