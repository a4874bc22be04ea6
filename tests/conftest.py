"""Shared fixtures: a fresh workspace, file writers, and the command line as a function."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core.cli import main
from core.importers.pc_recon_lines import RECON_COLUMNS
from core.workspace import Workspace

DATA = Path(__file__).parent / "data"

# GUI tests draw offscreen, also when pytest is run without the Makefile's environment.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RECON_HEADER = RECON_COLUMNS


# A PostgreSQL server for the team-workspace runs of the same tests (``.ci/postgres``).
PG_URL = os.environ.get("CSP_TEST_PG_URL")
_pg_count = iter(range(1_000_000))


@pytest.fixture(params=["sqlite", *(["postgresql"] if PG_URL else [])])
def ws_path(request, tmp_path: Path):
    """A fresh workspace: a file, and with CSP_TEST_PG_URL a fresh database on the server."""
    if request.param == "sqlite":
        return tmp_path / "w.db"
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"csp_test_{os.getpid()}_{next(_pg_count)}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")

    def drop() -> None:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()

    request.addfinalizer(drop)
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def ws(ws_path: Path):
    with Workspace(ws_path) as w:
        yield w


def invoice(number: str, day: str, total: str, currency: str = "EUR", **extra) -> dict:
    """One Partner Center invoice object as the API writes it."""
    return {
        "id": number,
        "invoiceDate": f"{day}T10:00:00Z",
        "totalCharges": Decimal(total),
        "paidAmount": Decimal(0),
        "currencyCode": currency,
        "documentType": extra.pop("documentType", "invoice"),
        "invoiceType": extra.pop("invoiceType", "Recurring"),
        **extra,
    }


def _to_json(obj: object) -> str:
    marker = "@@n@@"

    def mark(o):
        if isinstance(o, Decimal):
            return f"{marker}{o}{marker}"
        if isinstance(o, dict):
            return {k: mark(v) for k, v in o.items()}
        if isinstance(o, list):
            return [mark(v) for v in o]
        return o

    return json.dumps(mark(obj)).replace(f'"{marker}', "").replace(f'{marker}"', "")


@pytest.fixture
def write_invoices(tmp_path: Path) -> Callable[..., Path]:
    def write(items: list[dict], name: str = "invoices.json") -> Path:
        path = tmp_path / name
        path.write_text(_to_json({"totalCount": len(items), "items": items}), encoding="utf-8")
        return path

    return write


@pytest.fixture
def write_recon(tmp_path: Path) -> Callable[..., Path]:
    """Write a 47-column reconciliation CSV from (invoice, customer, total[, currency]) rows."""

    def write(rows: list[tuple], name: str = "recon.csv", bom: bool = True) -> Path:
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(RECON_HEADER)
        for n, row in enumerate(rows):
            number, customer, total = row[:3]
            currency = row[3] if len(row) > 3 else "EUR"
            cells = dict.fromkeys(RECON_HEADER, "")
            cells.update(
                PartnerId="p-1",
                CustomerId=f"c-{customer}",
                CustomerName=customer,
                InvoiceNumber=number,
                ProductName=f"Product {n}",
                ChargeType="cycleCharge",
                Subtotal=total,
                TaxTotal="0",
                Total=total,
                Currency=currency,
                ChargeStartDate="2/1/2026",
                ChargeEndDate="2/28/2026 0:00",
            )
            writer.writerow([cells[h] for h in RECON_HEADER])
        data = buffer.getvalue()
        path = tmp_path / name
        path.write_bytes(("\ufeff" if bom else "").encode() + data.encode("utf-8"))
        return path

    return write


@pytest.fixture
def write_text(tmp_path: Path) -> Callable[..., Path]:
    def write(name: str, text: str, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


@pytest.fixture
def cli(ws_path: Path, capsys) -> Callable[..., tuple[int, str, str]]:
    """Run ``csp-recon --db WS ARGS`` and return (exit status, stdout, stderr)."""

    def run(*args: object) -> tuple[int, str, str]:
        code = main(["--db", str(ws_path), *map(str, args)])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.fixture
def cli_json(cli) -> Callable[..., object]:
    def run(*args: object) -> object:
        code, out, err = cli(*args, "--json")
        assert code == 0, err
        return json.loads(out)

    return run


GUI_TODAY = date(2026, 11, 23)  # the demo workspace's today in the window tests


@pytest.fixture
def gui_settings(monkeypatch, tmp_path: Path) -> None:
    """The window tests' preferences, recent files and default workspace stay out of the
    user's; texts and numbers in US English unless a test installs French."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("en_US"))


@pytest.fixture
def show_window(qtbot):
    """Opens a workspace in the main window as of a day, shown and loaded; closed after."""
    from desktop.main_window import MainWindow

    shown = []

    def show(path, today: date = GUI_TODAY):
        w = MainWindow(path, today)
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.loaded, timeout=20000):
            w.show()
        shown.append(w)
        return w

    yield show
    for w in shown:
        w.close()


@pytest.fixture
def demo_window(show_window, tmp_path: Path):
    """The main window on a fresh demo workspace."""
    from core.demo import write_demo

    return show_window(write_demo(tmp_path / "demo", today=GUI_TODAY))
