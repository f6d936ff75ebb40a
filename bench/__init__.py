"""Benchmarks: each target is a ratio against a floor measured in the same run (not timed tests)."""
