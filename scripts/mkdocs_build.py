"""``mkdocs build`` for scripts/build_site.py, with a failure of the system told, not traced.

    python -m scripts.mkdocs_build ARGS...   (the arguments of ``mkdocs build``)

An ``OSError`` while MkDocs builds (a full disk, a folder it may not write, a path that cannot
be made) would end in a traceback. Here it ends the build with status 74 (EX_IOERR) and one
line of JSON, ``{"path": …, "reason": …}``, on the file descriptor that ``A4P_ERROR_FD``
names, for build_site.py to tell in its own one-line message; without that variable, as one
line on stderr. Every other outcome is MkDocs' own.
"""

from __future__ import annotations

import json
import os
import sys

IO_ERROR = 74  # EX_IOERR
ERROR_FD = "A4P_ERROR_FD"


def report(exc: OSError) -> None:
    """Tell ``exc`` in one line: JSON on the descriptor of ``A4P_ERROR_FD``, else stderr."""
    path = exc.filename2 if exc.filename2 is not None else exc.filename  # a copy, a rename: the new file
    path = os.fsdecode(path) if path is not None else None
    reason = exc.strerror or str(exc)
    fd = os.environ.get(ERROR_FD)
    if fd and fd.isdigit():
        try:
            os.write(int(fd), json.dumps({"path": path, "reason": reason}).encode("utf-8") + b"\n")
            return
        except OSError:
            pass
    print(f"mkdocs build: {path}: {reason}" if path else f"mkdocs build: {reason}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run ``mkdocs build`` with ``argv``: MkDocs exits with its status; 74 after an OSError."""
    fd = os.environ.get(ERROR_FD)
    if fd and fd.isdigit():
        try:
            os.set_inheritable(int(fd), False)  # for this process only, not for what MkDocs runs
        except OSError:
            pass
    from mkdocs.__main__ import cli

    try:
        cli.main(args=["build", *(sys.argv[1:] if argv is None else argv)], prog_name="mkdocs")  # exits
    except OSError as exc:
        report(exc)
        return IO_ERROR
    return 0


if __name__ == "__main__":
    sys.exit(main())
