"""Ingest: from files to cleaned articles, sentences and registries."""
