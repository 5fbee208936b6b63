"""Extraction: one module per question the notebooks ask."""
