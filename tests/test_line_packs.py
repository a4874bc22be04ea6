"""Line items stored in packs (Parquet files of up to 65,536 lines, sorted by invoice): read
back exactly, never added twice, undone with their import; and the blocks of a workspace
from before packs still read."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, insert, select

from core import linestore
from core.store import schema as t
from core.store.packs import customer_totals

ROWS = [
    ("G000000001", "Contoso", "100.10"),
    ("G000000002", "Fabrikam", "20.00"),
    ("G000000001", "Fabrikam", "-5.05"),
    ("G000000002", "Contoso", "7.125"),
    ("G000000001", "Contoso", "100.10"),  # the same line twice in one file: both kept
]


def count(ws, table) -> int:
    with ws.store.conn() as c:
        return c.scalar(select(func.count()).select_from(table))


def test_lines_are_stored_in_packs_and_read_back_exactly(ws, write_recon, monkeypatch):
    monkeypatch.setattr(linestore, "PACK_ROWS", 2)  # G000000001's three lines span two packs
    path = write_recon(ROWS)
    path.write_text(path.read_text(encoding="utf-8-sig").replace("Product 4", "Product 0"),
                    encoding="utf-8")  # fmt: skip
    ws.imports.import_file(path)
    with ws.store.conn() as c:
        kinds = [r.kind for r in c.execute(select(t.line_packs).order_by(t.line_packs.c.id))]
        blocks = c.execute(select(t.line_blocks.c.invoice_number, t.line_blocks.c.pack_id,
                                  t.line_blocks.c.first_row, t.line_blocks.c.line_count,
                                  t.line_blocks.c.payload)
                           .order_by(t.line_blocks.c.id)).fetchall()  # fmt: skip
    assert kinds == ["lines", "lines", "lines", "customers"]
    assert [(n, first, k, p) for n, _pack, first, k, p in blocks] == [
        ("G000000001", 0, 2, None), ("G000000001", 0, 1, None), ("G000000002", 1, 1, None),
        ("G000000002", 0, 1, None)]  # fmt: skip
    lines = ws.books.lines("G000000001")
    assert [(ln.customer_name, ln.total, ln.source.row) for ln in lines] == [
        ("Contoso", Decimal("100.10"), 2), ("Fabrikam", Decimal("-5.05"), 4),
        ("Contoso", Decimal("100.10"), 6)]  # fmt: skip
    assert lines[0].key != lines[2].key and lines[2].key.endswith(f"{linestore.SEP}#2")
    assert [ln.total for ln in ws.books.lines("G000000002")] == [Decimal("20.00"),
                                                                  Decimal("7.125")]  # fmt: skip
    labels = [label for label, _ln in ws.charges._scan(["G000000001"])]
    assert labels == ["G000000001#1", "G000000001#2", "G000000001#3"]


def test_the_same_file_twice_adds_nothing_and_undo_takes_the_packs_away(ws, write_recon):
    path = write_recon(ROWS)
    ws.imports.import_file(path)
    more = [*ROWS, ("G000000002", "Contoso", "1.00")]  # a later download, one line more
    again = ws.imports.import_file(write_recon(more, name="again.csv")).result
    assert (again.created["lines"], again.unchanged["lines"]) == (1, 5)
    assert (count(ws, t.line_packs), count(ws, t.line_blocks)) == (4, 3)
    with ws.store.conn() as c:
        totals = customer_totals(c)
    assert sorted(zip(totals["invoice_number"].to_pylist(), totals["customer_name"].to_pylist(),
                      totals["total"].to_pylist(), totals["line_count"].to_pylist(),
                      strict=True)) == [
        ("G000000001", "Contoso", Decimal("200.2"), 2),
        ("G000000001", "Fabrikam", Decimal("-5.05"), 1),
        ("G000000002", "Contoso", Decimal("1"), 1),
        ("G000000002", "Contoso", Decimal("7.125"), 1),
        ("G000000002", "Fabrikam", Decimal("20"), 1)]  # fmt: skip
    assert ws.books.lines("G000000002")[-1].source.file.endswith("again.csv")
    ws.journal.undo()
    assert (count(ws, t.line_packs), count(ws, t.line_blocks)) == (2, 2)
    ws.journal.undo()
    assert (count(ws, t.line_packs), count(ws, t.line_blocks)) == (0, 0)
    assert ws.books.lines("G000000001") == []


def test_blocks_and_customer_rows_of_a_workspace_before_packs_still_read(ws, write_recon):
    """A block of its own per invoice and a row per invoice and customer, as stored before:
    read as before, alongside packs."""
    ws.imports.import_file(write_recon(ROWS[:2]))
    old = linestore.with_keys(linestore.lines_to_table(ws.books.lines("G000000001")))
    old = old.set_column(old.column_names.index("invoice_number"), "invoice_number",
                         linestore._pa()[0].array(["G000000009"] * old.num_rows))  # fmt: skip
    with ws.store.change() as c:
        import_id = c.scalar(select(func.max(t.imports.c.id)))
        c.execute(insert(t.documents).values(
            number="G000000009", document_type="invoice", invoice_type="", currency="EUR",
            total=Decimal("100.10"), date=None, due_date=None, amends=None,
            paid_amount_reported=None, billing_period_start=None, billing_period_end=None,
            auto_apply=False, import_id=import_id, header_import_id=None, source_file="old.csv",
            source_place=None))  # fmt: skip
        c.execute(insert(t.line_blocks).values(
            import_id=import_id, invoice_number="G000000009", currency="EUR", line_count=1,
            total=Decimal("100.10"), source_file="old.csv", source_sheet=None,
            payload=linestore.encode_block(old)))  # fmt: skip
        c.execute(insert(t.line_customer_totals).values(
            import_id=import_id, invoice_number="G000000009", customer_id="c-Contoso",
            customer_name="Contoso", subscription_id="", total=Decimal("100.10"),
            line_count=1))  # fmt: skip
    (line,) = ws.books.lines("G000000009")
    assert (line.customer_name, line.total, line.source.file) == ("Contoso", Decimal("100.10"),
                                                                   "old.csv")  # fmt: skip
    assert ws.charges.line_customers() == [("c-Contoso", "Contoso", 2),
                                           ("c-Fabrikam", "Fabrikam", 1)]  # fmt: skip


def test_a_workspace_of_the_previous_version_keeps_its_blocks_after_the_upgrade(tmp_path):
    """Upgraded to packs (0012), a workspace keeps its blocks and customer rows as they were
    and reads them; what it imports next goes into packs beside them."""
    from alembic import command

    from core.store.database import alembic_config, open_engine
    from core.workspace import Workspace

    path = tmp_path / "old.db"
    engine = open_engine(path, readonly=False)
    block = _old_block("G000000009", "Contoso", "100.10")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0011")
        conn.exec_driver_sql(
            "INSERT INTO imports (id, file_name, sha256, format, imported_at, os_user, summary,"
            " undone) VALUES (1, 'old.csv', 'x', 'Partner Center invoice line items',"
            " '2026-03-01 10:00:00', 'clerk', '{}', 0)"
        )
        conn.exec_driver_sql(
            "INSERT INTO line_blocks (import_id, invoice_number, currency, line_count, total,"
            " source_file, source_sheet, payload) VALUES (1, 'G000000009', 'EUR', 1, '100.10',"
            " 'old.csv', NULL, ?)", (block,))  # fmt: skip
        conn.exec_driver_sql(
            "INSERT INTO line_customer_totals (import_id, invoice_number, customer_id,"
            " customer_name, subscription_id, total, line_count) VALUES (1, 'G000000009',"
            " 'c-Contoso', 'Contoso', '', '100.10', 1)"
        )
    engine.dispose()
    with Workspace(path) as ws:
        (line,) = ws.books.lines("G000000009")
        assert (line.customer_name, line.total, line.source.row) == ("Contoso", D("100.10"), 7)
        assert ws.charges.line_customers() == [("c-Contoso", "Contoso", 1)]
        assert ws.books.customer_weights() == {"G000000009": {"Contoso": D("100.1")}}


D = Decimal


def _old_block(number: str, customer: str, total: str) -> bytes:
    """One line as a block of its own, the way workspaces before packs stored it."""
    from core.model import InvoiceLine, Source

    line = InvoiceLine(invoice_number=number, currency="EUR", subtotal=D(total), tax=D(0),
                       total=D(total), customer_id=f"c-{customer}", customer_name=customer,
                       product="Product", charge_type="cycleCharge", subscription_id="s-1",
                       charge_start=None, charge_end=None, quantity=None, unit_price=None,
                       key="", source=Source("old.csv", 7, None), details={})  # fmt: skip
    return linestore.encode_block(linestore.with_keys(linestore.lines_to_table([line])))


def test_lines_export_to_csv_and_parquet_whole_and_by_customer(cli, write_recon, tmp_path):
    rows = [*ROWS[:4], ("G000000003", "=HYPERLINK(1)", "-3.30")]
    assert cli("import", write_recon(rows))[0] == 0
    out = tmp_path / "lines.csv"
    code, said, err = cli("export", "lines", "-o", out)
    assert (code, said, err) == (0, f"5 lines written: {out}\n", "")
    import csv

    text = out.read_bytes()
    assert text.startswith("\ufeff".encode())
    got = list(csv.DictReader(text.decode("utf-8-sig").splitlines()))
    assert [(r["invoice_number"], r["customer_name"], r["total"], r["currency"], r["source_row"])
            for r in got] == [
        ("G000000001", "Contoso", "100.10", "EUR", "2"),
        ("G000000001", "Fabrikam", "-5.05", "EUR", "4"),
        ("G000000002", "Fabrikam", "20.00", "EUR", "3"),
        ("G000000002", "Contoso", "7.125", "EUR", "5"),
        ("G000000003", "'=HYPERLINK(1)", "-3.30", "EUR", "6"),
    ]  # fmt: skip
    assert got[0]["source_file"].endswith("recon.csv")
    parquet = tmp_path / "contoso.parquet"
    code, said, _ = cli("export", "lines", "--customer", "c-Contoso", "-o", parquet)
    assert (code, said) == (0, f"2 lines written: {parquet}\n")
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    assert table["total"].to_pylist() == ["100.10", "7.125"]
    assert table["invoice_number"].to_pylist() == ["G000000001", "G000000002"]
    code, said, _ = cli("export", "lines", "--invoice", "G000000002", "-o", tmp_path / "x.csv")
    assert said.startswith("2 lines written")
    assert not list(tmp_path.glob("*.part"))


def _streamed(monkeypatch, block_bytes: int, round_rows: int) -> None:
    """A large file's path on a small one: read a few lines a block, stored a few a round."""
    from core.importers import fastcsv
    from core.store import lines

    monkeypatch.setattr(fastcsv, "MIN_BYTES", 0)
    monkeypatch.setattr(fastcsv, "BLOCK_BYTES", block_bytes)
    monkeypatch.setattr(lines, "ROUND_ROWS", round_rows)


def _stored(ws) -> list[tuple]:
    out = []
    for number in ("G000000001", "G000000002", "G000000003"):
        out += [(number, ln.key, ln.customer_name, ln.total, ln.source.row)
                for ln in ws.books.lines(number)]  # fmt: skip
    return out


def test_a_large_file_is_stored_a_few_packs_at_a_time_as_it_would_be_whole(
    ws, write_recon, monkeypatch, tmp_path
):
    from core.workspace import Workspace

    rows = [(f"G00000000{1 + n % 3}", f"C{n % 5}", f"{n}.25") for n in range(60)]
    rows += rows[:7]  # lines a later round repeats: numbered as repeats, not taken as stored
    path = write_recon(rows)
    text = path.read_text(encoding="utf-8-sig")
    for n in range(7):  # the same product too: the same line
        text = text.replace(f"Product {60 + n},", f"Product {n},")
    path.write_text(text, encoding="utf-8")
    whole = Workspace(tmp_path / "whole.db")
    whole.imports.import_file(path)
    _streamed(monkeypatch, block_bytes=900, round_rows=8)
    result = ws.imports.import_file(path).result
    assert (result.entries_read, result.created["lines"], result.unchanged) == (67, 67, {})
    assert _stored(ws) == _stored(whole)
    assert sum(1 for line in _stored(ws) if line[1].endswith(f"{linestore.SEP}#2")) == 7
    with ws.store.conn() as c, whole.store.conn() as w:
        assert sorted(customer_totals(c).to_pylist(), key=str) == sorted(
            customer_totals(w).to_pylist(), key=str)  # fmt: skip
    totals = [{d.number: d.total for d in w.books.documents()} for w in (ws, whole)]
    assert totals[0] == totals[1] and totals[0]["G000000001"] == Decimal("584.75")
    copy = path.with_name("again.csv")  # the same lines, another file (a BOM more)
    copy.write_text(text, encoding="utf-8-sig")
    again = ws.imports.import_file(copy).result
    assert (again.created.get("lines", 0), again.unchanged["lines"]) == (0, 67)


def test_a_bad_value_late_in_a_large_file_keeps_nothing_read_before_it(
    ws, write_recon, monkeypatch
):
    import pytest

    from core.workspace import ImportFailed

    rows = [(f"G00000000{1 + n % 2}", "Contoso", f"{n}.00") for n in range(40)]
    rows[35] = ("G000000001", "Contoso", "12,5O")  # the last block: a letter O for a zero
    path = write_recon(rows)
    _streamed(monkeypatch, block_bytes=900, round_rows=4)
    with pytest.raises(ImportFailed) as failed:
        ws.imports.import_file(path)
    said = [str(e) for e in failed.value.errors]
    assert any(
        e.endswith("recon.csv:37: column Subtotal: expected a number, got '12,5O'") for e in said
    ), said
    assert (count(ws, t.line_packs), count(ws, t.line_blocks), count(ws, t.documents)) == (0, 0, 0)


def test_a_large_file_cut_inside_a_quoted_cell_or_in_windows_1252_reads_whole(
    ws, write_recon, monkeypatch, tmp_path
):
    """A block boundary inside a quoted cell holding a line break is never taken for the end
    of a record; a Windows-1252 file (a French export) is read in its encoding."""
    from core.workspace import Workspace

    rows = [(f"G00000000{1 + n % 2}", f"Café {n % 3}", f"{n}.50") for n in range(30)]
    path = write_recon(rows)
    text = path.read_text(encoding="utf-8-sig").replace("Product 20,", '"Product\n20",')
    path.write_text(text, encoding="cp1252")
    whole = Workspace(tmp_path / "whole.db")
    whole.imports.import_file(path)
    _streamed(monkeypatch, block_bytes=700, round_rows=4)
    result = ws.imports.import_file(path).result
    assert result.created["lines"] == 30
    assert _stored(ws) == _stored(whole)
    assert {ln.customer_name for ln in ws.books.lines("G000000001")} == {"Café 0", "Café 1",
                                                                         "Café 2"}  # fmt: skip
    assert [ln.product for ln in ws.books.lines("G000000001")][10] == "Product\n20"
