"""``make dist-check``: build the Linux bundle and try it as a clerk's machine would.

Starts the bundled desktop application offscreen on the demo workspace it creates at
first start (in a throwaway home), checks the screenshot is a real window, runs the bundled
command line (``balance`` on that workspace, an import of a reconciliation file, which
exercises pyarrow, and the remittance advice and pain.001 file it exports), checks the first
start made the data, config and log folders, that the licence notices are in the bundle, that
the bundle stays under its size budget, that the .deb's /usr/bin/csp-recon runs, and that
lintian finds no error in the .deb and desktop-file-validate none in its desktop entry.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "csp-reconciler"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
BUDGET_MB = 420  # the one-folder bundle on Linux: 396 MB measured (installer/README.md)


def fail(message: str) -> None:
    print(f"dist-check: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def main() -> int:
    if "--no-build" not in sys.argv:
        subprocess.run([sys.executable, str(ROOT / "installer" / "build.py")], check=True)
    home = Path(tempfile.mkdtemp(prefix="csp-dist-home-"))
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }  # nothing of the build machine's Python on the way
    shot = home / "window.png"
    subprocess.run([str(BUNDLE / "csp-reconciler"), "--screenshot", str(shot)], env=env,
                   check=True, timeout=120)  # fmt: skip
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    image = QImage(str(shot))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}  # fmt: skip
    if image.width() < 640 or len(colours) < 20:
        fail(f"the screenshot {shot} looks blank ({image.width()} px wide, {len(colours)} colours)")
    demo = home / ".local" / "share" / "CSP Reconciler" / "demo" / "workspace.db"
    for folder in (demo.parent, home / ".config" / "CSP Reconciler",
                   home / ".local" / "state" / "CSP Reconciler" / "log"):  # fmt: skip
        if not folder.is_dir():
            fail(f"first start did not create {folder}")
    cli = str(BUNDLE / "csp-recon")
    version = subprocess.run([cli, "--version"], env=env, capture_output=True, text=True,
                             timeout=60).stdout.strip()  # fmt: skip
    if not version.endswith(VERSION):
        fail(f"bundled csp-recon --version says '{version}', pyproject.toml {VERSION}")
    out = subprocess.run([cli, "--db", str(demo), "balance", "--json"], env=env, check=True,
                         capture_output=True, text=True, timeout=60).stdout  # fmt: skip
    if json.loads(out)["EUR"]["amount_due"] != "20963.40":
        fail(f"bundled balance: {out}")
    sys.path.insert(0, str(ROOT))
    from tests.benchmarks.generate import recon_csv

    recon = recon_csv(home / "lines.csv", 50_000)
    done = subprocess.run(
        [cli, "--db", str(home / "w.db"), "import", str(recon), "--json"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    created = json.loads(done.stdout)["imported"][0]["created"]
    if created.get("lines") != 50_000:
        fail(f"bundled import: {done.stdout[:500]}")
    documents = write_documents(cli, env, home / "docs")
    size = (
        sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )  # links counted once, as du does
    if size > BUDGET_MB:
        fail(f"the bundle is {size:.0f} MB, over its {BUDGET_MB} MB budget")
    notices = BUNDLE / "licenses" / "THIRD-PARTY-NOTICES.txt"
    if not notices.is_file() or "LGPL-3.0" not in notices.read_text():
        fail(f"no licence notices in the bundle ({notices})")
    judged = judge_packages()
    print(
        f"dist-check: ok — window drawn ({len(colours)} colours), balance 20963.40 EUR, "
        f"50,000 lines imported, {documents}, bundle {size:.0f} MB (budget {BUDGET_MB} MB), "
        f"{judged}"
    )
    return 0


def write_documents(cli: str, env: dict[str, str], folder: Path) -> str:
    """The bundled command line writes what a clerk sends (as `make samples` does): the
    remittance advice as PDF (reportlab, Pillow, the DejaVu font) and XLSX, the pain.001
    transfer file (sepaxml, checked against its schema by xmlschema), after the bank accounts
    are checked (schwifty); it reads bank statements (ofxtools, mt-940, defusedxml); a wrong
    IBAN is refused with a message, not a crash; a team server out of reach is said so."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([cli, "--db", str(folder / "workspace.db"), *args], env=env,
                              capture_output=True, text=True, timeout=120, check=False)  # fmt: skip

    subprocess.run([cli, "demo", str(folder), "--today", "2026-11-23"], env=env, check=True,
                   capture_output=True, timeout=120)  # fmt: skip
    steps = [
        ("set", "company_address", "12 rue de la Paix\n75002 Paris"),
        ("set", "company_account", "FR76 3000 4000 0312 3456 7890 143"),
        ("set", "payee_account_EUR", "IE29 AIBK 9311 5212 3456 78"),
        ("plan", "G000100008", "G000100013", "G000100002", "--date", "2026-11-25"),
    ]
    outputs = {"pdf": b"%PDF", "xlsx": b"PK", "xml": b"<?xml"}
    for kind in ("pdf", "xlsx"):
        steps.append(("export", "remittance", "plan:1", "--format", kind,
                      "-o", str(folder / f"out.{kind}")))  # fmt: skip
    steps.append(("export", "pain001", "plan:1", "-o", str(folder / "out.xml")))
    for step in steps:
        done = run(*step)
        if done.returncode:
            fail(f"bundled csp-recon {' '.join(step)}: {done.stderr[-1500:]}")
    for kind, start in outputs.items():
        if not (folder / f"out.{kind}").read_bytes().startswith(start):
            fail(f"bundled export wrote no {kind} file")
    for statement in ("ofx/releve_sgml.ofx", "mt940/releve_pages.sta",
                      "camt/camt053-v02-balanced.xml"):  # fmt: skip
        done = run("import", str(ROOT / "tests" / "data" / statement), "--json")
        if done.returncode or not json.loads(done.stdout)["imported"][0]["created"]:
            fail(f"bundled import of {statement}: {done.stdout[-800:]}{done.stderr[-800:]}")
    wrong = run("set", "company_account", "FR76 3000 4000 0312 3456 7890 144")
    if wrong.returncode == 0 or "internal error" in wrong.stderr:
        fail(f"bundled csp-recon took a wrong IBAN: {wrong.stderr[-500:]}")
    # a team workspace on a port where no server listens: psycopg and its libpq load, and
    # the clerk is told the server is out of reach
    nowhere = "postgresql+psycopg://clerk@127.0.0.1:1/none"
    team = subprocess.run([cli, "--db", nowhere, "balance"], env=env, capture_output=True,
                          text=True, timeout=60, check=False)  # fmt: skip
    if team.returncode != 2 or "cannot open the team workspace" not in team.stderr:
        fail(f"bundled csp-recon on a team workspace: {team.stderr[-800:]}")
    return "PDF, XLSX and pain.001 written, OFX, MT940 and camt.053 read, PostgreSQL driver loads"


def judge_packages() -> str:
    """lintian on the .deb (no error allowed) and desktop-file-validate on its entry."""
    deb = ROOT / "dist" / f"csp-reconciler_{VERSION}_amd64.deb"
    if not deb.is_file():
        return "no .deb built (no dpkg-deb here)"
    said = []
    unpacked = Path(tempfile.mkdtemp(prefix="csp-dist-deb-"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    cli = unpacked / "usr" / "bin" / "csp-recon"  # the link into /usr/lib/csp-reconciler
    version = subprocess.run([str(cli), "--version"], capture_output=True, text=True,
                             env={"PATH": "/usr/bin:/bin", "HOME": str(unpacked)},
                             timeout=60, check=False).stdout.strip()  # fmt: skip
    shutil.rmtree(unpacked, ignore_errors=True)
    if not version.endswith(VERSION):
        fail(f"the .deb's /usr/bin/csp-recon --version says '{version}'")
    said.append(".deb's csp-recon runs")
    entry = ROOT / "build" / "deb" / "usr" / "share" / "applications" / "csp-reconciler.desktop"
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                              text=True, check=False)  # fmt: skip
        if done.returncode or done.stdout.strip():
            fail(f"desktop-file-validate {entry}: {done.stdout}{done.stderr}")
        said.append("desktop entry valid")
    else:
        said.append("desktop entry NOT validated (no desktop-file-validate)")
    if shutil.which("lintian"):
        done = subprocess.run(["lintian", "--no-tag-display-limit", str(deb)],
                              capture_output=True, text=True, check=False)  # fmt: skip
        errors = [line for line in done.stdout.splitlines() if line.startswith("E:")]
        warnings = [line for line in done.stdout.splitlines() if line.startswith("W:")]
        if errors:
            fail("lintian reports errors on the .deb:\n" + "\n".join(errors[:40]))
        said.append(f"lintian: no error, {len(warnings)} warnings")
    else:
        said.append("lintian NOT run (not installed)")
    return ", ".join(said)


if __name__ == "__main__":
    sys.exit(main())
