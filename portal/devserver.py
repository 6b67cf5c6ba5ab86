"""``make run``: the site and a real Celery worker side by side; Ctrl-C stops both.

The worker uses the embedded broker (kombu's filesystem transport under ``var/broker``) unless
``CELERY_BROKER_URL`` points at a server.
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="8000")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    for folder in ("queue", "processed"):
        (ROOT / "var" / "broker" / folder).mkdir(parents=True, exist_ok=True)

    python = sys.executable
    worker = subprocess.Popen(
        [python, "-m", "celery", "-A", "portal", "worker", "--pool=solo", "--loglevel=INFO"], cwd=ROOT
    )
    web = subprocess.Popen([python, "manage.py", "runserver", f"{args.host}:{args.port}"], cwd=ROOT)
    print(f"\n  스마트도시 오픈랩: http://{args.host}:{args.port}/  (Ctrl-C로 종료 / Ctrl-C to stop)\n", flush=True)

    children = (web, worker)
    interrupted = False
    try:
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
    if interrupted:
        return 0
    # One of them died on its own: say which, and fail.
    for name, child in (("web", web), ("worker", worker)):
        if child.returncode:
            print(f"{name} exited with status {child.returncode}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
