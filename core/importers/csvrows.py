"""CSV rows as files really arrive: line endings of any kind, and the damage a download or
a disk can do (a carriage return alone inside a line, a NUL byte, a last row cut short),
refused with the row it shows in.  Read by :func:`core.importers.tabular.read_csv`.
"""

from __future__ import annotations

from collections.abc import Iterator

from core.i18n import say


class DamagedFile(ValueError):
    """A file damaged where it was read (cut short, a NUL byte, a stray carriage return, an
    unreadable workbook): the whole file is refused with this one problem."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None) -> None:
        super().__init__(message)
        self.row = row
        self.column = column

    def __str__(self) -> str:  # the sentence as it was said (a face may translate it)
        return self.args[0] if isinstance(self.args[0], str) else super().__str__()


def cut_in_a_character(line: int) -> DamagedFile:
    return DamagedFile(
        say(
            "got a last character cut in the middle, expected complete text (the file is cut "
            "short: an interrupted download?)"
        ),
        line,
    )


class Lines:
    """The file's lines for the csv reader, refusing a lone CR inside a CRLF or LF line."""

    def __init__(self, fh, cr_only: bool) -> None:
        self.fh = fh
        self.cr_only = cr_only
        self.newlines = 0  # LF seen so far: the line an editor shows

    def __iter__(self) -> Lines:
        return self

    def __next__(self) -> str:
        try:
            line = next(self.fh)
        except UnicodeDecodeError as exc:  # only a file cut inside a character gets here
            raise cut_in_a_character(self.newlines + 1) from exc
        if line.endswith("\n") or (self.cr_only and line.endswith("\r")):
            self.newlines += 1
        elif line.endswith("\r"):
            raise DamagedFile(
                say(
                    "got a carriage return (CR) alone inside the line, expected lines ending in "
                    "CRLF or LF throughout (a damaged file?)"
                ),
                self.newlines + 1,
            )
        return line


def csv_rows(reader, fh, header: list[str]) -> Iterator[tuple[int, list[str]]]:
    """The rows with their line numbers as an editor shows them (also with quoted newlines);
    a NUL byte in a cell, or a last row with fewer fields than the header, is refused."""
    width = len(header)
    while width and not header[width - 1]:
        width -= 1
    held: tuple[int, list[str]] | None = None
    previous = width
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            row = reader.line_num
            for i, c in enumerate(cells):
                if "\x00" in c:
                    raise DamagedFile(
                        say("got {got} with a NUL byte, expected text (a damaged file?)",
                            got=_shown(c)),
                        row, _column_name(header, i),
                    )  # fmt: skip
            if held is not None:
                previous = len(held[1])
                yield held[0], list(held[1])
            held = (row, cells)
        if held is not None:
            row, cells = held
            if len(cells) < width <= previous:
                raise DamagedFile(
                    say("missing: the row ends after {count} of the header's {width} fields, "
                        "expected a complete row (the file is cut short: an interrupted "
                        "download?)", count=len(cells), width=width),
                    row, _column_name(header, len(cells)),
                )  # fmt: skip
            yield row, list(cells)
    finally:
        fh.close()


def _column_name(header: list[str], i: int) -> str:
    return header[i] if i < len(header) and header[i] else str(i + 1)


def _shown(cell: str) -> str:
    shown = cell.replace("\x00", "<NUL>")
    return repr(shown if len(shown) <= 60 else shown[:57] + "...")
