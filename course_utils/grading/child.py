"""The sandboxed child, run as `python -I -S child.py SITE_PACKAGES REQ_FD RESP_FD GRADER_PID` (see parent.py).

It runs the notebook's code cells, then answers "call function f with these args" on a private pipe.
`-I -S` keeps course_utils off sys.path, so this script imports nothing from it: it loads wire.py, a
file beside it, by path, before the audit hook closes the folder.
"""

import builtins
import importlib.util
import json
import os
import resource
import signal
import sys
import types

sys.path.append(sys.argv[1])  # -I -S left site-packages out; this folder links the allowed packages only
# wire.py (numpy inside) is loaded after that line and before the audit hook closes its folder.

_spec = importlib.util.spec_from_file_location("_grading_wire", os.path.join(os.path.dirname(__file__), "wire.py"))
wire = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wire)

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


class OutOfTime(BaseException):
    """Raised in a cell or call that ran past its time limit (BaseException: `except Exception` cannot swallow it)."""


def _out_of_time(signum, frame):
    raise OutOfTime()


WAIT_FACTOR = 2   # a cell that sleeps or waits is stopped after this many times its computing limit


class _time_limit:
    """Within the block, OutOfTime after `seconds` of CPU time (SIGPROF) or WAIT_FACTOR x that of wall time (SIGALRM).

    CPU time, so that a busy grading machine never stops a cell that would finish on an idle one;
    the wall-clock stop catches a cell that sleeps. None means no limit.
    """

    def __init__(self, seconds):
        self.seconds = seconds

    def __enter__(self):
        if self.seconds:
            signal.setitimer(signal.ITIMER_PROF, self.seconds)
            signal.setitimer(signal.ITIMER_REAL, self.seconds * WAIT_FACTOR)

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)


def _describe(exc):
    try:
        message = str(exc)
    except BaseException:  # a hostile __str__
        message = "(no message)"
    return {"type": type(exc).__name__[:60], "message": message[:300]}


def _child_main(req_fd, resp_fd, grader_pid):

    def receive():
        head = os.read(req_fd, wire.HEADER.size)
        while len(head) < wire.HEADER.size:
            more = os.read(req_fd, wire.HEADER.size - len(head))
            if not more:
                os._exit(0)
            head += more
        (size,) = wire.HEADER.unpack(head)
        body = b""
        while len(body) < size:
            more = os.read(req_fd, size - len(body))
            if not more:
                os._exit(0)
            body += more
        return json.loads(body)

    def send(obj):
        data = wire.pack(obj)
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
    site = sys.argv[1]
    roots = [stdlib] + [os.path.join(site, p) for p in os.listdir(site)]  # the links parent.py made
    hidden = [os.path.join(stdlib, "site-packages")]
    out = _Capped(setup["output_chars"])
    sys.stdout = sys.stderr = out
    _install_guard(os.getcwd(), [os.path.realpath(r) for r in roots], [os.path.realpath(h) for h in hidden])

    ns = {"__name__": "__main__", "__builtins__": builtins}
    errors = []
    limit = float(setup.get("cell_seconds", 0)) or None
    signal.signal(signal.SIGALRM, _out_of_time)
    signal.signal(signal.SIGPROF, _out_of_time)
    for index, source in setup["cells"]:
        try:
            with _time_limit(limit):
                exec(compile(source, f"<code cell {index}>", "exec"), ns)
        except OutOfTime:
            errors.append({"type": "TimeoutError", "cell": index,
                           "message": f"this cell ran longer than {limit:g} s (of computing; {limit * WAIT_FACTOR:g} s of waiting) "
                                      "and was stopped (an endless loop?); "
                                      "the cells after it still ran"})
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
                with _time_limit(limit):
                    output = fn(*wire.decode(request["args"]))
                reply = {"ok": wire.encode(output)}
            except OutOfTime:
                reply = {"error": "raised", "type": "TimeoutError",
                         "message": f"your function ran longer than {limit:g} s (of computing; {limit * WAIT_FACTOR:g} s of waiting) "
                                    "on one input and was stopped "
                                    "(an endless loop?)"}
            except NotImplementedError:
                reply = {"error": "not_done"}
            except wire.WireError as exc:
                reply = {"error": "bad_output", "message": str(exc)}
            except BaseException as exc:
                reply = dict(_describe(exc), error="raised")
        try:
            send(reply)
        except BaseException as exc:  # e.g. a reply too large, or memory exhausted while packing it
            send({"error": "bad_output", "message": f"your output could not be sent ({type(exc).__name__})"})


if __name__ == "__main__":
    _child_main(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
