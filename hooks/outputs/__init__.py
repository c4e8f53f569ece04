"""Files beside the pages: what each language's build writes besides its HTML, made from the
:class:`hooks.edition.model.Edition` (search records, the parallel view's data, the downloads
and their Akoma Ntoso, citations, redirect pages, the offline lists and the service worker).

Above :mod:`hooks.edition`, below :mod:`hooks.pages`: it imports the edition and the shared
modules (``hooks.errors``, ``hooks.urls``, ``hooks.provenance``), never ``hooks.pages`` or MkDocs.
"""
