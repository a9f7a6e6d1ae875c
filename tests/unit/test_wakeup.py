import asyncio

from app.wakeup import Wakeup


async def test_wait_returns_on_set_or_timeout() -> None:
    wake = Wakeup()
    assert await wake.wait(0.01) is False
    asyncio.get_running_loop().call_later(0.01, wake.set)
    assert await wake.wait(5) is True
    assert await wake.wait(5) is True  # still set until cleared: a set() is never lost
    wake.clear()
    assert await wake.wait(0.01) is False


async def test_cancelling_a_waiter_cancels_it_cleanly() -> None:
    wake = Wakeup()
    waiter = asyncio.ensure_future(wake.wait())
    await asyncio.sleep(0.01)
    waiter.cancel()
    done, _ = await asyncio.wait([waiter], timeout=1)
    assert waiter in done and waiter.cancelled()
    wake.set()  # nobody waiting: no error
