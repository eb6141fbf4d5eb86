"""Entry script of the frozen app (PyInstaller). Both programs of the one-folder app are built from it:

- `quote-desk`: the command line (`quote_desk.cli:main`); without a command it opens the desk;
- `quote-desk-gui`: the desk (`quote_desk.app.main:main`, like the wheel's gui-script), options as `desk`.
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    if Path(sys.executable).stem.endswith("-gui"):
        from quote_desk.app.main import main
    else:
        from quote_desk.cli import main
    sys.exit(main())
