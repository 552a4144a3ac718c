"""Shared harness for the browser tests, API fuzzing, crash tests and benchmarks."""
