"""The edition behind Debian's nginx, as deploy/nginx/a4p.conf says: for the deployment tests and for
`make bench`'s Lighthouse.

``running(site, folder)`` fills the config's placeholders (``@ROOT@`` the built site,
``@PORT@`` 127.0.0.1 and a free port), wraps it in a minimal ``nginx.conf`` whose pid file,
logs and temporary folders all lie in ``folder``, checks it with ``nginx -t`` and runs nginx
in the foreground (``daemon off``) as a child process until the ``with`` block ends. As root
(CI) its workers run as root too, to read a site under pytest's private temporary folder;
otherwise nginx runs as the user, and the ``user`` directive is left out.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from scripts import processes

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "deploy" / "nginx" / "a4p.conf"
NGINX = "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")  # Debian's; the config includes mime.types beside nginx.conf
START_TIMEOUT = 10  # seconds for nginx to answer; a local server that takes longer never will

WRAPPER = """\
{user}worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 64; }}
http {{
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {server};
}}
"""


class NginxError(AssertionError):
    pass


def missing() -> str | None:
    """Why nginx cannot run here, or None."""
    if not Path(NGINX).exists():
        return f"{NGINX} is missing: run 'make test', which installs Debian's nginx"
    if not MIME_TYPES.exists():
        return f"{MIME_TYPES} is missing: run 'make test', which installs Debian's nginx"
    return None


def fill(template: str, root: Path, port: str) -> str:
    """The config with its placeholders filled in; every placeholder must be there."""
    for placeholder in ("@ROOT@", "@PORT@"):
        if placeholder not in template:
            raise NginxError(f"{CONFIG}: no {placeholder} placeholder")
    return template.replace("@ROOT@", str(root)).replace("@PORT@", port)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_conf(site: Path, folder: Path, port: int) -> Path:
    """The filled server block and its wrapper in ``folder``; returns the wrapper's path."""
    folder.mkdir(parents=True, exist_ok=True)
    server = folder / "a4p.conf"
    server.write_text(fill(CONFIG.read_text(encoding="utf-8"), site.resolve(), f"127.0.0.1:{port}"),
                      encoding="utf-8")
    shutil.copyfile(MIME_TYPES, folder / "mime.types")
    user = "user root root;\n" if os.geteuid() == 0 else ""
    conf = folder / "nginx.conf"
    conf.write_text(WRAPPER.format(user=user, folder=folder, server=server), encoding="utf-8")
    return conf


def check(conf: Path, folder: Path) -> subprocess.CompletedProcess:
    """``nginx -t`` on the wrapper: raises NginxError with nginx's words if it fails."""
    result = subprocess.run([NGINX, "-t", "-q", "-e", str(folder / "error.log"), "-c", str(conf)],
                            capture_output=True, text=True, timeout=30)
    if result.returncode != 0:
        raise NginxError(f"nginx -t rejects the config:\n{result.stderr}")
    return result


def _wait_until_serving(process: subprocess.Popen, url: str, folder: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if process.poll() is not None:
            log = (folder / "error.log").read_text(errors="replace") if (folder / "error.log").exists() else ""
            raise NginxError(f"nginx stopped at start (status {process.returncode}):\n{log}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            if time.monotonic() > deadline:
                raise NginxError(f"nginx did not answer at {url} within {START_TIMEOUT} s") from None
            time.sleep(0.05)  # polling a socket that is not listening yet; nothing to wait on


@dataclass(frozen=True)
class Server:
    url: str  # ends in "/"
    folder: Path  # the filled config, wrapper, pid file and logs
    process: subprocess.Popen


@contextlib.contextmanager
def running(site: Path, folder: Path):
    """nginx serving ``site`` through deploy/nginx/a4p.conf on 127.0.0.1, stopped on exit."""
    why = missing()
    if why:
        raise NginxError(why)
    port = free_port()
    conf = write_conf(site, folder, port)
    check(conf, folder)
    process = subprocess.Popen([NGINX, "-e", str(folder / "error.log"), "-c", str(conf)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_serving(process, url, folder)
        yield Server(url, folder, process)
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Stop nginx and its workers: SIGQUIT (graceful) to the master, which ends its workers
    before it exits; SIGTERM, then SIGKILL, if it does not."""
    processes.stop(process, signal.SIGQUIT)
    if process.stderr:
        process.stderr.close()
