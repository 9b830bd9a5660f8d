"""Performance harness: measurements reported side by side for medvault (SQLCipher) and a plain
SQLite baseline with the same schema and data. Run with `python -m benchmarks`; see
docs/PERFORMANCE.md for the latest results."""
