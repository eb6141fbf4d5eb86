import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Hermetic: the suite never reads or writes the real user's registry, settings, projects or models.
os.environ.setdefault("QUOTE_DESK_HOME", tempfile.mkdtemp(prefix="quote-desk-tests-"))
