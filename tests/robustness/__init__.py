"""Robustness harness: model-driven fuzzing, a stateful reference model, concurrency, isolation, real clients.

See docs/testing.md for how to run the fuzzers longer and what the invariants are.
"""
