"""Validation: hand coding against the methods."""
