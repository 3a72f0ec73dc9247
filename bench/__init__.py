"""Benchmarks of the course: each bench_*.py module has run() -> list of records."""
