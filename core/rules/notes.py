"""What a note may hold, and how one is listed."""

from __future__ import annotations

NOTE_MAX = 2000


def shown(text: str) -> str:
    """A note as it is listed: whole, or, for a note longer than notes may now be (written
    before the limit), its first NOTE_MAX characters and how long it is."""
    if len(text) <= NOTE_MAX:
        return text
    return f"{text[:NOTE_MAX]}… (cut: the note has {len(text):,} characters)"
