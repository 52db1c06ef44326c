"""spaCy components of the tradeie pipeline, one per module."""
