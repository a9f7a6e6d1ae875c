"""A local AITasker stand-in: the same contract as ``api/aitasker-api.md``, on loopback.

Used by demo mode (in-process, on a free port) and by the integration tests. It keeps its own
request model with the documented limits written out (the server's truth), so a test can compare
the client's ``app.api.schema`` against this server's ``/openapi.json``.

The whole life of a task, on a compressed clock (``speed`` sandbox seconds per real second; every
status is worked out from the time when it is read, nothing runs in the background):

- ``open`` → ``matching`` → ``prototyping`` → ``review`` (the versions: ``GET …/bids``) → ``expired``
  when nobody chooses; ``POST …/extend-review`` gives more time, ``POST …/cancel`` ends it
  (``cancelled``) before a choice.
- ``POST …/select-bid`` → ``delivering``. Some tasks (chosen by their title: ``question_share``) then
  wait on the buyer once, halfway through: ``input_required``, with the question in the task's
  ``input_request``; ``POST …/provide-input`` answers it (no answer within ``answer_seconds``: the
  agent goes on without one).
- ``delivered``: the final work is in (``GET …/delivery``, ``GET …/deliveries``): a PNG picture of
  a few hundred KB, a text, a PDF and a ZIP, each served from this host with its Content-Length and
  Content-Type. Then ``POST …/approve`` → ``completed`` (``approved_by: "buyer"``, ``paid_usd``: the
  chosen version's price); ``POST …/request-revision`` → ``delivering`` again and a new delivery;
  ``POST …/dispute`` → ``disputed``; no answer within ``approval_seconds`` → ``completed`` with
  ``approved_by: "automatic"``. A task's ``history`` lists every step with its time and who took it.
- Every action is advertised in ``/openapi.json`` under a clear operationId (select_bid,
  extend_review, cancel_task, approve_delivery, request_revision, dispute_delivery, provide_input).
  An ``Idempotency-Key`` replays the first successful answer of an action (except extend_review:
  each extension is its own request); a create with a known key answers the task it created.

Credit, per API key (``credit.py``):

- An account starts with $10 (AITasker's free credit) plus ``credit`` (``--credit``; by default
  $9,990, so the demo account starts at $10,000). ``POST /api/v1/a2a/credits/topup`` adds more
  (``amount_usd`` as JSON or a form field; the page at the same path has the form).
- Posting holds the task's budget; a post larger than the balance is refused with 402 and
  ``amount_usd``, ``current_balance_usd``, ``topup_url``. Cancelling and expiring give the whole
  budget back. Approving (by the buyer or automatically) pays the chosen version's price and gives
  back the rest (the task says ``paid_usd`` and ``refunded_usd``). A disputed task's budget stays held.
- ``GET /api/v1/a2a/credits/balance``: ``{caller_id, balance_usd, total_deposited_usd,
  total_spent_usd}`` (+ ``held_usd``); balance = deposited − spent − held, spent = what was paid.
  Tasks of an earlier run (demo mode) were paid for then and are outside this run's credit.

Faults (``Faults``: latency, 503s, connections dropped after the server acted) apply to every
``/api/`` call, actions included; add ``/sandbox/`` to ``Faults.paths`` for the files, and
``download_rate`` for a slow download.
"""

from app.sandbox.config import Faults, SandboxConfig
from app.sandbox.server import SandboxServer, start_sandbox
from app.sandbox.service import create_app

__all__ = ["Faults", "SandboxConfig", "SandboxServer", "create_app", "start_sandbox"]
