"""Entry script of the frozen app (PyInstaller): the `quote-desk` command line; no arguments open the desk.

The windowed `quote-desk-gui` program is built from this same script: with no arguments it opens the desk too.
"""

import sys

from quote_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
