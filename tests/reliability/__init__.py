"""Reliability and security suite: crashes, torn files, I/O faults, fuzzed input, roles, leaks.

The quick profile runs with the normal test suite (`pytest -m reliability` selects it alone);
the long profile is run by hand: `python -m tests.reliability --long` (see docs/RELIABILITY.md)."""
