"""Entry point of medvault-start-probe, built next to medvault by build.spec when
MEDVAULT_BUILD_START_PROBE=1 (never in a release build):

    medvault-start-probe start --vault DIR    the application's own main(), stopped once its
                                              login window has painted
    medvault-start-probe bare-start           a bare PySide6 window (the baseline)

Both print one JSON line (resident memory) when their window has painted, as the probes of the
gui benchmark suite do (benchmarks.gui_probe, frozen here with the application's libraries),
so the packaging smoke test and the benchmarks see the frozen application start for real."""

import sys

from benchmarks.gui_probe import main

if __name__ == "__main__":
    sys.exit(main())
