"""inf_coverage: the code behind the notebooks comparing coverage of Russia's 4 August 2025
decision to stop observing its moratorium on INF-range missiles.

Layers, bottom to top; a module imports only from layers below it (and from modules
listed before it in its own layer; ``tests/test_layering.py`` holds the order):

``core``      layout (paths, ids, ``CorpusError``, registry files, the fingerprint), small
              statistics.
``ingest``    cleaning, pattern safety, sentences and tokens, reading pages and languages,
              copy groups, loading, registries, article selection, the web-page import.
``extract``   one module per question: figures, speakers, transcript turns, quotes and voice, ranges and
              systems, name discovery, framing and blame, keyness, sentiment (with the exact
              fast VADER), dates and events, claims.
``report``    CSV export, tables for readers, charts, findings.
``validate``  hand coding and how well each method agrees with it.

The notebooks import the top-level facade ``helpers`` (``import helpers as h``), which
re-exports from here and defines nothing; ``annotations``, ``findings``, ``corpus_add`` and
``fast_vader`` at the top level are facades too. ``pipeline.py`` (annotation at scale, the
cache) sits above all of them.
"""
