"""The sandbox's FastAPI application: the parts put together.

The names tests, demo mode and the packaging scripts take from here (the demo key, the phases,
the request schema) are re-exported from the modules that own them.
"""

from __future__ import annotations

from fastapi import FastAPI

from app.sandbox.accounts import Accounts
from app.sandbox.config import (
    BID_WINDOW_SECONDS,
    CATEGORIES,
    DEMO_API_KEY,
    DEMO_USER_ID,
    PHASES,
    Faults,
    SandboxConfig,
)
from app.sandbox.credit_routes import credit_routes
from app.sandbox.delivery_routes import delivery_routes
from app.sandbox.review_routes import review_routes
from app.sandbox.schemas import TaskCreate
from app.sandbox.task_routes import task_routes
from app.sandbox.tasks import TaskBook
from app.sandbox.traffic import install_traffic


def create_app(config: SandboxConfig | None = None) -> FastAPI:
    cfg = config or SandboxConfig()
    app = FastAPI(title="AITasker sandbox", version="1")
    app.state.config = cfg
    accounts = Accounts(cfg)
    book = TaskBook(cfg, accounts)
    app.state.tasks = book.tasks
    app.state.accounts = accounts
    install_traffic(app, cfg)
    caller = accounts.caller()
    app.include_router(task_routes(book, caller))
    app.include_router(review_routes(book, caller))
    app.include_router(delivery_routes(book, caller))
    app.include_router(credit_routes(book, caller))
    return app


__all__ = [
    "BID_WINDOW_SECONDS",
    "CATEGORIES",
    "DEMO_API_KEY",
    "DEMO_USER_ID",
    "PHASES",
    "Faults",
    "SandboxConfig",
    "TaskCreate",
    "create_app",
]
