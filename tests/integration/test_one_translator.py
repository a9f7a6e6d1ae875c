"""A server 422 reads in the same words as the form's own check: one translator."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.api.client import TasksClient
from app.api.errors import InvalidTask
from app.api.schema import TaskDraft, number_limits
from app.api.validation import plain_field_errors, refused_number_message
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY


async def test_a_server_422_on_the_budget_reads_like_the_budget_box() -> None:
    # What the budget box says when 301 is typed (ui/widgets/slider_spin.py asks the same function).
    own = refused_number_message("301", 301.0, number_limits("budget_usd"), noun="budget", money=True)
    assert own == "The highest budget is $300.00."
    # The form's check of a stored draft (pydantic), in the same words.
    with pytest.raises(ValidationError) as invalid:
        TaskDraft.model_validate({"category": "data", "task_type": "x", "budget_usd": 301})
    assert plain_field_errors(invalid.value.errors())["budget_usd"] == [own]
    # The real sandbox refusing it (the draft slips past the client's own check).
    too_much = TaskDraft.model_construct(
        category="data",
        task_type="data-analysis",
        budget_usd=301.0,
        title="Big",
        description="",
        requirements={},
        experimentation=0.3,
        brand_kit_id=None,
    )
    with SandboxServer(SandboxConfig()) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            with pytest.raises(InvalidTask) as refused:
                await client.create_task(too_much)
    assert refused.value.field_errors["budget_usd"] == [own]
    assert "less than or equal" not in str(refused.value.field_errors)
