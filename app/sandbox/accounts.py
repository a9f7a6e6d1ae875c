"""Accounts: one per API key the sandbox accepts, each with its own tasks and credit."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Header, HTTPException

from app.sandbox.config import DEMO_USER_ID, FREE_CREDIT_USD, SandboxConfig


@dataclass
class Account:
    key: str
    user_id: str  # the tasks' user_id, and the caller_id of the credit endpoints
    deposited: float  # the free credit, the start-up top-up and every top-up since


class Accounts:
    def __init__(self, cfg: SandboxConfig) -> None:
        start = FREE_CREDIT_USD + max(0.0, cfg.credit)
        self.main = Account(cfg.api_key, DEMO_USER_ID, start)
        self.all = [self.main] + [
            Account(key, f"00000000-0000-4000-8000-{n + 2:012d}", start) for n, key in enumerate(cfg.other_keys)
        ]

    def by_token(self, token: str) -> Account | None:
        found = None
        for account in self.all:  # every key compared, in constant time each
            if secrets.compare_digest(token.encode(), account.key.encode()):
                found = account
        return found

    def by_user(self, user_id: str) -> Account | None:
        return next((a for a in self.all if a.user_id == user_id.strip().lower()), None)

    def from_header(self, authorization: str | None) -> Account | None:
        """The account of a ``Bearer`` header; None without one; 401 for a wrong one."""
        if authorization is None:
            return None
        scheme, _, token = authorization.partition(" ")
        account = self.by_token(token.strip()) if scheme.lower() == "bearer" else None
        if account is None:
            raise HTTPException(401, "Not authenticated", headers={"WWW-Authenticate": "Bearer"})
        return account

    def caller(self) -> Callable[..., Account]:
        """A FastAPI dependency: the caller's account, or 401 with ``WWW-Authenticate: Bearer``."""

        def authorised(authorization: str | None = Header(default=None)) -> Account:
            account = self.from_header(authorization or "")
            assert account is not None
            return account

        return authorised
