"""Benchmarks: synthetic trees measured against peer tools in the same run (``make bench``)."""
