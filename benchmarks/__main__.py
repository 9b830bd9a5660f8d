"""Entry point: `python -m benchmarks [--quick] [--only NAME] [--json PATH]`."""

from benchmarks.runner import main

if __name__ == "__main__":
    raise SystemExit(main())
