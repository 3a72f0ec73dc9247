"""Machine checks that a committed notebook came from one clean top-to-bottom run (used by tests/test_hygiene.py)."""

import getpass
import json
import re
import socket

import nbformat

SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}
# Paths and names that betray the machine a notebook was run on.
_MACHINE_PATTERNS = [r"/work/", r"/root/", r"/home/\w", r"/tmp/", r"/Users/\w", r"[A-Z]:\\\\Users", r"site-packages"]
_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")
_TIMESTAMP = re.compile(r"\b20\d\d-\d\d-\d\d[T ]\d\d:\d\d")


def code_cells(nb):
    """Code cells that have source (empty cells are never run by the tools)."""
    return [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]


def execution_problems(nb):
    """Execution counts must be 1..n with none missing: one fresh top-to-bottom run."""
    counts = [c.execution_count for c in code_cells(nb)]
    if not counts:
        return ["no code cells: nbval would check nothing"]
    if any(n is None for n in counts):
        return ["code cells without outputs from a run (execution_count null): nbval would check nothing there"]
    if counts != list(range(1, len(counts) + 1)):
        return [f"execution counts {counts[:8]} are not 1..n: re-run with `make execute`"]
    return []


def output_problems(nb, allow_not_implemented=False):
    """No error outputs (except an exercise's deliberate NotImplementedError) and no warnings on stderr."""
    problems = []
    for i, cell in enumerate(code_cells(nb)):
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                if not (allow_not_implemented and out.ename == "NotImplementedError"):
                    problems.append(f"code cell {i + 1}: stored error {out.ename}: {out.evalue}")
            if out.output_type == "stream" and out.name == "stderr" and "Warning" in out.text:
                problems.append(f"code cell {i + 1}: a warning on stderr: {out.text.strip()[:120]}")
    return problems


def _text_outside_images(obj):
    """JSON text of outputs/metadata with base64 pictures removed (they are noise, not text)."""
    def strip(o):
        if isinstance(o, dict):
            return {k: ("<binary>" if k in ("image/png", "image/jpeg", "buffers") else strip(v)) for k, v in o.items()}
        if isinstance(o, list):
            return [strip(v) for v in o]
        return o
    return json.dumps(strip(obj))


def machine_problems(nb):
    """No absolute paths, user or host names, memory addresses or timestamps in outputs or metadata."""
    text = _text_outside_images([nb.metadata] + [c.get("outputs", []) for c in nb.cells] + [c.metadata for c in nb.cells])
    patterns = list(_MACHINE_PATTERNS)
    host = socket.gethostname()
    if len(host) > 3:
        patterns.append(re.escape(host))
    user = getpass.getuser()
    patterns += [re.escape(f"/{user}/"), re.escape(f"{user}@")]
    problems = [f"machine-specific text matching {p!r}" for p in patterns if re.search(p, text)]
    if _ADDRESS.search(text):
        problems.append(f"a memory address in outputs ({_ADDRESS.search(text).group()}): not reproducible")
    if _TIMESTAMP.search(text):
        problems.append(f"a timestamp in outputs or metadata ({_TIMESTAMP.search(text).group()}): not reproducible")
    return problems


def slide_problems(nb):
    """Every cell carries slide metadata, so the notebook is also a lecture deck."""
    missing = [i + 1 for i, c in enumerate(nb.cells) if c.metadata.get("slideshow", {}).get("slide_type") not in SLIDE_TYPES]
    return [f"cells without slideshow.slide_type: {missing[:10]}"] if missing else []


def widget_state_problems(nb):
    """A notebook that displays widgets must store their state, or static renders show nothing."""
    shows = any("application/vnd.jupyter.widget-view+json" in out.get("data", {})
                for c in code_cells(nb) for out in c.get("outputs", []))
    if shows and not nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state"):
        return ["widgets are displayed but no widget state is stored: run with `make execute`"]
    return []


def problems(path):
    """All hygiene problems of one notebook file, as readable sentences (empty when clean)."""
    nb = nbformat.read(str(path), as_version=4)
    found = []
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as exc:
        found.append(f"invalid nbformat: {exc.message}")
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        found.append("kernelspec is not python3")
    exercise = path.parent.name == "exercises"
    return (found + execution_problems(nb) + output_problems(nb, allow_not_implemented=exercise)
            + machine_problems(nb) + slide_problems(nb) + widget_state_problems(nb))
