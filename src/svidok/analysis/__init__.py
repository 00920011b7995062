"""Text analysis. For now: language identification and lemmas for the search index."""
