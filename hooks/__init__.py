"""The edition's build code. :mod:`hooks.main` wires MkDocs' events to three packages, which
know nothing of MkDocs and whose imports run one way:

``main`` → :mod:`hooks.pages` (the HTML of every page) → :mod:`hooks.outputs` (the files
beside the pages) → :mod:`hooks.edition` (``source/`` read into one validated Edition), with
the shared modules ``errors``, ``urls`` and ``provenance`` below them all
(docs/decisions/layout.md; tests/test_layers.py checks it).
"""
