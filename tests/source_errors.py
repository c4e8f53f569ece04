"""The shared helper of the source-error tests: the message a reader of ``source/`` would see.

    message = error(structure.load, path, Path("source/structure.yml"))

``error(read, *args, **options)`` calls ``read`` and returns the text of the ``SourceError`` it
raises (``FILE:LINE: found …; expected …``), for the test to compare whole; the test fails if
``read`` raises none, or raises anything else (a traceback is never a message).
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

from hooks.errors import SourceError


def error(read: Callable[..., Any], *args: Any, **options: Any) -> str:
    """The message of the ``SourceError`` that ``read(*args, **options)`` raises."""
    with pytest.raises(SourceError) as caught:
        read(*args, **options)
    return str(caught.value)
