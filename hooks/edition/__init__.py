"""The edition: everything under ``source/`` read, checked and put together into one
:class:`hooks.edition.model.Edition` (:func:`hooks.edition.load.load_edition`).

The bottom layer of ``hooks/``: it imports only the shared modules (``hooks.errors``,
``hooks.urls``), never ``hooks.outputs``, ``hooks.pages`` or MkDocs.
"""
