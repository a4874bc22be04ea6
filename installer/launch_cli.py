"""Entry point of the bundled command line (PyInstaller starts this script)."""

import sys

from core.cli import main

sys.exit(main())
