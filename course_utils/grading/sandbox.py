"""The grader's sandbox: one child process per submission, and the JSON wire format they speak.

Imported, this module is the grader's side (`Child`, `encode`, `decode`). Run as a script,
`python -I -S sandbox.py --child SITE_PACKAGES REQ_FD RESP_FD GRADER_PID`, it is the child: it runs the
notebook's code cells, then answers "call function f with these args" on a private pipe.

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

import base64
import json
import os
import struct
import sys

if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    sys.path.append(sys.argv[2])  # -I -S left site-packages out; this folder links numpy and scipy only

import numpy as np

MAX_MESSAGE = 32 * 2**20          # bytes in one message either way
MAX_DEPTH = 32                    # nesting of lists/tuples/dicts in a value
MAX_ITEMS = 1_000_000             # items in one list, tuple or dict
_HEADER = struct.Struct(">I")
_DTYPES = {"b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"}
PACKAGES = ("numpy", "numpy.libs", "scipy", "scipy.libs")  # what a submission may import beyond the stdlib


class WireError(ValueError):
    """A value the wire cannot carry, or a message that is not in the wire format."""


class Unsupported:
    """Stands in for a value the wire cannot carry (a custom object): judges see only its type name."""

    def __init__(self, type_name):
        self.type_name = type_name

    def __repr__(self):
        return f"<{self.type_name} object>"


# ---------------------------------------------------------------- wire format
def encode(obj, _depth=0):
    """A JSON-ready form of obj: None/bools as is, everything else tagged ({"float": hex}, {"array": ...})."""
    if _depth > MAX_DEPTH:
        raise WireError("the value is nested too deeply")
    if obj is None or obj is True or obj is False:
        return obj
    if isinstance(obj, (np.ndarray, np.generic)):
        a = np.asarray(obj)
        code = "b1" if a.dtype.kind == "b" else f"{a.dtype.kind}{a.dtype.itemsize}"
        if code not in _DTYPES:
            raise WireError(f"an array of dtype {a.dtype} cannot be checked: use numbers")
        if a.nbytes > MAX_MESSAGE // 2:
            raise WireError(f"the output is too large ({a.nbytes} bytes)")
        a = a.astype(a.dtype.newbyteorder("<"), order="C", copy=False)  # keeps 0-d arrays 0-d
        return {"array": code, "shape": list(a.shape), "scalar": isinstance(obj, np.generic),
                "data": base64.b64encode(a.tobytes()).decode("ascii")}
    if isinstance(obj, int):
        return {"int": int.__repr__(obj)}
    if isinstance(obj, float):
        return {"float": float.hex(obj)}
    if isinstance(obj, complex):
        return {"complex": [float.hex(obj.real), float.hex(obj.imag)]}
    if isinstance(obj, str):
        if len(obj) > 100_000:
            raise WireError("the output string is too long")
        return {"str": str.__str__(obj)}
    if isinstance(obj, (list, tuple, dict)):
        if len(obj) > MAX_ITEMS:
            raise WireError("the output has too many items")
        if isinstance(obj, dict):
            return {"dict": [[encode(k, _depth + 1), encode(v, _depth + 1)] for k, v in dict.items(obj)]}
        return {"tuple" if isinstance(obj, tuple) else "list": [encode(x, _depth + 1) for x in obj]}
    return {"other": str(type(obj).__name__)[:80]}


def decode(msg, _depth=0):
    """The value encode() described; WireError for anything else (the grader's side trusts nothing)."""
    if _depth > MAX_DEPTH:
        raise WireError("nested too deeply")
    if msg is None or isinstance(msg, bool):
        return msg
    if not isinstance(msg, dict):
        raise WireError(f"unexpected {type(msg).__name__}")
    if "array" in msg:
        return _decode_array(msg)
    if len(msg) != 1:
        raise WireError("a tagged value has exactly one key")
    (tag, v), = msg.items()
    if tag == "int" and isinstance(v, str) and len(v) <= 400:
        return int(v)
    if tag == "float" and isinstance(v, str) and len(v) <= 40:
        return float.fromhex(v)
    if tag == "complex" and isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) and len(x) <= 40 for x in v):
        return complex(float.fromhex(v[0]), float.fromhex(v[1]))
    if tag == "str" and isinstance(v, str):
        return v
    if tag in ("list", "tuple") and isinstance(v, list):
        items = [decode(x, _depth + 1) for x in v]
        return tuple(items) if tag == "tuple" else items
    if tag == "dict" and isinstance(v, list) and all(isinstance(p, list) and len(p) == 2 for p in v):
        try:
            return {decode(k, _depth + 1): decode(x, _depth + 1) for k, x in v}
        except TypeError as exc:  # an unhashable key
            raise WireError(str(exc)) from None
    if tag == "other" and isinstance(v, str):
        return Unsupported(v[:80])
    raise WireError(f"unknown or malformed tag {str(tag)[:20]!r}")


def _decode_array(msg):
    code, shape, data = msg.get("array"), msg.get("shape"), msg.get("data")
    if set(msg) != {"array", "shape", "scalar", "data"} or code not in _DTYPES or not isinstance(data, str):
        raise WireError("malformed array")
    if not (isinstance(shape, list) and len(shape) <= 32 and all(type(n) is int and n >= 0 for n in shape)):
        raise WireError("malformed array shape")
    dtype = np.dtype("<" + code)
    raw = base64.b64decode(data, validate=True)
    count = 1
    for n in shape:
        count *= n
    if count * dtype.itemsize != len(raw):
        raise WireError("array data does not match its shape")
    a = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    return a[()] if msg["scalar"] is True and a.ndim == 0 else a


def pack(obj):
    """One framed message: 4-byte length, then compact JSON."""
    data = json.dumps(obj, separators=(",", ":"), allow_nan=False).encode("utf-8")
    if len(data) > MAX_MESSAGE:
        raise WireError(f"message too large ({len(data)} bytes)")
    return _HEADER.pack(len(data)) + data


def unpack_body(data):
    """The JSON object in a message body; WireError if it is not valid UTF-8 JSON."""
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise WireError(f"not a valid message ({type(exc).__name__})") from None


# ---------------------------------------------------------------- the grader's side
def _signal_name(code):
    import signal
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


_packages = {}


def _package_dir():
    """A folder of links to PACKAGES only, made once per grader process: the child's one extra sys.path entry.

    Anything else in site-packages is then simply not found (ModuleNotFoundError), so the optional
    imports inside numpy and scipy behave as on a machine without those packages.
    """
    import atexit
    import shutil
    import tempfile
    import threading
    with _packages.setdefault("lock", threading.Lock()):
        if not os.path.isdir(_packages.get("dir", "")):
            site = os.path.dirname(os.path.dirname(np.__file__))
            folder = tempfile.mkdtemp(prefix="grade-packages-")
            for name in PACKAGES:
                if os.path.isdir(os.path.join(site, name)):
                    os.symlink(os.path.join(site, name), os.path.join(folder, name))
            atexit.register(shutil.rmtree, folder, True)
            _packages["dir"] = folder
        return _packages["dir"]


class Child:
    """A submission's sandboxed process, seen from the grader: start(), call(name, args), close().

    `cells` are the code cells to run (sources), `notebook` the file copied into the child's empty
    temp dir. One wall-clock budget of `timeout` seconds covers running the cells and every call;
    when it runs out, or the child dies, every later call fails with the reason.
    """

    def __init__(self, cells, notebook=None, timeout=10.0, memory_mb=1024, output_chars=2000):
        self.cells, self.notebook, self.timeout = list(cells), notebook, float(timeout)
        self.memory_mb, self.output_chars = memory_mb, output_chars
        self.proc = self.tmp = self.stopped = None
        self.report = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def start(self):
        """Launch the child and run the cells; returns its report (cell errors, printed text), or sets `stopped`."""
        import shutil
        import subprocess
        import tempfile
        import time
        from course_utils.grading.runner import CallError

        self.tmp = tempfile.mkdtemp(prefix="grade-")
        if self.notebook is not None:
            shutil.copyfile(self.notebook, os.path.join(self.tmp, os.path.basename(self.notebook)))
        req_r, self._req_w = os.pipe()
        self._resp_r, resp_w = os.pipe()
        env = {"PATH": "/usr/bin:/bin", "HOME": self.tmp, "TMPDIR": self.tmp, "LANG": "C.UTF-8",
               "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        site = _package_dir()
        self.deadline = time.monotonic() + self.timeout
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-S", os.path.abspath(__file__), "--child", site, str(req_r), str(resp_w),
             str(os.getpid())],
            cwd=self.tmp, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, pass_fds=(req_r, resp_w), start_new_session=True)
        os.close(req_r)
        os.close(resp_w)
        os.set_blocking(self._req_w, False)
        setup = {"cells": self.cells, "cpu_seconds": int(self.timeout) + 2,
                 "memory_bytes": int(self.memory_mb) * 2**20, "file_bytes": 16 * 2**20,
                 "output_chars": self.output_chars}
        try:
            self.report = self._exchange(setup, "running the notebook's cells")
        except CallError as err:
            self.stopped = err
        return self.report

    def call(self, name, args):
        """The learner's function `name` applied to args, from the child; CallError if it gave no output."""
        from course_utils.grading.runner import CallError

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
        from course_utils.grading import feedback
        from course_utils.grading.runner import CallError
        message = feedback.NOT_DONE if kind == "not_done" else clean(reply.get("message", ""))
        raise CallError(kind, message, clean(reply.get("type", ""), 60))

    def _exchange(self, request, doing):
        """Send one request and wait for its reply, within the wall-clock budget."""
        from course_utils.grading.runner import CallError
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
        import subprocess
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
        import select
        import time
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
        import select
        import time
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
        (size,) = _HEADER.unpack(self._read(_HEADER.size))
        if size > MAX_MESSAGE:
            raise WireError(f"a reply of {size} bytes is over the limit")
        return self._read(size)

    def close(self):
        """Kill the child's whole session, close the pipes, remove its temp dir (safe to call twice)."""
        import shutil
        import signal
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


def clean(text, limit=300):
    """Text from a submission made safe for feedback: one line, no control characters, no code fences, capped."""
    s = "".join(ch if ch.isprintable() else " " for ch in str(text)).replace("```", "'''")
    return s if len(s) <= limit else s[: limit - 1] + "…"


# ---------------------------------------------------------------- the child
_BLOCKED_EVENTS = {
    "os.system", "os.fork", "os.forkpty", "os.kill", "os.killpg", "os.chdir", "os.fchdir", "os.chroot",
    "os.putenv", "os.unsetenv", "os.symlink", "os.link", "subprocess.Popen", "pty.spawn",
    "sys.settrace", "sys.setprofile", "sys._current_frames", "sys._current_exceptions",
    "gc.get_objects", "gc.get_referrers", "gc.get_referents", "mmap.__new__", "signal.pthread_kill",
    "resource.setrlimit", "resource.prlimit", "os.startfile", "webbrowser.open", "urllib.Request",
}
_BLOCKED_PREFIXES = ("ctypes.", "socket.", "os.exec", "os.spawn", "os.posix_spawn", "_winapi.", "winreg.",
                     "os.set", "http.", "ftplib.", "smtplib.", "poplib.", "imaplib.", "nntplib.", "telnetlib.")
# Modules may be imported (scipy pulls in subprocess, socket, ctypes): what they could do raises an
# audit event blocked above. The exception is _posixsubprocess, whose fork_exec raises none.
_BLOCKED_IMPORTS = {"_posixsubprocess"}
_READ_EVENTS = {"os.listdir", "os.scandir", "glob.glob", "os.listxattr", "os.getxattr"}
_WRITE_EVENTS = {"os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.truncate", "os.chmod", "os.chown",
                 "os.utime", "os.chflags", "os.lchflags", "os.lchmod", "os.lchown", "os.mkfifo", "os.mknod",
                 "os.setxattr", "os.removexattr", "shutil.rmtree", "shutil.copyfile", "shutil.copymode",
                 "shutil.copystat", "shutil.copytree", "shutil.move", "shutil.chown", "shutil.make_archive",
                 "shutil.unpack_archive"}


def _install_guard(workdir, read_roots, hidden):
    """Add the audit hook; its state lives in this closure's tuples, which the submission cannot reach."""
    workdir, read_roots, hidden = os.path.realpath(workdir), tuple(read_roots), tuple(hidden)
    devices = ("/dev/null", "/dev/urandom", "/dev/random")
    realpath, join, isdir, fsdecode, sep = os.path.realpath, os.path.join, os.path.isdir, os.fsdecode, os.sep
    writing_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def under(path, roots):
        return any(path == r or path.startswith(r + sep) for r in roots)

    def resolve(path):
        if isinstance(path, bytes):
            path = fsdecode(path)
        if not isinstance(path, str):  # a PathLike could answer differently to the check and to the open
            raise PermissionError("blocked by the grader: paths must be plain strings")
        return realpath(join(workdir, path))

    def deny(what, path):
        raise PermissionError(f"blocked by the grader: {what} {str(path)[:120]}")

    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            if isinstance(path, int):
                return  # an already open descriptor
            real = resolve(path)
            write = bool((flags or 0) & writing_flags) or (isinstance(mode, str) and any(c in mode for c in "wax+"))
            if isdir(real) and real != workdir:
                deny("opening the folder", path)
            if write and not under(real, (workdir,)):
                deny("writing", path)
            if not write and not (real in devices or under(real, (workdir,))
                                  or (under(real, read_roots) and not under(real, hidden))):
                deny("reading", path)
        elif event == "import":
            if args[0] in _BLOCKED_IMPORTS:
                deny("importing", args[0])
        elif event in _BLOCKED_EVENTS or event.startswith(_BLOCKED_PREFIXES):
            deny("the operation", event)
        elif event in _READ_EVENTS or event in _WRITE_EVENTS:
            roots = (workdir,) if event in _WRITE_EVENTS else read_roots + (workdir,)
            for a in args:
                if isinstance(a, (str, bytes)):
                    real = resolve(a)
                    if not under(real, roots) or under(real, hidden):
                        deny(event, a)
                elif a is not None and not isinstance(a, (int, float)):
                    deny(event, "(a path that is not a string)")

    sys.addaudithook(hook)


class _Capped:
    """A stdout that keeps the first `limit` characters and counts the rest (a flood costs only time)."""

    def __init__(self, limit):
        self.limit, self.head, self.count = limit, [], 0

    def write(self, s):
        s = str(s)
        if self.count < self.limit:
            self.head.append(s[: self.limit - self.count])
        self.count += len(s)
        return len(s)

    def flush(self):
        pass

    def text(self):
        return "".join(self.head)


def _describe(exc):
    try:
        message = str(exc)
    except BaseException:  # a hostile __str__
        message = "(no message)"
    return {"type": type(exc).__name__[:60], "message": message[:300]}


def _child_main(req_fd, resp_fd, grader_pid):
    import builtins
    import resource
    import signal
    import types

    def receive():
        head = os.read(req_fd, _HEADER.size)
        while len(head) < _HEADER.size:
            more = os.read(req_fd, _HEADER.size - len(head))
            if not more:
                os._exit(0)
            head += more
        (size,) = _HEADER.unpack(head)
        body = b""
        while len(body) < size:
            more = os.read(req_fd, size - len(body))
            if not more:
                os._exit(0)
            body += more
        return json.loads(body)

    def send(obj):
        data = pack(obj)
        while data:
            data = data[os.write(resp_fd, data):]

    try:  # PR_SET_PDEATHSIG = 1: if the grader dies (killed mid-run), this child dies with it
        import ctypes
        ctypes.CDLL(None).prctl(1, int(signal.SIGKILL))
    except Exception:
        pass
    if os.getppid() != grader_pid:  # the grader died before the line above: nobody will ever read our replies
        os._exit(1)
    setup = receive()
    mem, cpu, fsize = setup["memory_bytes"], setup["cpu_seconds"], setup["file_bytes"]
    for limit, value in ((resource.RLIMIT_CPU, (cpu, cpu + 1)), (resource.RLIMIT_AS, (mem, mem)),
                         (resource.RLIMIT_FSIZE, (fsize, fsize)), (resource.RLIMIT_CORE, (0, 0)),
                         (resource.RLIMIT_NPROC, (0, 0))):  # NPROC 0: no forks (root is exempt; the hook is not)
        try:
            resource.setrlimit(limit, value)
        except (ValueError, OSError):
            pass
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-big file raises OSError instead of killing

    # course_utils is a stub here: check() does nothing, and nothing else can be imported from it.
    stub = types.ModuleType("course_utils", "not available while grading")
    stub.__path__ = []
    grading = types.ModuleType("course_utils.grading", "not available while grading")
    grading.check = grading.assert_passes = lambda *a, **k: None
    stub.grading = grading
    sys.modules.update({"course_utils": stub, "course_utils.grading": grading})
    for name in list(sys.modules):  # re-importing these would need the (blocked) import event
        if name.split(".")[0] in _BLOCKED_IMPORTS:
            del sys.modules[name]
    # _posixsubprocess.fork_exec raises no audit event: a stand-in lets `import subprocess` (numpy.testing,
    # scipy) work while spawning stays impossible; Popen is also blocked by its own event.
    spawn = types.ModuleType("_posixsubprocess", "processes are blocked while grading")

    def fork_exec(*args, **kwargs):
        raise PermissionError("blocked by the grader: starting processes")
    spawn.fork_exec = fork_exec
    sys.modules["_posixsubprocess"] = spawn

    stdlib = os.path.dirname(os.__file__)
    site = os.path.dirname(os.path.dirname(np.__file__))
    roots = [stdlib] + [os.path.join(site, p) for p in PACKAGES if os.path.isdir(os.path.join(site, p))]
    hidden = [os.path.join(stdlib, "site-packages")]
    out = _Capped(setup["output_chars"])
    sys.stdout = sys.stderr = out
    _install_guard(os.getcwd(), [os.path.realpath(r) for r in roots], [os.path.realpath(h) for h in hidden])

    ns = {"__name__": "__main__", "__builtins__": builtins}
    errors = []
    for index, source in setup["cells"]:
        try:
            exec(compile(source, f"<code cell {index}>", "exec"), ns)
        except BaseException as exc:  # SystemExit and MemoryError too: one cell must not end the run
            errors.append(dict(_describe(exc), cell=index))
    send({"cell_errors": errors, "printed": out.text(), "printed_chars": out.count})

    while True:
        request = receive()
        fn = ns.get(request.get("call"))
        if not callable(fn):
            reply = {"error": "missing", "message": f"`{request.get('call')}` is not defined in your notebook"}
        else:
            try:
                reply = {"ok": encode(fn(*decode(request["args"])))}
            except NotImplementedError:
                reply = {"error": "not_done"}
            except WireError as exc:
                reply = {"error": "bad_output", "message": str(exc)}
            except BaseException as exc:
                reply = dict(_describe(exc), error="raised")
        try:
            send(reply)
        except BaseException as exc:  # e.g. a reply too large, or memory exhausted while packing it
            send({"error": "bad_output", "message": f"your output could not be sent ({type(exc).__name__})"})


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    _child_main(int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
