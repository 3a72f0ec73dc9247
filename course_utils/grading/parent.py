"""The grader's side of the sandbox: one child process per submission (child.py), spoken to in wire.py's format.

`Child(cells).start()` launches `python -I -S child.py SITE_PACKAGES REQ_FD RESP_FD GRADER_PID`, which
runs the notebook's code cells, then answers "call function f with these args" on a private pipe.

Why the child cannot change its grade (each line is a guard):
- The child only computes outputs; the grader picks the inputs, computes the expected answers
  and judges in its own process. The child holds no answer to steal or patch.
- Replies are JSON; numpy arrays travel as (dtype from a whitelist, shape, base64 bytes), with a
  size cap. Nothing from the child is ever unpickled or evaluated.
- Requests and replies use their own pipes; the child's stdout and stderr go to /dev/null, so
  printing "Score: 10/10" (or a fake reply) changes nothing.
- `-I -S` keeps the project, the user's site and .pth files off sys.path; course_utils is
  replaced by a stub whose check() does nothing, so the reference answers cannot be imported.
- An audit hook (which Python cannot remove) blocks reading outside the temp dir, the standard
  library and numpy/scipy, writing outside the temp dir, processes, sockets, signals to other
  processes, ctypes, tracing and raising the limits.
- rlimits cap CPU time, address space and file size; the grader adds a wall-clock deadline
  and SIGKILLs the child's whole session.
Audit hooks are a tripwire, not a wall: for a class you distrust, also run the grader as an
unprivileged user or in a container.
"""

import atexit
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import numpy as np

from course_utils.grading import feedback
from course_utils.grading.errors import CallError
from course_utils.grading.feedback import clean
from course_utils.grading.wire import HEADER, MAX_MESSAGE, WireError, decode, encode, pack, unpack_body

# What a submission may import beyond the standard library: the course's own numeric and plotting
# packages (a student who plots while answering must not lose points), and what they import.
PACKAGES = ("numpy", "numpy.libs", "scipy", "scipy.libs",
            "matplotlib", "mpl_toolkits", "PIL", "pillow.libs", "contourpy", "cycler", "dateutil", "six.py",
            "fontTools", "kiwisolver", "packaging", "pyparsing")
CHILD_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "child.py")


def _signal_name(code):
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


_packages = {}


def _package_dir():
    """A folder of links to PACKAGES only, made once per grader process: the child's one extra sys.path entry.

    Anything else in site-packages is then simply not found (ModuleNotFoundError), so the optional
    imports inside the allowed packages behave as on a machine without the others.
    """
    with _packages.setdefault("lock", threading.Lock()):
        if not os.path.isdir(_packages.get("dir", "")):
            site = os.path.dirname(os.path.dirname(np.__file__))
            folder = tempfile.mkdtemp(prefix="grade-packages-")
            for name in PACKAGES:
                if os.path.exists(os.path.join(site, name)):
                    os.symlink(os.path.join(site, name), os.path.join(folder, name))
            atexit.register(shutil.rmtree, folder, True)
            _packages["dir"] = folder
            _packages["fonts"] = _font_cache()
        return _packages["dir"]


def _font_cache():
    """matplotlib's list of fonts as this process knows it (built here once if missing), or None without matplotlib.

    A child may not list the system's font folders, and rebuilding the list would cost it seconds: it
    gets a copy of this file in its own config folder instead.
    """
    try:
        import matplotlib
        from matplotlib import font_manager
    except ImportError:
        return None
    font_manager.fontManager  # noqa: B018  (loading it builds the cache file if there is none)
    path = os.path.join(matplotlib.get_cachedir(), f"fontlist-v{font_manager.FontManager.__version__}.json")
    return path if os.path.isfile(path) else None


class Child:
    """A submission's sandboxed process, seen from the grader: start(), call(name, args), close().

    `cells` are the code cells to run (sources), `notebook` the file copied into the child's empty
    temp dir. One wall-clock budget of `timeout` seconds covers running the cells and every call;
    when it runs out, or the child dies, every later call fails with the reason. Inside it, one cell or
    one call may take `cell_timeout` seconds (default a quarter of the budget); past that, the child
    stops it and moves on, so an endless loop in a scratch cell costs that cell only.
    """

    def __init__(self, cells, notebook=None, timeout=10.0, memory_mb=1024, output_chars=2000, cell_timeout=None):
        self.cells, self.notebook, self.timeout = list(cells), notebook, float(timeout)
        # One cell or one call may use a share of the budget: an endless loop costs that cell, not the notebook.
        self.cell_timeout = float(cell_timeout) if cell_timeout else self.timeout / 4
        self.memory_mb, self.output_chars = memory_mb, output_chars
        self.proc = self.tmp = self.stopped = None
        self.report = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def start(self):
        """Launch the child and run the cells; returns its report (cell errors, printed text), or sets `stopped`."""

        self.tmp = tempfile.mkdtemp(prefix="grade-")
        if self.notebook is not None:
            shutil.copyfile(self.notebook, os.path.join(self.tmp, os.path.basename(self.notebook)))
        req_r, self._req_w = os.pipe()
        self._resp_r, resp_w = os.pipe()
        env = {"PATH": "/usr/bin:/bin", "HOME": self.tmp, "TMPDIR": self.tmp, "LANG": "C.UTF-8",
               "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        site = _package_dir()
        config = os.path.join(self.tmp, ".matplotlib")
        os.mkdir(config)
        if _packages.get("fonts"):
            shutil.copy(_packages["fonts"], config)
        env.update(MPLCONFIGDIR=config, MPLBACKEND="Agg")
        self.deadline = time.monotonic() + self.timeout
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-S", CHILD_SCRIPT, site, str(req_r), str(resp_w),
             str(os.getpid())],
            cwd=self.tmp, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, pass_fds=(req_r, resp_w), start_new_session=True)
        os.close(req_r)
        os.close(resp_w)
        os.set_blocking(self._req_w, False)
        setup = {"cells": self.cells, "cpu_seconds": int(self.timeout) + 2, "cell_seconds": self.cell_timeout,
                 "memory_bytes": int(self.memory_mb) * 2**20, "file_bytes": 16 * 2**20,
                 "output_chars": self.output_chars}
        try:
            self.report = self._exchange(setup, "running the notebook's cells")
        except CallError as err:
            self.stopped = err
        return self.report

    def call(self, name, args):
        """The learner's function `name` applied to args, from the child; CallError if it gave no output."""

        if self.stopped is not None:
            raise CallError("stopped", self.stopped.message)
        reply = self._exchange({"call": name, "args": encode(args)}, f"calling {name}")
        if "ok" in reply:
            try:
                return decode(reply["ok"])
            except Exception as exc:  # WireError, or what a malformed number or shape raises
                raise CallError("bad_output", f"your output could not be read: {clean(exc)}") from None
        err = reply.get("error")
        if err not in ("not_done", "raised", "missing", "bad_output"):
            raise CallError("bad_output", "the grader got a reply it could not read")
        return self._raise(err, reply)

    def _raise(self, kind, reply):
        message = feedback.NOT_DONE if kind == "not_done" else clean(reply.get("message", ""))
        raise CallError(kind, message, clean(reply.get("type", ""), 60))

    def _exchange(self, request, doing):
        """Send one request and wait for its reply, within the wall-clock budget."""
        try:
            self._send(pack(request))
            reply = unpack_body(self._receive())
            if not isinstance(reply, dict):
                raise WireError("not an object")
            return reply
        except TimeoutError:
            self.stopped = CallError("timeout", f"stopped while {doing}: the notebook ran past the grader's "
                                                f"time limit ({self.timeout:g} s); look for an endless loop")
        except (EOFError, BrokenPipeError):
            self.stopped = CallError("crashed", f"the notebook ended the grading process while {doing} "
                                                f"({self._exit_reason()})")
        except WireError as exc:
            self.stopped = CallError("bad_output", f"the grader got an unreadable reply while {doing} ({clean(exc)})")
        self.close()
        raise self.stopped

    def _exit_reason(self):
        try:
            code = self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return "it closed its pipe"
        if code is not None and code < 0:
            name = _signal_name(code)
            why = {"SIGXCPU": "CPU time limit", "SIGSEGV": "a crash, e.g. endless recursion",
                   "SIGKILL": "killed", "SIGXFSZ": "file size limit"}.get(name, name)
            return f"{name}: {why}"
        return f"exit code {code}: sys.exit or os._exit, or a crash"

    def _send(self, data):
        view = memoryview(data)
        while view:
            left = self.deadline - time.monotonic()
            if left <= 0 or not select.select([], [self._req_w], [], left)[1]:
                raise TimeoutError
            try:
                view = view[os.write(self._req_w, view[:65536]):]
            except BlockingIOError:
                continue

    def _read(self, n):
        buf = bytearray()
        while len(buf) < n:
            left = self.deadline - time.monotonic()
            if left <= 0 or not select.select([self._resp_r], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(self._resp_r, min(n - len(buf), 1 << 20))
            if not chunk:
                raise EOFError
            buf += chunk
        return bytes(buf)

    def _receive(self):
        (size,) = HEADER.unpack(self._read(HEADER.size))
        if size > MAX_MESSAGE:
            raise WireError(f"a reply of {size} bytes is over the limit")
        return self._read(size)

    def close(self):
        """Kill the child's whole session, close the pipes, remove its temp dir (safe to call twice)."""
        if self.proc is not None:
            if self.proc.poll() is None:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)  # the child's own session: only what it started
                except ProcessLookupError:
                    pass
            self.proc.wait()
            for fd in (self._req_w, self._resp_r):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self.proc = None
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None
