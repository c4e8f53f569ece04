"""The edition's domain: plain Python modules that know nothing of MkDocs.

Only :mod:`hooks.main` imports MkDocs; it wires MkDocs events to these modules.
"""
