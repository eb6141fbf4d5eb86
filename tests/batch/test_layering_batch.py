"""Batch modules and the extract/import commands import nothing heavy until a command needs it, so
`quote-desk --help` stays fast (the benchmarks measure it)."""

import subprocess
import sys

HEAVY = ["PySide6", "stanza", "torch", "dask", "distributed", "pyarrow", "tqdm", "pandas"]


def test_batch_modules_are_light_at_import():
    code = (
        "import sys\n"
        "import quote_desk.batch.articles, quote_desk.batch.pool, quote_desk.batch.sink, quote_desk.batch.quotes_io\n"
        "import quote_desk.batch.importing, quote_desk.batch.dask_engine, quote_desk.cli.extract\n"
        "import quote_desk.cli.import_quotes\n"
        "from quote_desk.cli import build_parser\n"
        "build_parser().parse_args(['extract', 'x.txt', '--jobs', '2'])\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
