"""Stopping a child process for certain, in one place: the build's MkDocs, nginx in the
deployment tests, the preview in its test.

``stop(process)`` asks first (SIGTERM, or the signal a program takes as its graceful stop:
SIGQUIT for nginx, whose master then ends its workers), waits ``grace`` seconds, then sends
SIGTERM if it asked otherwise, and SIGKILL last. It returns once the process is gone and
reaped, so that it leaves no zombie. Only that process is signalled: its own children are its
business (nginx's master ends its workers on SIGQUIT). A process already gone is left as it is.
"""

from __future__ import annotations

import signal
import subprocess

FORCE_WAIT = 5  # seconds after SIGTERM, when another signal was asked first, before SIGKILL


def stop(process: subprocess.Popen, first: signal.Signals = signal.SIGTERM, grace: float = 10) -> None:
    """End ``process``: ``first``, then SIGTERM (if ``first`` was another), then SIGKILL."""
    if process.poll() is not None:
        return
    steps = [(first, grace)]
    if first != signal.SIGTERM:
        steps.append((signal.SIGTERM, FORCE_WAIT))
    for signum, wait in steps:
        try:
            process.send_signal(signum)
        except ProcessLookupError:  # it ended between poll() and the signal
            break
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue
    process.kill()
    process.wait()
