"""Tests of the Family Connect gateway (`gateway/`)."""
