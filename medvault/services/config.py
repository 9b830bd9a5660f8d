"""What the services need from outside, built once by the app or CLI and passed in."""

from __future__ import annotations

from dataclasses import dataclass, field

from medvault.core.clock import Clock, SystemClock
from medvault.core.kdf import KdfProfile
from medvault.core.permissions import DEFAULT_POLICY, Policy


@dataclass(frozen=True)
class ServiceConfig:
    kdf: KdfProfile = field(default_factory=KdfProfile.calibrated)
    clock: Clock = field(default_factory=SystemClock)
    policy: Policy = DEFAULT_POLICY
