"""Engine configuration: values only, passed in (never read from globals or Qt settings)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EngineConfig:
    # Keep borderline prepositional content (مؤكدة على سيادة …) as low-confidence quotes.
    keep_pp_content: bool = True
    # Quotes whose speaker stays unknown are still reported (the editor can fix the speaker).
    keep_unresolved: bool = True
    # Dropped-subject antecedents further back than this many sentences lose confidence.
    near_sentences: int = 4
    # Use backend analyses (stanza) when a backend other than rules-only is given.
    use_backend_entities: bool = True
    use_backend_features: bool = True
    use_backend_syntax: bool = True
