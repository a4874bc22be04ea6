"""Importing a file: recognised (or read with the clerk's saved column layout), checked,
merged with what the workspace holds, stored as one change or not at all."""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Connection, insert, select, update

from core import linestore
from core.changes import Change, ImportSummary, change
from core.errors import UNKNOWN_LAYOUT, ImportCancelled, ImportFailed, refuse
from core.i18n import say
from core.importers import IMPORTERS, ImportOptions, identify
from core.importers.base import Importer
from core.importers.fastcsv import Declined
from core.importers.tabular import TABLE_SUFFIXES
from core.model import Document, Extracted, Payment
from core.money import format_amount, format_exact
from core.present import import_lines
from core.rules import chains
from core.rules.merge import merge_documents, merge_payments
from core.services.base import Service
from core.store import reads, writes
from core.store import schema as t
from core.store.lines import store_lines, store_usage
from core.store.session import now, retried

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
TOUCHED = ("documents", "payments", "allocations", "lines", "plans")


GZIP_MAGIC = b"\x1f\x8b"
# A decompression bomb: over 2 GB once decompressed *and* over 50 times its compressed size
# (JSON Lines with the same attribute names on every line compress 20-80x, a bomb a
# thousand-fold); 16 GB decompressed is refused whatever the ratio.
GZIP_RATIO_FROM = 2 * 1024**3
MAX_GZIP_RATIO = 50
MAX_GUNZIPPED = 16 * 1024**3


def is_gzip(path: Path) -> bool:
    """A gzip file, known by its first two bytes whatever its name."""
    try:
        with path.open("rb") as fh:
            return fh.read(2) == GZIP_MAGIC
    except OSError:
        return False


@contextmanager
def _readable(path: Path, display: str) -> Iterator[tuple[Path, str]]:
    """The file to read and the SHA-256 of its content: the file itself, or for a gzip file
    its content decompressed into a temporary folder (bounded: a decompression bomb, a file
    cut short or damaged is refused naming ``display``), removed afterwards."""
    if not is_gzip(path):
        with path.open("rb") as fh:
            sha = hashlib.file_digest(fh, "sha256").hexdigest()
        yield path, sha
        return
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    if Path(name).suffix.lower() not in (*TABLE_SUFFIXES, ".json"):
        name = Path(name).stem  # a gzip named .bin: its content is known by what it holds
    with tempfile.TemporaryDirectory(prefix="csp-recon-") as folder:
        inner = Path(folder) / (name or "content")
        yield inner, _gunzip(path, inner, display)


def _gunzip(path: Path, target: Path, display: str) -> str:
    """Decompress ``path`` into ``target`` a block at a time; the content's SHA-256."""
    import gzip
    import zlib

    packed = max(1, path.stat().st_size)
    digest, written = hashlib.sha256(), 0
    try:
        with gzip.open(path, "rb") as src, target.open("wb") as dst:
            while block := src.read(1 << 20):
                written += len(block)
                if written > MAX_GUNZIPPED or (
                    written > GZIP_RATIO_FROM and written > MAX_GZIP_RATIO * packed
                ):
                    refuse(display, None,
                           f"its gzip content expands to more than {written:,} bytes "
                           f"({written // packed}x): refused as a decompression bomb")  # fmt: skip
                digest.update(block)
                dst.write(block)
    except EOFError:
        refuse(display, None, "a gzip file cut short (an interrupted download?): download it again")
    except (gzip.BadGzipFile, zlib.error, OSError) as exc:
        why = "its content does not match its checksum" if "CRC" in str(exc) else str(exc)
        refuse(display, None, f"a damaged gzip file ({why}): download it again")
    return digest.hexdigest()


class _AlreadyImported(Exception):
    """The file was imported by another clerk while this import was reading it."""


class _Ticker:
    """Counts what is stored: every 500 entries, reports progress and honours Cancel."""

    def __init__(self, file: str, total: int, progress: Progress | None,
                 cancelled: Cancelled | None) -> None:  # fmt: skip
        self.file, self.total, self.done = file, total, 0
        self.progress, self.cancelled = progress, cancelled

    def __call__(self, n: int = 1) -> None:
        before, self.done = self.done, self.done + n
        if self.done // 500 == before // 500 and self.done != self.total:
            return
        if self.cancelled and self.cancelled():
            raise ImportCancelled(self.file)
        if self.progress:
            self.progress(self.done, self.total)


def _count(counter: Counter, what: str, n: int) -> None:
    if n:  # counts of nothing are not said
        counter[what] += n


def reference_lines(s: ImportSummary) -> list[str]:
    """What the payments' references allocated within the import (none unless asked)."""
    if not s.by_reference:
        return []
    said = f"  allocated: {s.reference_payments} payment(s) by the invoice number they quote"
    return [said, *(f"    {line}" for line in s.by_reference)]


class Imports(Service):
    @retried
    def import_file(
        self,
        path: Path | str,
        options: ImportOptions | None = None,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        format_name: str | None = None,
        allocate_references: bool = False,
    ) -> Change:
        """Import one file whole, or nothing (raises :class:`ImportFailed`); its change's
        ``result`` is the :class:`ImportSummary`.  ``format_name`` (a key of
        :data:`core.importers.IMPORTERS`) forces the format instead of recognising it.
        ``allocate_references``: within the same change (undone with the import), allocate
        what the payments' explicit references choose (the rule ``auto-allocate`` applies),
        for the payments and invoices this file brought."""
        self.store.writable()
        args = (options, progress, cancelled, format_name, allocate_references)
        try:
            summary = self._import(path, *args)
        except _AlreadyImported:  # by another clerk meanwhile: say so, as for a second import
            summary = self._import(path, *args)
        touched = () if summary.already_imported else TOUCHED
        return change("import", [*import_lines(summary), *reference_lines(summary)], touched,
                      summary)  # fmt: skip

    def _importer(self, path: Path, display: str, format_name: str | None) -> Importer:
        if not path.is_file():
            refuse(display, None, say("no such file"))
        if format_name and format_name not in IMPORTERS:
            refuse(
                display,
                None,
                say("unknown format '{name}' (see: csp-recon formats)", name=format_name),
            )
        importer = IMPORTERS[format_name] if format_name else identify(path)
        if importer is None:
            importer = self._mapped_importer(path)
        if importer is None:
            refuse(display, None,
                   say("not a file CSP Reconciler can read (see: csp-recon formats; expected "
                       "a Partner Center invoice list or line items, a bank statement, or a "
                       "payments or invoice list CSV/XLSX)"),
                   kind=UNKNOWN_LAYOUT if path.suffix.lower() in (".csv", ".xlsx", ".txt")
                   and not is_gzip(Path(display)) else "invalid")  # fmt: skip
        return importer  # type: ignore[return-value]

    def _import(self, path: Path | str, options: ImportOptions | None,
                progress: Progress | None, cancelled: Cancelled | None,
                format_name: str | None, by_reference: bool = False) -> ImportSummary:  # fmt: skip
        display = str(path)
        path = Path(path)
        if not path.is_file():
            refuse(display, None, say("no such file"))
        with _readable(path, display) as (readable, sha):
            return self._import_read(readable, display, sha, options, progress, cancelled,
                                     format_name, by_reference)  # fmt: skip

    def _import_read(self, path: Path, display: str, sha: str, options: ImportOptions | None,
                     progress: Progress | None, cancelled: Cancelled | None,
                     format_name: str | None,
                     by_reference: bool = False) -> ImportSummary:  # fmt: skip
        """Import ``path`` (the file itself, or what its gzip compression holds), naming the
        clerk's file ``display`` and recording its content hash ``sha``."""
        given, options = options, self._options(options, display)
        summary = ImportSummary(display)
        importer = self._importer(path, display, format_name)
        with self.store.conn() as conn:
            prior = conn.execute(select(t.imports).where(
                t.imports.c.sha256 == sha, t.imports.c.undone.is_(False))).first()  # fmt: skip
        if prior is not None:
            summary.already_imported, summary.import_id = True, prior.id
            summary.format = prior.format
            summary.skipped.append(
                f"{display}: already imported as #{prior.id} ({prior.file_name}, "
                f"{prior.imported_at:%Y-%m-%d %H:%M}): nothing changed"
            )
            return summary
        summary.format = importer.name
        try:
            extracted = importer.extract(path, display, options)
        except Exception as exc:
            log.warning("reading %s failed", display, exc_info=True)
            why = str(exc).replace(str(path), display)  # a gzip's content is read from a copy
            refuse(display, None, f"could not be read as {importer.name}: {why}")
        if extracted.errors:
            raise ImportFailed(display, extracted.errors)
        summary.skipped.extend(str(s) for s in extracted.skipped)
        summary.entries_read = extracted.entries_read
        summary.checks = list(extracted.checks)
        total = (len(extracted.documents) + len(extracted.lines) + len(extracted.payments)
                 + (extracted.line_table.num_rows if extracted.line_table is not None else 0)
                 + (extracted.line_stream.estimate() if extracted.line_stream is not None
                    else 0)
                 + len(extracted.usage))  # fmt: skip
        if progress:
            progress(0, total)
        try:
            self._record(extracted, sha, summary, _Ticker(display, total, progress, cancelled),
                         by_reference)  # fmt: skip
        except Declined:  # the fast path gave up part way: nothing was kept, read it by rows
            log.info("%s: read row by row (the fast path declined it part way)", display)
            rows_only = replace(given or ImportOptions(), rows_only=True)
            return self._import_read(path, display, sha, rows_only, progress, cancelled,
                                     format_name, by_reference)  # fmt: skip
        return summary

    def _record(self, extracted: Extracted, sha: str, summary: ImportSummary,
                tick: _Ticker, by_reference: bool = False) -> None:  # fmt: skip
        """Store what the file brought as one change (nothing if anything is refused)."""
        with self.store.change(allocating=True) as conn:
            # Looked at again inside the change: another clerk may have imported the same
            # file meanwhile (on a server, SERIALIZABLE makes one of two such imports retry,
            # and the retry finds the other's).
            if conn.execute(select(t.imports.c.id).where(
                    t.imports.c.sha256 == sha, t.imports.c.undone.is_(False))).first():  # fmt: skip
                raise _AlreadyImported
            import_id = conn.execute(insert(t.imports).values(
                file_name=summary.file, sha256=sha, format=summary.format, imported_at=now(),
                os_user=self.store.user, summary="{}", undone=False,
            )).inserted_primary_key[0]  # fmt: skip
            summary.import_id = import_id
            updated_docs = self._store(conn, extracted, import_id, summary, tick)
            details = {"import_id": import_id, "updated_documents": updated_docs}
            audit_id = self.store.audit(conn, "import", f"import {summary.file}", details)
            summary.credit_allocations = self._credits_applied(conn, import_id)
            if by_reference:
                self._allocate_references(conn, import_id, audit_id, summary)
            conn.execute(update(t.imports).where(t.imports.c.id == import_id)
                         .values(summary=json.dumps(summary.as_dict())))  # fmt: skip
            if tick.cancelled and tick.cancelled():  # asked while writing: keep nothing
                raise ImportCancelled(summary.file)

    def _credits_applied(self, conn: Connection, import_id: int) -> int:
        """How many applications to invoices Microsoft's rule makes of the credit notes this
        import brought new (worked out by the ledger as of each date, never stored)."""
        brought = set(conn.scalars(select(t.documents.c.number).where(
            t.documents.c.import_id == import_id, t.documents.c.auto_apply)))  # fmt: skip
        if not brought:
            return 0
        ledger = self.ws.books.ledger(conn=conn)
        return sum(1 for n in brought if n in ledger.credits
                   for a in ledger.credits[n].allocations if a.allocation.id < 0)  # fmt: skip

    def _allocate_references(self, conn: Connection, import_id: int, audit_id: int,
                             summary: ImportSummary) -> None:  # fmt: skip
        """Record, as part of the import's own change, what the payments' explicit
        references choose (:func:`core.rules.in_time.plan_references`, the rule of
        ``auto-allocate``) where the payment or the invoice came with this file: an
        allocation the clerk removed earlier is not made again by an unrelated import."""
        from core.rules.in_time import plan_references

        payments = set(conn.scalars(select(t.payments.c.id).where(
            t.payments.c.import_id == import_id)))  # fmt: skip
        numbers = set(conn.scalars(select(t.documents.c.number).where(
            (t.documents.c.import_id == import_id)
            | (t.documents.c.header_import_id == import_id))))  # fmt: skip
        if not payments and not numbers:
            return
        facts = self.ws.books.facts(conn)
        result = plan_references(facts)

        def brought(p) -> bool:
            return p.source_id in payments or p.aimed_at in numbers or p.invoice in numbers

        planned = [p for p in result.planned if brought(p)]
        writes.add_allocations(conn, planned, audit_id)
        writes.add_allocations(conn, [p for p in result.chosen if brought(p)], audit_id)
        currency = {p.id: p.currency for p in facts.payments}
        summary.by_reference = [
            f"{p.source_id}: {format_amount(p.amount, currency[p.source_id])} "
            f"{currency[p.source_id]} to {p.invoice}" + (f" (quoted {p.aimed_at})"
                                                         if p.aimed_at != p.invoice else "")
            for p in planned
        ]  # fmt: skip
        summary.reference_payments = len({p.source_id for p in planned})

    def _store(self, conn: Connection, ex: Extracted, import_id: int, summary: ImportSummary,
               tick: _Ticker) -> dict:  # fmt: skip
        """Store each kind of entry the file brought; the documents it updated, as they were
        (for undo)."""
        updated_docs = self._store_documents(conn, ex.documents, import_id, summary, tick)
        if ex.documents:  # no amendment circle, no void of a void; a void's missing original
            summary.warnings += chains.check(summary.file, ex.documents, reads.amendments(conn))
        line_numbers: set[str] = set()
        if ex.lines or ex.line_table is not None or ex.line_stream is not None:
            tables = ex.line_stream if ex.line_stream is not None else [
                ex.line_table if ex.line_table is not None else linestore.lines_to_table(ex.lines)
            ]  # fmt: skip
            summary.sheet = ex.sheet
            line_numbers = store_lines(conn, tables, import_id, summary, tick)
            if ex.line_stream is not None:  # read while stored
                summary.entries_read = ex.line_stream.rows
        if ex.payments:
            self._store_payments(conn, ex.payments, import_id, summary, tick)
        if ex.usage:
            store_usage(conn, ex.usage, import_id, summary, tick)
        self._check_line_totals(conn, summary, {d.number for d in ex.documents} | line_numbers)
        return updated_docs

    def _store_documents(self, conn: Connection, documents: list[Document], import_id: int,
                         summary: ImportSummary, tick: _Ticker) -> dict:  # fmt: skip
        stored = {r.number: r._mapping for r in conn.execute(select(t.documents))}
        merged = merge_documents(
            summary.file, [(d, writes.document_values(d)) for d in documents], stored
        )
        tick(len(documents))
        if merged.new:
            conn.execute(insert(t.documents), [
                values | {"import_id": import_id, "header_import_id": import_id,
                          "auto_apply": doc.is_credit}
                for doc, values in merged.new
            ])  # fmt: skip
        updated: dict[str, dict] = {}
        for doc, values, old in merged.updated:
            header = stored[doc.number]["header_import_id"]
            updated[doc.number] = writes.encode_row(old | {"header_import_id": header})
            conn.execute(update(t.documents).where(t.documents.c.number == doc.number)
                         .values(**values, header_import_id=import_id))  # fmt: skip
        # Microsoft's view (paidAmount): a status kept with its day, not a document update
        updated |= self.ws.agree.record(conn, documents, merged.statuses, import_id, summary)
        _count(summary.created, "documents", len(merged.new))
        _count(summary.unchanged, "documents", merged.unchanged)
        _count(summary.updated, "documents", len(merged.updated))
        summary.warnings.extend(merged.warnings)
        return updated

    def _check_line_totals(self, conn: Connection, summary: ImportSummary,
                           numbers: set[str]) -> None:  # fmt: skip
        """Say which invoices' lines do not add up to what the invoice says."""
        if not numbers:
            return
        docs = {d.number: d for d in reads.documents(conn) if d.number in numbers}
        for number in sorted(numbers):
            d = docs.get(number)
            if d is None or d.date is None or d.lines_total is None:
                continue
            if d.lines_total != d.total:
                summary.warnings.append(
                    f"{number}: lines add up to {format_exact(d.lines_total, d.currency)} "
                    f"{d.currency}, the invoice says {format_amount(d.total, d.currency)} "
                    f"(difference {format_exact(d.total - d.lines_total, d.currency)})"
                )

    def _store_payments(self, conn: Connection, payments: list[Payment], import_id: int,
                        summary: ImportSummary, tick: _Ticker) -> None:  # fmt: skip
        known = set(conn.scalars(select(t.payments.c.fingerprint)))
        stored = reads.payments(conn, self.store.hidden_payment_columns)
        merged = merge_payments(summary.file, payments, stored, known)
        tick(len(payments))
        for tw in merged.twins:
            writes.add_payment_source(conn, tw.twin.id, import_id, summary.format, tw.source)
            if tw.references:
                writes.add_references(conn, tw.twin.id, tw.payment)
            if tw.learnt:  # the statement says more than the clerk's list did
                conn.execute(update(t.payments).where(t.payments.c.id == tw.twin.id)
                             .values(**tw.learnt))  # fmt: skip
        rows = {
            t.payments: [dict(
                id=n.id, fingerprint=n.fingerprint, date=n.payment.date,
                amount=n.payment.amount, currency=n.payment.currency,
                reference=n.payment.reference, bank_account=n.payment.bank_account,
                counterparty=n.payment.counterparty, bank_reference=n.payment.bank_reference,
                import_id=import_id, source_file=n.source.file, source_sheet=n.source.sheet,
                source_row=n.source.row, payee_account=n.payment.payee_account,
            ) for n in merged.new],
            t.payment_references: [
                dict(payment_id=n.id, position=i, invoice_number=r.number.upper(),
                     amount=r.amount)
                for n in merged.new for i, r in enumerate(n.payment.references)
            ],
            t.payment_sources: [dict(payment_id=n.id, import_id=import_id, format=summary.format,
                                     place=n.source.where()) for n in merged.new],
        }  # fmt: skip
        for table, values in rows.items():
            if values:
                conn.execute(insert(table), values)
        _count(summary.unchanged, "payments", merged.unchanged)
        _count(summary.created, "payments", len(merged.new))
        summary.warnings.extend(merged.warnings)
        created = [(n.id, n.payment) for n in merged.new]
        summary.warnings.extend(self.ws.plans.confirm(conn, created))

    # ------------------------------------------------------------------ layouts, options

    def _mapped_importer(self, path: Path) -> Importer | None:
        """The clerk's mapping for this file's header layout, if one was saved."""
        from core.importers.mapped import MappedTable, layout_key
        from core.importers.tabular import peek_header

        with path.open("rb") as fh:
            head = fh.read(8)
        header = peek_header(path, head, find_header=True)
        if not header:
            return None
        saved = self.store.setting(f"layout:{layout_key(header)}")
        if not saved:
            return None
        layout = json.loads(saved)
        return MappedTable(layout["kind"], layout["columns"])

    def preview(self, path: Path, rows: int = 5) -> tuple[list[str], list[list[str]]]:
        """A spreadsheet's header and its first rows as text (for the column-mapping
        dialog)."""
        from core.importers.tabular import read_table, text

        with path.open("rb") as fh:
            head = fh.read(8)
        table = read_table(path, head, find_header=True)
        out: list[list[str]] = []
        for _n, cells in table.rows:
            if len(out) >= rows:
                break
            out.append([text(c) for c in cells])
        return table.header, out

    @staticmethod
    def layout_fields(kind: str) -> list[tuple[str, bool]]:
        """(field, required) the clerk maps for a kind of file: payments or invoices."""
        from core.importers.mapped import KINDS, fields

        if kind not in KINDS:
            raise ValueError(f"unknown kind '{kind}' (payments or invoices)")
        return fields(kind)

    def guess_columns(self, kind: str, header: list[str]) -> dict[str, str]:
        """The columns whose names are the fields' own, whatever the case and accents."""
        from core.importers.tabular import fold

        out = {}
        for name, _required in self.layout_fields(kind):
            found = next((h for h in header if fold(h) == fold(name)), None)
            if found:
                out[name] = found
        return out

    def check_layout(self, header: list[str], kind: str, columns: dict[str, str]) -> str:
        """A mapping every required field has a column of the file for; its layout key."""
        from core.importers.mapped import layout_key
        from core.importers.said import listed

        missing = [f for f, required in self.layout_fields(kind) if required and not columns.get(f)]
        if missing:
            raise ValueError(say("map a column for {fields}", fields=listed(missing)))
        unknown = [h for h in columns.values() if h and h not in header]
        if unknown:
            raise ValueError(say("no column {names} in the file",
                                 names=", ".join(repr(h) for h in unknown)))  # fmt: skip
        return layout_key(header)

    def save_layout(self, header: list[str], kind: str, columns: dict[str, str]) -> Change:
        """Remember which columns of this header layout hold what (audited, undoable); the
        change's ``result`` is the layout's key."""
        key = self.check_layout(header, kind, columns)
        done = self.ws.settings.set(f"layout:{key}", json.dumps({"kind": kind,
                                                                 "columns": columns}))  # fmt: skip
        said = f"layout {key} saved: files with these columns now import as {kind}"
        return change("save-layout", said, {"settings"}, key, done.audit_id)

    def _stored_list(self, key: str, display: str) -> list[str]:
        """A list setting as stored; one stored before settings were checked, and not a list,
        refuses the import naming the setting (never a bare JSON error)."""
        from core.settings import validate

        stored = self.store.setting(key, "") or ""
        try:
            return json.loads(validate(key, stored))
        except ValueError as exc:
            refuse(
                display,
                None,
                f"the workspace's setting {exc} (correct it in Preferences, "
                f"or: csp-recon set {key} '[...]')",
            )

    def _options(self, given: ImportOptions | None, display: str) -> ImportOptions:
        """The caller's options completed with the workspace's settings."""
        given = given or ImportOptions()
        names, ibans = (self._stored_list(k, display) for k in ("payee_names", "payee_ibans"))
        return ImportOptions(
            term_days=self.store.term_days(),
            invoice_number=given.invoice_number,
            payees=(*given.payees, *names),
            payee_ibans=(*given.payee_ibans, *ibans),
            currency=self.store.setting("currency", given.currency) or given.currency,
            rows_only=given.rows_only,
        )
