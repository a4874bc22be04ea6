"""Entry point of the bundled desktop application (PyInstaller starts this script)."""

import sys

from desktop.app import main

sys.exit(main())
