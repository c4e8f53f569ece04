"""Tests of hooks/edition/, one file per module."""
