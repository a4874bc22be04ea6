"""``make dist``: build the desktop bundle with PyInstaller, then the platform's packages.

On Linux: ``dist/csp-reconciler/`` (one folder: both programs, Python, Qt, data),
``dist/csp-reconciler-VERSION-linux-x86_64.tar.gz`` and ``dist/csp-reconciler_VERSION_amd64.deb``
(desktop entry, icons in the hicolor sizes, the ``.csprecon`` workspace MIME type).  On
Windows and macOS the same spec gives the folder (and the ``.app``); the Inno Setup script
and the macOS recipe are described in ``installer/README.md``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUNDLE = DIST / "csp-reconciler"
SIZES = (16, 24, 32, 48, 64, 128, 256)
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def icons() -> Path:
    """The icon in every size the platforms ask for, drawn from the one SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - needed by QImage
    out = BUILD / "icons"
    out.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "csp-reconciler.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(out / f"csp-reconciler-{size}.png"))
        if size == 256:
            image.save(str(out / "csp-reconciler.ico"))  # Qt's ico writer (Windows)
    return out


def bundle() -> Path:
    icons()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(ROOT / "installer" / "csp_reconciler.spec")], check=True)  # fmt: skip
    return BUNDLE


def tarball() -> Path:
    path = DIST / f"csp-reconciler-{VERSION}-linux-x86_64.tar.gz"
    with tarfile.open(path, "w:gz", compresslevel=6) as tar:
        tar.add(BUNDLE, arcname=f"csp-reconciler-{VERSION}")
    return path


DESKTOP = """[Desktop Entry]
Type=Application
Name=CSP Reconciler
GenericName=Invoice reconciliation
Comment=Reconcile Microsoft CSP invoices, payments and credit notes
Comment[fr]=Rapprocher factures, paiements et avoirs Microsoft CSP
Exec=/opt/csp-reconciler/csp-reconciler %f
Icon=csp-reconciler
Terminal=false
Categories=Office;Finance;
MimeType=application/x-csprecon;
"""
MIME = """<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-csprecon">
    <comment>CSP Reconciler workspace</comment>
    <comment xml:lang="fr">Espace de travail CSP Reconciler</comment>
    <glob pattern="*.csprecon"/>
  </mime-type>
</mime-info>
"""
CONTROL = """Package: csp-reconciler
Version: {version}
Section: misc
Priority: optional
Architecture: amd64
Maintainer: CSP Reconciler <support@cspreconciler.example>
Depends: {depends}
Installed-Size: {size}
Description: Reconcile Microsoft CSP invoices, payments and credit notes
 Imports Partner Center invoices and reconciliation files and bank statements,
 shows what is owed and late against the 60-day term, allocates payments and
 credit notes, and prints remittance advice. Works offline.
"""
DEPENDS = ", ".join(
    (
        "libc6",
        "libfontconfig1",
        "libfreetype6",
        "libxkbcommon0",
        "libxkbcommon-x11-0",
        "libegl1",
        "libgl1",
        "libdbus-1-3",
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-image0",
        "libxcb-keysyms1",
        "libxcb-randr0",
        "libxcb-render-util0",
        "libxcb-shape0",
        "libxcb-xinerama0",
        "libxcb-xkb1",
    )
)  # what Qt's xcb platform needs that a desktop may lack
POSTINST = """#!/bin/sh
set -e
command -v update-desktop-database >/dev/null && update-desktop-database -q || true
command -v update-mime-database >/dev/null && update-mime-database /usr/share/mime || true
command -v gtk-update-icon-cache >/dev/null \
  && gtk-update-icon-cache -q /usr/share/icons/hicolor || true
"""


def deb() -> Path:
    root = BUILD / "deb"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(BUNDLE, root / "opt" / "csp-reconciler", symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for name in ("csp-reconciler", "csp-recon"):
        (bin_dir / name).symlink_to(f"/opt/csp-reconciler/{name}")
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / "csp-reconciler.desktop").write_text(DESKTOP)
    (share / "mime" / "packages").mkdir(parents=True)
    (share / "mime" / "packages" / "csp-reconciler.xml").write_text(MIME)
    for size in SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy(BUILD / "icons" / f"csp-reconciler-{size}.png", folder / "csp-reconciler.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "csp-reconciler.svg", scalable)
    size_kb = (
        sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    )
    (root / "DEBIAN").mkdir()
    control = CONTROL.format(version=VERSION, size=size_kb, depends=DEPENDS)
    (root / "DEBIAN" / "control").write_text(control)
    (root / "DEBIAN" / "postinst").write_text(POSTINST)
    (root / "DEBIAN" / "postinst").chmod(0o755)
    path = DIST / f"csp-reconciler_{VERSION}_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root),
                    str(path)],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    return path


def main() -> int:
    print(f"bundle: {bundle()}")
    if sys.platform.startswith("linux"):
        print(f"tarball: {tarball()}")
        if shutil.which("dpkg-deb"):
            print(f"deb: {deb()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
