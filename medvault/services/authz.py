"""Permission checks for service calls. Every service function that works on an open session is
declared with @requires(permission): the check (and the audit of a refusal) happens before the
function body runs, whatever arguments were given."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from medvault.core.permissions import Permission

if TYPE_CHECKING:
    from medvault.services.session import Session

P = ParamSpec("P")
R = TypeVar("R")

# Every guarded service call, so tests can prove each is refused where the policy says so.
GUARDED_CALLS: dict[str, Permission] = {}


def requires(
    permission: Permission,
) -> Callable[[Callable[Concatenate[Session, P], R]], Callable[Concatenate[Session, P], R]]:
    def decorate(
        func: Callable[Concatenate[Session, P], R],
    ) -> Callable[Concatenate[Session, P], R]:
        @functools.wraps(func)
        def guarded(session: Session, /, *args: P.args, **kwargs: P.kwargs) -> R:
            session.authorize(permission)
            return func(session, *args, **kwargs)

        GUARDED_CALLS[f"{func.__module__}.{func.__qualname__}"] = permission
        return guarded

    return decorate
