"""Tests of hooks/outputs/, one file per module."""
