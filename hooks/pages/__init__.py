"""The pages: the HTML of every page kind, in every language, from the
:class:`hooks.edition.model.Edition` (and, where a page names them, the files of
:mod:`hooks.outputs`).

- :mod:`hooks.pages.registry`: which page is made how (:data:`~hooks.pages.registry.KINDS`),
  the files of ``docs/``, a prose page put together;
- one module per page kind (``text``, ``full_text``, ``parallel``, ``downloads``,
  ``not_found``; the prose pages ``home``, ``about``, ``glossary``, ``accessibility``), which
  imports the shared modules below and never another page kind;
- shared: ``elements`` (the :class:`~hooks.pages.elements.Context`, small HTML helpers),
  ``paragraphs``, ``parallel_link``, ``cite_panel``, ``colophon``, ``description``,
  ``offer``, ``prose`` and ``prose_html`` (prose files checked, before and after Markdown).

Above :mod:`hooks.outputs` and :mod:`hooks.edition`, below :mod:`hooks.main`; no MkDocs.
"""
