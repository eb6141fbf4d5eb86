"""Rule families of the engine: quote marks, cues, speaker phrases, content clauses, headlines."""
