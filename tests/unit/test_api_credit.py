"""The client and AITasker's credit (issue 24): the balance read from its documented path, a refusal
for lack of credit recognised on 402, 400, 403 or 409, a 403 without credit fields still the key's."""

from __future__ import annotations

import httpx
import pytest

from app.api import errors
from tests.unit.test_api_mapping import DRAFT, KEY, assert_no_key, client_for

CREDIT = {"amount_usd": 25, "current_balance_usd": 5, "topup_url": "https://aitasker.co/topup"}


@pytest.mark.parametrize("status", [402, 400, 403, 409])
async def test_create_refused_for_credit_is_not_enough_credit_and_sent_once(status: int) -> None:
    client, recorder = client_for(lambda r: httpx.Response(status, json={"detail": "Insufficient credit", **CREDIT}))
    async with client:
        with pytest.raises(errors.NotEnoughCredit) as caught:
            await client.create_task(DRAFT, idempotency_key="k")
    assert len(recorder.requests) == 1
    assert caught.value.missing_usd == 20.0 and caught.value.topup_url == CREDIT["topup_url"]
    assert "Insufficient credit" in caught.value.detail
    assert_no_key(caught.value)


async def test_a_403_without_credit_fields_is_still_about_the_key() -> None:
    client, _ = client_for(lambda r: httpx.Response(403, json={"detail": "Forbidden"}))
    async with client:
        with pytest.raises(errors.Forbidden):
            await client.create_task(DRAFT)


async def test_balance_is_read_from_the_documented_path() -> None:
    answer = {"caller_id": "u", "balance_usd": 30, "total_deposited_usd": 30, "total_spent_usd": 0}
    client, recorder = client_for(lambda r: httpx.Response(200, json=answer))
    async with client:
        balance = await client.balance()
    assert balance.balance_usd == 30.0 and balance.caller_id == "u"
    assert [r.url.path for r in recorder.requests] == ["/api/v1/a2a/credits/balance"]
    assert recorder.requests[0].headers["Authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (404, {"detail": "Not Found"}, errors.NotFound),
        (405, {"detail": "Method Not Allowed"}, errors.ApiError),
        (200, {"something": "else"}, errors.BadResponse),
        (200, None, errors.BadResponse),
    ],
)
async def test_a_server_without_a_balance_says_so_in_errors(status: int, body: object, error: type) -> None:
    client, _ = client_for(lambda r: httpx.Response(status, json=body))
    async with client:
        with pytest.raises(error) as caught:
            await client.balance()
    assert isinstance(caught.value, errors.ApiError) and caught.value.status == status
