"""The extraction engine: pure Python, text in, Quote records out. Never imports PySide6 or stanza."""
