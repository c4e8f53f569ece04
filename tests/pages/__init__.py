"""Tests of hooks/pages/, one file per module."""
