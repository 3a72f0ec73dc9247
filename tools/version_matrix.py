"""Run the test suite in a separate venv at the edges pyproject.toml declares: every floor, or the newest Python."""

import argparse
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
EXTRAS = ("test", "instructor")
# Installed into the venv at install time (pyproject's shared-data): a new version needs a reinstall.
EXTENSION = "course_utils/labextension/course-rise-widgets/package.json"
# The browser tests need Chromium and take minutes; the another-machine test re-runs nbval, which the
# suite here already does once. Everything else runs, notebooks included.
DESELECT = "not browser and not another_machine"


def project():
    """The [project] table of pyproject.toml."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def declared_requirements(meta):
    """Every requirement string: the dependencies and the extras the tests install."""
    return list(meta["dependencies"]) + [r for extra in EXTRAS for r in meta["optional-dependencies"][extra]]


def floor_pins(meta):
    """{name: (floor version, marker or None)} for every requirement; each must have a '>=' floor."""
    pins = {}
    for text in declared_requirements(meta):
        req = Requirement(text)
        floors = [spec.version for spec in req.specifier if spec.operator == ">="]
        if len(floors) != 1:
            raise SystemExit(f"pyproject.toml: {text!r} needs exactly one '>=' floor for make test-floors")
        pins[canonical(req.name)] = (floors[0], req.marker)
    return pins


def canonical(name):
    """PyPI's normal form of a project name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def python_floor(meta):
    """'3.10' from requires-python '>=3.10'."""
    return re.search(r">=\s*(\d+\.\d+)", meta["requires-python"]).group(1)


def python_newest(meta):
    """The newest 'Programming Language :: Python :: 3.N' classifier: the newest Python the course claims."""
    versions = [c.rsplit("::", 1)[1].strip() for c in meta.get("classifiers", [])
                if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)]
    if not versions:
        raise SystemExit("pyproject.toml lists no 'Programming Language :: Python :: 3.N' classifier")
    return max(versions, key=lambda v: tuple(map(int, v.split("."))))


def find_python(version):
    """A working interpreter for 'X.Y': on PATH, under pyenv, or in /usr/bin; None if there is none."""
    candidates = [shutil.which(f"python{version}")]
    pyenv_root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    found = glob.glob(f"{pyenv_root}/versions/{version}.*/bin/python{version}")
    candidates += sorted(found, key=lambda p: Version(Path(p).parts[-3]), reverse=True)  # newest patch first
    candidates += [f"/usr/bin/python{version}", f"/usr/local/bin/python{version}"]
    for exe in filter(None, candidates):
        # pyenv's shims exist for every installed version but fail unless that version is selected.
        probe = subprocess.run([exe, "-c", "import sys, venv, ensurepip; print('%d.%d' % sys.version_info[:2])"],
                               capture_output=True, text=True)
        if probe.returncode == 0 and probe.stdout.strip() == version:
            return exe
    return None


def run(cmd, **kw):
    """Echo a command, run it, stop on failure."""
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def venv_env(venv):
    """The environment for commands in that venv: its bin first, its Jupyter paths preferred."""
    env = dict(os.environ)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    env["JUPYTER_PREFER_ENV_PATH"] = "1"
    env["MPLCONFIGDIR"] = str(venv / "matplotlib")   # a font cache of its own, as make gives .venv
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def build(venv, python, constraints, upgrade):
    """Create venv with python and install the course with the test extras under the constraints.

    The venv is reused while the interpreter, pyproject.toml, the constraints and the course's
    JupyterLab extension are unchanged; with upgrade (newest), pip also moves every dependency to
    its newest allowed release on each run.
    """
    stamp = venv / ".stamp-matrix"
    version = subprocess.run([python, "-c", "import sys; print(sys.version)"], capture_output=True, text=True,
                             check=True).stdout
    inputs = [python, version, constraints, (ROOT / "pyproject.toml").read_text(), (ROOT / EXTENSION).read_text()]
    key = hashlib.sha256("\0".join(inputs).encode()).hexdigest()
    py = venv / "bin" / "python"
    env = venv_env(venv)
    if not (stamp.exists() and stamp.read_text() == key):
        if venv.exists():
            shutil.rmtree(venv)
        run([python, "-m", "venv", venv])
        run([py, "-m", "pip", "install", "-q", "--upgrade", "pip"], env=env)
        upgrade = True
    if upgrade:
        cfile = venv / "constraints.txt"
        cfile.write_text(constraints)
        run([py, "-m", "pip", "install", "-q", "--upgrade", "-c", cfile, "-e", f".[{','.join(EXTRAS)}]"],
            cwd=ROOT, env=env)
        run([py, "-c", "import matplotlib.font_manager"], env=env)   # the font cache, before any notebook runs
    stamp.write_text(key)


def installed(venv, names):
    """{name: installed version} in the venv for the given project names."""
    code = ("import json, sys, importlib.metadata as m\n"
            "def version(n):\n"
            "    try:\n        return m.version(n)\n"
            "    except m.PackageNotFoundError:\n        return None\n"
            "print(json.dumps({n: version(n) for n in sys.argv[1:]}))")
    out = subprocess.run([venv / "bin" / "python", "-c", code, *names], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def python_version(venv):
    """The full version of the venv's Python."""
    out = subprocess.run([venv / "bin" / "python", "-c", "import platform; print(platform.python_version())"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def main(argv=None):
    """make test-floors / make test-newest: build the venv, show what it holds, run the suite in it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("edge", choices=["floors", "newest"])
    parser.add_argument("--python", help="interpreter to use (default: found on PATH or under pyenv)")
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    args = parser.parse_args(argv)
    meta = project()
    version = python_floor(meta) if args.edge == "floors" else python_newest(meta)
    python = args.python or find_python(version)
    if python is None:
        print(f"Python {version} was not found (on PATH, under pyenv or in /usr/bin). Install it, for example "
              f"'pyenv install {version}', or pass --python /path/to/python{version}.", file=sys.stderr)
        return 2
    pins = floor_pins(meta) if args.edge == "floors" else {}
    constraints = "".join(f"{name}=={v}\n" for name, (v, _) in sorted(pins.items()))
    venv = ROOT / f".venv-{args.edge}"
    build(venv, python, constraints, upgrade=args.edge == "newest")

    names = sorted(pins) or sorted(canonical(Requirement(r).name) for r in declared_requirements(meta))
    got = installed(venv, names)
    print(f"\n{args.edge}: Python {python_version(venv)}")
    # A requirement whose environment marker excludes this Python (tomli on 3.11+) is not installed.
    target = {"python_version": ".".join(python_version(venv).split(".")[:2])}
    markers = {canonical(r.name): r.marker for r in map(Requirement, declared_requirements(meta))}
    needed = {n for n, marker in markers.items() if marker is None or marker.evaluate(target)}
    same = lambda n: got[n] is not None and Version(got[n]) == Version(pins[n][0])
    for name in names:
        if got[name] is None:
            shown = "not needed on this Python" if name not in needed else "MISSING"
        else:
            shown = got[name] + ("" if name not in pins or same(name) else f"   <- declared floor {pins[name][0]}")
        print(f"  {name:18s} {shown}")
    wrong = [n for n in names if n in needed and (got[n] is None or (n in pins and not same(n)))]
    if wrong:
        print(f"installed versions differ from the declared floors: {', '.join(sorted(wrong))}", file=sys.stderr)
        return 1
    print(flush=True)
    # One worker per CPU, as make test does (tests/conftest.py keeps each notebook and file whole).
    cmd = [venv / "bin" / "python", "-m", "pytest", "-n", "auto", "-m", DESELECT, *args.pytest_args]
    print("+", " ".join(map(str, cmd)), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, env=venv_env(venv)).returncode


if __name__ == "__main__":
    sys.exit(main())
