"""scripts/processes.py: a child process is stopped for certain, by the signal asked first,
then SIGTERM, then SIGKILL, and reaped."""

from __future__ import annotations

import signal
import subprocess
import sys

from scripts import processes

# A child that sets what each signal does, says "ready" once it has, and waits.
CHILD = """
import signal, sys, time
for name, action in {actions!r}.items():
    signum = getattr(signal, name)
    if action == "ignore":
        signal.signal(signum, signal.SIG_IGN)
    elif action == "exit 0":
        signal.signal(signum, lambda *_: sys.exit(0))
print("ready", flush=True)
while True:
    time.sleep(60)
"""


def child(**actions: str) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", CHILD.format(actions=actions)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "ready\n"  # its handlers are set before any signal comes
    process.stdout.close()
    return process


def test_sigterm_by_default():
    process = child()
    processes.stop(process)
    assert process.returncode == -signal.SIGTERM


def test_the_graceful_signal_first():
    process = child(SIGQUIT="exit 0")  # as nginx's master: SIGQUIT ends it cleanly
    processes.stop(process, signal.SIGQUIT)
    assert process.returncode == 0


def test_sigterm_when_the_first_signal_is_not_heeded():
    process = child(SIGQUIT="ignore")
    processes.stop(process, signal.SIGQUIT, grace=0.2)
    assert process.returncode == -signal.SIGTERM


def test_sigkill_last(monkeypatch):
    monkeypatch.setattr(processes, "FORCE_WAIT", 0.2)
    process = child(SIGQUIT="ignore", SIGTERM="ignore")
    processes.stop(process, signal.SIGQUIT, grace=0.2)
    assert process.returncode == -signal.SIGKILL


def test_sigkill_when_sigterm_asked_first_is_ignored(monkeypatch):
    monkeypatch.setattr(processes, "FORCE_WAIT", 60)  # SIGTERM is sent once, not waited for twice
    process = child(SIGTERM="ignore")
    processes.stop(process, grace=0.2)
    assert process.returncode == -signal.SIGKILL


def test_a_process_already_gone_is_left_as_it_ended():
    process = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    process.wait()
    processes.stop(process)
    assert process.returncode == 3
