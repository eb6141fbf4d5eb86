"""NLP backends behind one small protocol: rules-only (default, no models) and stanza (optional)."""

from quote_desk.core.nlp.backend import Analysis, Entity, NlpBackend, Word

__all__ = ["Analysis", "Entity", "NlpBackend", "Word"]
