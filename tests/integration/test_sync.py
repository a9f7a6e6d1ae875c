"""The refresher against the sandbox: statuses flow, 429 slows it, offline pauses and resumes; one
task's failure (500, 403, no answer) stops neither the round nor the others, and blames no key."""

from __future__ import annotations

from datetime import datetime

import httpx

from app.api.client import TasksClient
from app.api.schema import Task, TaskDraft
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from app.sync import OFFLINE_BACKOFF, RefreshProblem, TaskRefresher
from tests.answers import Answers
from tests.conftest import free_port

DRAFT = TaskDraft(category="data", task_type="data-analysis", budget_usd=20, title="Numbers")


class Watch:
    """Plays the store: the tasks being watched, updated by the refresher."""

    def __init__(self) -> None:
        self.tasks: dict[str, Task] = {}
        self.states: list[str] = []

    def update(self, task: Task) -> None:
        self.tasks[task.id] = task

    def state(self, state: str, detail: str) -> None:
        self.states.append(state)


async def test_status_goes_from_open_to_review_to_expired() -> None:
    now = [1_000_000.0]
    with SandboxServer(SandboxConfig(clock=lambda: now[0])) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            watch = Watch()
            created = await client.create_task(DRAFT)
            watch.update(created)
            refresher = TaskRefresher(lambda: client, lambda: list(watch.tasks.values()), watch.update, watch.state)
            seen = []
            for step in (0, 500, 3600):
                now[0] += step
                pause = await refresher.refresh_once()
                seen.append(watch.tasks[created.id].status)
                if seen[-1] == "review":
                    assert pause == refresher.quiet_interval  # waiting for the user: poll less
            assert seen == ["open", "review", "expired"]

            def task_reads() -> int:
                return sum(1 for r in server.app.state.requests_seen if r[1].startswith("/api/v1/tasks/"))

            before = task_reads()
            await refresher.refresh_once()  # a final task is not polled any more
            assert task_reads() == before


async def test_429_slows_the_poller_instead_of_failing() -> None:
    with SandboxServer(SandboxConfig(read_limit=2)) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            watch = Watch()
            for _ in range(4):
                watch.update(await client.create_task(DRAFT))
            refresher = TaskRefresher(lambda: client, lambda: list(watch.tasks.values()), watch.update, watch.state)
            pause = await refresher.refresh_once()
            assert watch.states[-1] == "slowed"
            assert 1 <= pause <= 60  # the server's Retry-After, not a tight loop
            gets = [r for r in server.app.state.requests_seen if r[0] == "GET"]
            assert len(gets) == 3  # two allowed, one refused, then it stopped asking


async def test_offline_pauses_then_resumes_when_the_server_is_back() -> None:
    port = free_port()
    async with TasksClient(f"http://127.0.0.1:{port}", DEMO_API_KEY, retry_base_delay=0.001) as client:
        watch = Watch()
        task = Task(id="00000000-0000-4000-8000-00000000abcd", status="open")
        watch.update(task)
        refresher = TaskRefresher(lambda: client, lambda: list(watch.tasks.values()), watch.update, watch.state)
        first = await refresher.refresh_once()
        second = await refresher.refresh_once()
        assert watch.states == ["offline", "offline"]
        assert (first, second) == OFFLINE_BACKOFF[:2]  # backs off instead of hammering
        with SandboxServer(SandboxConfig(), port=port) as server:
            created = await client.create_task(DRAFT)
            watch.tasks = {created.id: created}
            await refresher.refresh_once()
            assert watch.states[-1] == "online"
            assert any(created.id in r[1] for r in server.app.state.requests_seen if r[0] == "GET")


async def test_with_nothing_to_follow_it_still_tells_online_from_offline() -> None:
    with SandboxServer(SandboxConfig()) as server:
        url = server.url
        async with TasksClient(url, DEMO_API_KEY, retry_base_delay=0.001) as client:
            watch = Watch()
            refresher = TaskRefresher(lambda: client, lambda: [], watch.update, watch.state)
            await refresher.refresh_once()
            assert watch.states == ["online"]
            server.stop()
            await refresher.refresh_once()
            assert watch.states == ["online", "offline"]


async def test_a_round_reads_the_store_a_page_at_a_time_and_polls_each_task_once(tmp_path) -> None:
    """The watched tasks come from the store lazily (pages of 3 here); the round writes updates
    back while it reads on, and still asks about every unfinished task exactly once."""
    from app.api.schema import FINAL_STATUSES
    from app.store.repository import Store

    store = Store.in_dir(tmp_path)
    with SandboxServer(SandboxConfig(read_limit=1000)) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            created = [await client.create_task(DRAFT) for _ in range(8)]
            store.upsert_tasks(created)
            store.upsert_task(created[0].model_copy(update={"status": "completed"}))  # not followed any more
            pages_read = []

            def watched():
                for page in store.unfinished_pages(FINAL_STATUSES, size=3):
                    pages_read.append(len(page))
                    yield from page

            refresher = TaskRefresher(lambda: client, watched, store.upsert_task)
            refresher_reads_before = len(server.app.state.requests_seen)
            await refresher.refresh_once()
            asked = [
                r[1].rsplit("/", 1)[-1]
                for r in list(server.app.state.requests_seen)[refresher_reads_before:]
                if r[0] == "GET"
            ]
    assert sorted(asked) == sorted(t.id for t in created[1:])
    assert pages_read == [3, 3, 1]
    store.close()


class Round(Watch):
    """Also hears what each task's refresh says and when a round asked about every task."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: dict[str, RefreshProblem] = {}
        self.passes: list[datetime] = []

    def problem(self, problem: RefreshProblem) -> None:
        self.problems[problem.task_id] = problem

    def refresher(self, client: TasksClient) -> TaskRefresher:
        return TaskRefresher(
            lambda: client,
            lambda: list(self.tasks.values()),
            self.update,
            self.state,
            on_problem=self.problem,
            on_pass=self.passes.append,
        )


async def test_one_tasks_server_error_does_not_stop_the_others() -> None:
    """Issue 22, point 4: a 500 for one task left every other task as it was and "Last refreshed" frozen."""
    now = [1_000_000.0]
    server = SandboxServer(SandboxConfig(clock=lambda: now[0]))
    answers = Answers(server)
    with server:
        async with TasksClient(server.url, DEMO_API_KEY, retry_base_delay=0.001) as client:
            watch = Round()
            broken, fine = await client.create_task(DRAFT), await client.create_task(DRAFT)
            watch.update(broken)  # asked first
            watch.update(fine)
            refresher = watch.refresher(client)
            await refresher.refresh_once()
            assert len(watch.passes) == 1 and watch.problems == {}
            answers.fail(f"/api/v1/tasks/{broken.id}", 500)
            now[0] += 500  # the agents are done: both tasks are in review on the server
            await refresher.refresh_once()
            assert watch.tasks[fine.id].status == "review"  # moved on although the task before it failed
            assert watch.tasks[broken.id].status == "open"  # as last known
            problem = watch.problems[broken.id]
            assert problem.reason == "The server had a problem (500)."
            assert problem.last_good is not None  # its data came fresh in the first round
            assert len(watch.passes) == 2 and watch.states[-1] == "online"  # a full round, failures and all
            answers.heal()
            await refresher.refresh_once()
            assert watch.tasks[broken.id].status == "review"
            assert watch.problems[broken.id].reason is None  # its row can stop saying so


async def test_a_403_on_one_task_does_not_blame_the_key() -> None:
    server = SandboxServer(SandboxConfig())
    answers = Answers(server)
    with server:
        async with TasksClient(server.url, DEMO_API_KEY, retry_base_delay=0.001) as client:
            watch = Round()
            hidden, fine = await client.create_task(DRAFT), await client.create_task(DRAFT)
            watch.update(hidden)
            watch.update(fine.model_copy(update={"title": "stale"}))
            answers.fail(f"/api/v1/tasks/{hidden.id}", 403)
            await watch.refresher(client).refresh_once()
            assert "unauthorized" not in watch.states and watch.states[-1] == "online"
            assert watch.tasks[fine.id].title == DRAFT.title  # the other task was read
            assert "(403)" in (watch.problems[hidden.id].reason or "")
            assert len(watch.passes) == 1


async def test_a_key_refused_for_the_whole_account_is_blamed() -> None:
    server = SandboxServer(SandboxConfig())
    answers = Answers(server)
    with server:
        async with TasksClient(server.url, DEMO_API_KEY, retry_base_delay=0.001) as client:
            watch = Round()
            for _ in range(3):
                watch.update(await client.create_task(DRAFT))
            answers.fail_everything(401)  # the key was revoked on the server
            await watch.refresher(client).refresh_once()
            assert watch.states == ["unauthorized"] and watch.passes == []
            task_reads = [p for m, p, _ in answers.answered if p.startswith("/api/v1/tasks/")]
            assert len(task_reads) == 1  # stopped at the first: the account check said it is the key


async def test_one_task_that_never_answers_fails_alone() -> None:
    server = SandboxServer(SandboxConfig())
    with server:
        async with TasksClient(server.url, DEMO_API_KEY, retry_base_delay=0.001, deadline=0.5) as client:
            watch = Round()
            silent, fine = await client.create_task(DRAFT), await client.create_task(DRAFT)
            watch.update(silent)
            watch.update(fine.model_copy(update={"title": "stale"}))
            server.config.faults.latency = 30.0
            server.config.faults.paths = (f"/api/v1/tasks/{silent.id}",)
            await watch.refresher(client).refresh_once()
            assert watch.states == ["online"] and len(watch.passes) == 1  # /health answered: not offline
            assert watch.tasks[fine.id].title == DRAFT.title
            assert "did not answer in time" in (watch.problems[silent.id].reason or "")


async def test_a_delivery_to_approve_is_polled_quietly_and_the_work_on_it_often() -> None:
    """Waiting for the person (a delivery to approve) polls less; an agent at work polls often."""
    from app.sandbox.config import BID_WINDOW_SECONDS

    now = [1_000_000.0]
    config = SandboxConfig(clock=lambda: now[0], question_share=0.0)
    with SandboxServer(config) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            watch = Watch()
            created = await client.create_task(DRAFT)
            watch.update(created)
            refresher = TaskRefresher(lambda: client, lambda: list(watch.tasks.values()), watch.update, watch.state)
            now[0] += BID_WINDOW_SECONDS + 1
            await refresher.refresh_once()
            headers = {"Authorization": f"Bearer {DEMO_API_KEY}"}
            async with httpx.AsyncClient(base_url=server.url, headers=headers) as buyer:  # the choice, as on the web
                gallery = (await buyer.get(f"/api/v1/tasks/{created.id}/bids")).json()
                bid = next(b for b in gallery["bids"] if b["presented"])
                chosen = await buyer.post(f"/api/v1/tasks/{created.id}/select-bid", json={"bid_id": bid["id"]})
                assert chosen.is_success
            assert await refresher.refresh_once() == refresher.interval  # delivering: the agent works
            assert watch.tasks[created.id].status == "delivering"
            now[0] += config.delivery_seconds + 1
            assert await refresher.refresh_once() == refresher.quiet_interval  # delivered: it waits for you
            assert watch.tasks[created.id].status == "delivered"
