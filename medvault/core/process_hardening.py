"""Keeping decrypted memory out of core dumps.

While a vault is unlocked the process holds keys and patient data in memory; a crash would write
all of it, in clear, to a core file (or hand it to a crash collector such as systemd-coredump or
apport). So the process refuses core dumps from the start: RLIMIT_CORE 0 (soft and hard, so it
cannot be raised again) and, on Linux, prctl(PR_SET_DUMPABLE, 0), which also stops other
processes of the same user from attaching a debugger or reading /proc/<pid>/mem.
Where a call is not available the function quietly does nothing more."""

from __future__ import annotations

import contextlib
import ctypes
import sys

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def _zero_core_limit() -> None:
    try:
        import resource  # POSIX only
    except ImportError:
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _not_dumpable() -> None:
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def disable_core_dumps() -> None:
    """Call first thing in every entry point; safe to call more than once."""
    _zero_core_limit()
    _not_dumpable()
