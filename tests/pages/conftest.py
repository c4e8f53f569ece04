"""Fixtures of the page tests."""

from __future__ import annotations

import pytest

from hooks.edition.crosslinks import Derived


@pytest.fixture(scope="session")
def derived(edition) -> Derived:
    """What a build derives from the edition once (glossary usage, related paragraphs)."""
    return Derived(edition)
