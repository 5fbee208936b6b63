"""Reporting: exports, tables, charts and findings."""
