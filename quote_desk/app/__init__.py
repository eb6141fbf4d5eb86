"""The review desk (PySide6). The only package of quote_desk that imports Qt."""
