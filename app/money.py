"""Money: the credit balance, what was spent month by month, and the monthly limit.

- **Balance** (``GET /api/v1/a2a/credits/balance``, api notes §3.7): read tolerantly; a server
  without the endpoint (404, 405), or any other failure, means "no balance": nothing else changes.
  The last balance read is kept in the store with its time, for display while offline.
- **Spending** per month of posting, from the tasks the app knows: *committed* is the budgets of
  the tasks posted that month; *paid* what approved work cost; *refunded* what came back (expired
  or cancelled tasks, and the rest of a budget the chosen version did not use); *open* the budgets
  of tasks not final yet (their money is held). Where a task says what was paid and refunded
  (``paid_usd``, ``refunded_usd``), those numbers are used; otherwise the budget. Amounts are
  counted in whole cents, so sums are exact.
- **Monthly limit** (off unless set): a post that would take this month past it is asked about;
  it is never applied to tasks already posted.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol
from urllib.parse import urlsplit

from app.amounts import amount
from app.store.disk_errors import StoreError

if TYPE_CHECKING:
    from app.api.client import TasksClient
    from app.api.schema import Task

log = logging.getLogger(__name__)

BALANCE_PATH = "/api/v1/a2a/credits/balance"
TOPUP_PATH = "/api/v1/a2a/credits/topup"
BALANCE_KEY = "credit_balance"  # the store's setting holding the last balance read (JSON)
FRESH_FOR = 300.0  # seconds a balance read is shown without "as of"
# An answer that says the endpoint is not there: the balance is simply not shown.
NO_ENDPOINT = (404, 405, 501)


class SettingsStore(Protocol):
    def get_setting(self, key: str) -> str | None: ...
    def set_setting(self, key: str, value: str | None) -> None: ...


# --- the balance ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Balance:
    """The account's credit as AITasker last said it; ``read_at`` is when (seconds since the epoch)."""

    balance_usd: float
    total_deposited_usd: float | None = None
    total_spent_usd: float | None = None
    caller_id: str | None = None
    read_at: float = 0.0
    topup_url: str | None = None  # where the server says credit is added, when it says

    def to_json(self, api_url: str) -> str:
        return json.dumps({**self.__dict__, "api_url": api_url})


def parse_balance(data: Any, *, read_at: float | None = None) -> Balance | None:
    """``{caller_id, balance_usd, total_deposited_usd, total_spent_usd}``, tolerantly: extra fields
    ignored, an envelope (``data``, ``balance`` object) opened, numbers as text accepted, an
    ``amount`` with its ``currency`` and whole cents (``balance_cents``) read; None when there is
    no readable balance, or when it is said in another currency than dollars (never shown as $)."""
    for key in ("data", "credits", "balance"):
        if isinstance(data, dict) and isinstance(data.get(key), dict):
            currency = data.get("currency")
            data = {"currency": currency, **data[key]} if currency is not None else data[key]
    if not isinstance(data, dict) or not _in_dollars(data.get("currency")):
        return None
    balance = amount(data.get("balance_usd", data.get("balance", data.get("amount"))), negative=True)
    cents_said = data.get("balance_cents")
    if balance is None and isinstance(cents_said, int) and not isinstance(cents_said, bool):
        balance = amount(cents_said / 100 if abs(cents_said) < 10**15 else None, negative=True)
    if balance is None:
        return None
    caller = data.get("caller_id")
    topup = data.get("topup_url")
    return Balance(
        balance_usd=balance,
        total_deposited_usd=amount(data.get("total_deposited_usd")),
        total_spent_usd=amount(data.get("total_spent_usd")),
        caller_id=str(caller)[:200] if isinstance(caller, (str, int)) and not isinstance(caller, bool) else None,
        read_at=time.time() if read_at is None else read_at,
        topup_url=topup.strip()[:2000] if isinstance(topup, str) and topup.strip() else None,
    )


def _in_dollars(currency: Any) -> bool:
    """No currency said (the documented answer: ``balance_usd``), or US dollars."""
    return currency is None or (isinstance(currency, str) and currency.strip().upper() in ("USD", "US$", "$"))


def shortfall(budget_usd: float, balance: Balance | None) -> float | None:
    """How much credit a post of ``budget_usd`` lacks, by the balance known; None when it fits or
    the balance is unknown."""
    if balance is None:
        return None
    missing = round(budget_usd - balance.balance_usd, 2)
    return missing if missing > 0 else None


def topup_address(api_url: str, offered: str | None = None) -> str:
    """Where to add credit: the address the server gave, if it is https (or on the API's own host),
    else the documented top-up page on the API's host."""
    api = urlsplit(api_url)
    if offered:
        parts = urlsplit(offered)
        if (
            parts.scheme == "https"
            and parts.hostname
            or (parts.scheme == "http" and parts.hostname and parts.hostname == api.hostname)
        ):
            return offered
    return api_url.rstrip("/") + TOPUP_PATH


class CreditWatch:
    """The balance known for the account at ``api_url``: loaded from the store at start, replaced
    by each read, forgotten when the server has no balance endpoint or refuses the key. ``stale``
    when what is shown is not from a read just now (kept from before, or the last read failed).
    How long ago a read was is measured on the ``monotonic`` clock (setting the computer's clock
    back neither holds off the next read nor keeps an old balance "fresh"); the wall ``clock``
    only dates the balance, for "as of" and for the next start."""

    def __init__(
        self,
        store: SettingsStore,
        api_url: str,
        *,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._clock = clock
        self._monotonic = monotonic
        self._read_since: float | None = None  # monotonic: the last good read in this run
        self.api_url = api_url
        self.balance: Balance | None = None
        self._failed = False
        self.use_address(api_url)

    def use_address(self, api_url: str) -> None:
        """Another address (or the first): the balance kept for it, if any."""
        self.api_url = api_url
        self.balance = self._kept(api_url)
        self._failed = True  # not read in this run yet
        self._read_since = None

    def _kept(self, api_url: str) -> Balance | None:
        try:
            data = json.loads(self._store.get_setting(BALANCE_KEY) or "null")
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("api_url") != api_url:
            return None
        read_at = data.get("read_at")
        return parse_balance(data, read_at=float(read_at) if isinstance(read_at, (int, float)) else 0.0)

    @property
    def stale(self) -> bool:
        if self.balance is None:
            return False
        return self._failed or self.read_ago() > FRESH_FOR

    def read_ago(self) -> float:
        """Seconds since the last good read in this run (infinite: none yet)."""
        return math.inf if self._read_since is None else self._monotonic() - self._read_since

    def not_read_now(self) -> None:
        """AITasker cannot be reached: what is known is shown as of its time."""
        self._failed = True

    def forget(self) -> None:
        self.balance = None
        self._save(None)

    def _save(self, balance: Balance | None) -> None:
        try:
            self._store.set_setting(BALANCE_KEY, balance.to_json(self.api_url) if balance else None)
        except StoreError:
            log.info("credit balance not kept: the store cannot write")

    async def refresh(self, client: TasksClient) -> Balance | None:
        """Read the balance; returns what is known afterwards (None: show none)."""
        from app.api.errors import ApiError, Forbidden, NotFound, Unauthorized

        try:
            balance = await client.balance()
        except (NotFound, Unauthorized, Forbidden) as exc:
            log.info("no credit balance: %s", exc.detail)
            self.forget()
            return None
        except ApiError as exc:
            if exc.status in NO_ENDPOINT:
                log.info("no credit balance endpoint: %s", exc.detail)
                self.forget()
                return None
            log.info("credit balance not read: %s", exc.detail)
            self._failed = True
            return self.balance
        self.balance = replace(balance, read_at=self._clock())
        self._read_since = self._monotonic()
        self._failed = False
        self._save(self.balance)
        return self.balance


# --- spending by month ------------------------------------------------------------------------

PAID_STATUSES = frozenset({"completed"})
REFUNDED_STATUSES = frozenset({"cancelled", "expired"})
KINDS = ("committed", "paid", "refunded", "open")


class MoneyRow(NamedTuple):
    """What spending needs of one task."""

    id: str
    status: str
    budget_usd: float | None
    created_ts: float  # seconds since the epoch; 0 = unknown
    paid_usd: float | None = None  # as the server says, when it says
    refunded_usd: float | None = None


def money_row(task: Task) -> MoneyRow:
    from app.timefmt import seconds_since_epoch

    extra = task.model_extra or {}
    return MoneyRow(
        task.id,
        task.status,
        task.budget_usd,
        seconds_since_epoch(task.created_at),
        amount(extra.get("paid_usd")),
        amount(extra.get("refunded_usd")),
    )


def money_rows(raw: Iterable[tuple[Any, ...]]) -> Iterable[MoneyRow]:
    """MoneyRows from the store's ``money_rows()`` (amounts read with :func:`amount`)."""
    for task_id, status, budget, created_ts, paid, refunded in raw:
        yield MoneyRow(
            str(task_id), str(status or ""), amount(budget), float(created_ts or 0), amount(paid), amount(refunded)
        )


def cents(value: float | None) -> int:
    return 0 if value is None or not math.isfinite(value) else round(value * 100)


def row_cents(row: MoneyRow) -> dict[str, int]:
    """One task's share of each kind, in cents."""
    budget = cents(row.budget_usd)
    paid = refunded = held = 0
    if row.status in PAID_STATUSES:
        paid = cents(row.paid_usd) if row.paid_usd is not None else budget
        if row.refunded_usd is not None:
            refunded = cents(row.refunded_usd)
        elif row.paid_usd is not None:
            refunded = max(0, budget - paid)
    elif row.status in REFUNDED_STATUSES:
        refunded = cents(row.refunded_usd) if row.refunded_usd is not None else budget
    else:
        held = budget
    return {"committed": budget, "paid": paid, "refunded": refunded, "open": held}


@dataclass
class MonthSpending:
    year: int
    month: int
    cents: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    ids: dict[str, list[str]] = field(default_factory=lambda: {kind: [] for kind in KINDS})

    def usd(self, kind: str) -> float:
        return self.cents[kind] / 100

    @property
    def used_usd(self) -> float:
        """What the month took and kept: paid plus still held (committed less what came back)."""
        return (self.cents["paid"] + self.cents["open"]) / 100

    def add(self, row: MoneyRow) -> None:
        """Count one task: its amounts, and its ID under each number it is behind."""
        shares = row_cents(row)
        for kind, value in shares.items():
            self.cents[kind] += value
        self.ids["committed"].append(row.id)
        if row.status in PAID_STATUSES:
            self.ids["paid"].append(row.id)
        if row.status in REFUNDED_STATUSES or shares["refunded"]:
            self.ids["refunded"].append(row.id)
        if row.status not in PAID_STATUSES and row.status not in REFUNDED_STATUSES:
            self.ids["open"].append(row.id)


@dataclass
class Spending:
    months: dict[tuple[int, int], MonthSpending] = field(default_factory=dict)
    undated: list[str] = field(default_factory=list)  # tasks with no known posting time

    def month(self, year: int, month: int) -> MonthSpending:
        return self.months.get((year, month)) or MonthSpending(year, month)

    def last_months(self, count: int, today: date) -> list[MonthSpending]:
        """The ``count`` months up to ``today``'s, oldest first (a month with nothing: zeros)."""
        result = []
        year, month = today.year, today.month
        for _ in range(count):
            result.append(self.month(year, month))
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return result[::-1]

    def total_usd(self, kind: str) -> float:
        return sum(m.cents[kind] for m in self.months.values()) / 100


def spending(rows: Iterable[MoneyRow], tz: tzinfo | None = None) -> Spending:
    """Each task counted in the month it was posted, in the computer's time zone (or ``tz``)."""
    result = Spending()
    for row in rows:
        try:
            when = datetime.fromtimestamp(row.created_ts, tz) if row.created_ts else None
        except (OverflowError, OSError, ValueError):
            when = None
        if when is None:
            result.undated.append(row.id)
            continue
        key = (when.year, when.month)
        month = result.months.get(key)
        if month is None:
            month = result.months[key] = MonthSpending(*key)
        month.add(row)
    return result


# --- the monthly limit ----------------------------------------------------------------------


def month_so_far(rows: Iterable[MoneyRow], year: int, month: int) -> MonthSpending:
    """What the limit counts for this month: every task given (those posted since the month began),
    those the server dates in a later month too. A date after now can only come from a server clock
    that is ahead; such a task was posted by now, and counting it in a month that has not begun would
    let this month pass its limit unasked."""
    result = MonthSpending(year, month)
    for row in rows:
        result.add(row)
    return result


@dataclass(frozen=True)
class OverLimit:
    """A post that would take this month past the limit: the numbers to name."""

    limit_usd: float
    used_usd: float  # this month so far (paid and held)
    budget_usd: float

    @property
    def after_usd(self) -> float:
        return round(self.used_usd + self.budget_usd, 2)


def over_limit(limit_usd: float | None, this_month: MonthSpending, budget_usd: float) -> OverLimit | None:
    """None when there is no limit (None or 0) or the post stays within it."""
    if not limit_usd or limit_usd <= 0:
        return None
    check = OverLimit(limit_usd, this_month.used_usd, budget_usd)
    return check if cents(check.after_usd) > cents(limit_usd) else None
