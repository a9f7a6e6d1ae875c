"""``aitasker-sandbox``: run the AITasker stand-in alone."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from app.api.address import is_loopback_host
from app.sandbox.config import DEMO_API_KEY, DEMO_CREDIT_USD, FREE_CREDIT_USD, Faults, SandboxConfig
from app.sandbox.server import SandboxServer
from app.store.tasks_table import task_reader


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="aitasker-sandbox", description="A local stand-in for the AITasker API.")
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (0 picks a free one)")
    parser.add_argument("--api-key", default=DEMO_API_KEY, help=f"the key clients must send (default {DEMO_API_KEY})")
    parser.add_argument("--speed", type=float, default=10.0, help="sandbox seconds per real second (default 10)")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every API answer")
    parser.add_argument("--error-rate", type=float, default=0.0, help="share of API requests answered 503")
    parser.add_argument("--drop-rate", type=float, default=0.0, help="share of API answers cut off mid-way")
    parser.add_argument(
        "--no-select",
        action="store_true",
        help="do not offer choosing a version through the API (clients send people to the website)",
    )
    parser.add_argument(
        "--create-limit", type=int, default=60, help="creates allowed per minute (default 60, as documented)"
    )
    parser.add_argument(
        "--read-limit", type=int, default=300, help="reads allowed per minute (default 300, as documented)"
    )
    parser.add_argument(
        "--credit",
        type=float,
        default=DEMO_CREDIT_USD,
        help=f"credit added at start to the ${FREE_CREDIT_USD:g} every account gets (default {DEMO_CREDIT_USD:g})",
    )
    parser.add_argument(
        "--delivery-seconds", type=float, default=600.0, help="sandbox seconds the agent takes to deliver"
    )
    parser.add_argument(
        "--approval-seconds",
        type=float,
        default=3600.0,
        help="sandbox seconds a delivery waits for the buyer before it is approved automatically (default 3600)",
    )
    parser.add_argument(
        "--question-share",
        type=float,
        default=0.25,
        help="share of tasks (by title) whose agent asks the buyer a question (0 none, 1 all)",
    )
    parser.add_argument("--download-rate", type=float, default=0.0, help="bytes per second for delivered files")
    parser.add_argument(
        "--fault-downloads", action="store_true", help="apply --latency/--error-rate/--drop-rate to delivered files too"
    )
    parser.add_argument(
        "--large-file-mb", type=float, default=0.0, help="add a file of this many MB to every delivery (benches)"
    )
    parser.add_argument(
        "--known-store",
        type=Path,
        help="look tasks of earlier runs up in this store file when asked about them (demo mode)",
    )
    parser.add_argument(
        "--until-stdin-closes",
        action="store_true",
        help="end when standard input closes (the app that started it ended)",
    )
    args = parser.parse_args(argv)
    if not is_loopback_host(args.host):
        parser.error("the sandbox only listens on loopback addresses (127.0.0.1, ::1, localhost)")
    config = SandboxConfig(
        api_key=args.api_key,
        speed=args.speed,
        create_limit=args.create_limit,
        read_limit=args.read_limit,
        faults=Faults(
            latency=args.latency,
            error_rate=args.error_rate,
            drop_rate=args.drop_rate,
            paths=("/api/", "/sandbox/deliveries/") if args.fault_downloads else ("/api/",),
            download_rate=args.download_rate,
        ),
        select_operation=not args.no_select,
        credit=args.credit,
        delivery_seconds=args.delivery_seconds,
        approval_seconds=args.approval_seconds,
        question_share=args.question_share,
        large_file_bytes=int(args.large_file_mb * 1_000_000),
        known=task_reader(args.known_store) if args.known_store is not None else None,
    )
    server = SandboxServer(config, host=args.host, port=args.port).start()
    print(f"AITasker sandbox listening on {server.url} (API key: {args.api_key})", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    if args.until_stdin_closes:

        def watch_stdin() -> None:
            sys.stdin.read()  # returns at end of input: the app that started us has ended
            stop.set()

        threading.Thread(target=watch_stdin, daemon=True).start()
    stop.wait()
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
