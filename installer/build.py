"""``make dist``: build the desktop bundle with PyInstaller, then the platform's packages.

On Linux: ``dist/csp-reconciler/`` (one folder: both programs, Python, Qt, data),
``dist/csp-reconciler-VERSION-linux-x86_64.tar.gz`` and ``dist/csp-reconciler_VERSION_amd64.deb``
(desktop entry, icons in the hicolor sizes, the ``.csprecon`` workspace MIME type, copyright
and changelog).  On Windows and macOS the same spec gives the folder (and the ``.app``); the
Inno Setup script and the macOS recipe are described in ``installer/README.md``.  Every build
puts the licence notices in ``licenses/`` next to the programs (installer/notices.py).
"""

from __future__ import annotations

import email.utils
import gzip
import os
import shutil
import struct
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUNDLE = DIST / "csp-reconciler"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
HICOLOR = (16, 24, 32, 48, 64, 128, 256, 512)  # the Linux icon theme's folders
ICO = (16, 24, 32, 48, 256)  # Windows: small icons, the taskbar and Explorer's large view
# macOS: an .iconset names each size and its double (@2x) for Retina screens
ICONSET = {f"icon_{s}x{s}{'@2x' if double else ''}.png": s * (2 if double else 1)
           for s in (16, 32, 128, 256, 512) for double in (False, True)}  # fmt: skip
APP_ID = "csp-reconciler"  # the desktop file's name, the window's app id and WM class
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def icons(out: Path = BUILD / "icons") -> Path:
    """The icon in every size the platforms ask for, drawn from the one SVG, with the Windows
    .ico and the macOS .iconset made of them."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - needed by QImage
    out.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "csp-reconciler.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(out / f"csp-reconciler-{size}.png"))
    write_ico(out / "csp-reconciler.ico", {s: out / f"csp-reconciler-{s}.png" for s in ICO})
    write_iconset(out / "csp-reconciler.iconset", out)
    return out


def write_ico(path: Path, pngs: dict[int, Path]) -> Path:
    """A Windows icon holding one PNG image per size (Qt's writer keeps only one)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        data = png.read_bytes()
        side = 0 if size >= 256 else size  # 0 stands for 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        images += data
    path.write_bytes(header + entries + images)
    return path


def write_iconset(folder: Path, pngs: Path) -> Path:
    """The macOS iconset (``iconutil -c icns`` makes the .icns of it): 16 to 512, each @2x."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, size in ICONSET.items():
        shutil.copy(pngs / f"csp-reconciler-{size}.png", folder / name)
    return folder


def bundle() -> Path:
    icons()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(ROOT / "installer" / "csp_reconciler.spec")], check=True)  # fmt: skip
    strip_python()
    sys.path.insert(0, str(ROOT / "installer"))
    import notices

    notices.write(BUNDLE / "licenses")
    return BUNDLE


def strip_python() -> None:
    """Linux: the symbols out of Python's own libraries (libpython and its extension modules,
    17 MB with a Python built from source).  The wheels' libraries are left as they are:
    those auditwheel patched break when stripped (numpy's OpenBLAS does)."""
    if not sys.platform.startswith("linux") or not shutil.which("strip"):
        return
    internal = BUNDLE / "_internal"
    files = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    files = [f for f in files if f.is_file() and not f.is_symlink()]
    if files:
        subprocess.run(["strip", "--strip-unneeded", *map(str, files)], check=True)


def tarball() -> Path:
    path = DIST / f"csp-reconciler-{VERSION}-linux-x86_64.tar.gz"
    with tarfile.open(path, "w:gz", compresslevel=6) as tar:
        tar.add(BUNDLE, arcname=f"csp-reconciler-{VERSION}")
    return path


# Name[fr] stays the product's name, as the French window calls it.  StartupWMClass and the
# file's name match what desktop/app.py gives Qt (setDesktopFileName, the executable's name),
# so the window groups with its launcher on X11 and Wayland.
DESKTOP = """[Desktop Entry]
Type=Application
Name=CSP Reconciler
Name[fr]=CSP Reconciler
GenericName=Invoice reconciliation
GenericName[fr]=Rapprochement de factures
Comment=Reconcile Microsoft CSP invoices, payments and credit notes
Comment[fr]=Rapprocher factures, paiements et avoirs Microsoft CSP
Keywords=invoice;payment;credit note;reconciliation;remittance;aging;Microsoft;CSP;
Keywords[fr]=facture;paiement;avoir;rapprochement;avis de paiement;échéance;Microsoft;CSP;
Exec=csp-reconciler %f
Icon=csp-reconciler
Terminal=false
Categories=Office;Finance;
MimeType=application/x-csprecon;
StartupWMClass=csp-reconciler
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


COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: CSP Reconciler
Upstream-Contact: CSP Reconciler <support@cspreconciler.example>
Comment: The package bundles Python, Qt (through PySide6) and the Python packages the
 program needs.  Each is listed with its version and licence in
 /usr/lib/csp-reconciler/licenses/THIRD-PARTY-NOTICES.txt; that folder holds their licence
 texts.  Among them ofxtools is GPL-3.0-only (see the source's installer/README.md).

Files: *
Copyright: CSP Reconciler authors
License: other
 No licence has been chosen yet for CSP Reconciler's own code (its source has no
 LICENSE file); the source's installer/README.md says what the bundled components'
 licences, ofxtools' GPL-3.0 among them, mean for distributing this package.

Files: usr/lib/csp-reconciler/_internal/PySide6/*
 usr/lib/csp-reconciler/_internal/shiboken6/*
 usr/lib/csp-reconciler/_internal/libQt6*
Copyright: The Qt Company Ltd. and other contributors
License: LGPL-3
 Qt 6 and PySide6 are used under the GNU Lesser General Public License version 3, as shared
 libraries that can be replaced by a compatible build.
 .
 On Debian systems, the complete text of the GNU Lesser General Public License version 3
 can be found in "/usr/share/common-licenses/LGPL-3".

Files: usr/lib/csp-reconciler/_internal/resources/fonts/*
Copyright: 2003 Bitstream, Inc.
 DejaVu changes are in public domain.
License: bitstream-vera
{dejavu}
"""
CHANGELOG = """\
csp-reconciler ({version}) unstable; urgency=medium

  * Release {version}: see the project's README for what it does.

 -- CSP Reconciler <support@cspreconciler.example>  {date}
"""
# lintian, on a program that carries its own Python and Qt by design (see installer/README.md)
OVERRIDES = """\
# The bundle carries its own Python, Qt and libraries (PyInstaller), as their wheels built them:
# copies of system libraries, unstripped, found through the bundle's own search path.
csp-reconciler: embedded-library *
csp-reconciler: unstripped-binary-or-object *
csp-reconciler: custom-library-search-path *
csp-reconciler: shared-library-lacks-prerequisites *
csp-reconciler: library-not-linked-against-libc *
# both programs answer --help; the README is their manual
csp-reconciler: no-manual-page *
"""


def _gzip(text: str, path: Path) -> None:
    with open(path, "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as out:
        out.write(text.encode())


def _release_date() -> str:
    """The last commit's date (the changelog's), else now."""
    done = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cD"],
                          capture_output=True, text=True, check=False)  # fmt: skip
    return done.stdout.strip() or email.utils.formatdate(usegmt=False)


def deb() -> Path:
    root = BUILD / "deb"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(BUNDLE, root / "usr" / "lib" / "csp-reconciler", symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for name in ("csp-reconciler", "csp-recon"):
        (bin_dir / name).symlink_to(f"../lib/csp-reconciler/{name}")
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{APP_ID}.desktop").write_text(DESKTOP)
    (share / "mime" / "packages").mkdir(parents=True)
    (share / "mime" / "packages" / "csp-reconciler.xml").write_text(MIME)
    for size in HICOLOR:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy(BUILD / "icons" / f"csp-reconciler-{size}.png", folder / "csp-reconciler.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "csp-reconciler.svg", scalable)
    doc = share / "doc" / "csp-reconciler"
    doc.mkdir(parents=True)
    dejavu = (ROOT / "installer" / "licenses" / "DejaVu-fonts.txt").read_text().split(":\n", 1)[1]
    (doc / "copyright").write_text(COPYRIGHT.format(dejavu="\n".join(
        f" {line}" if line.strip() else " ." for line in dejavu.strip().splitlines())))  # fmt: skip
    _gzip(CHANGELOG.format(version=VERSION, date=_release_date()), doc / "changelog.gz")
    overrides = share / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    (overrides / "csp-reconciler").write_text(OVERRIDES)
    programs = {root / "usr" / "lib" / "csp-reconciler" / name
                for name in ("csp-reconciler", "csp-recon")}  # fmt: skip
    for path in root.rglob("*"):  # as Debian wants them: libraries are not executable
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or path in programs else 0o644)
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
