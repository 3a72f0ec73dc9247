"""Start JupyterLab on the course, opened at notebook 00 (what `make lab` runs)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = "notebooks/00_start_here.ipynb"


def command(extra=()):
    """The jupyter lab command line: root dir = the course, Ctrl-C stops at once, root allowed in containers."""
    cmd = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={ROOT}",
           "--ServerApp.answer_yes=True", FIRST]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers and Binder-like machines run as root
    return cmd + list(extra)


def main(argv=None):
    """Run JupyterLab in the foreground; extra arguments go to jupyter lab (e.g. --no-browser --port 8890)."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        return subprocess.call(command(argv), cwd=ROOT)
    except KeyboardInterrupt:
        # The server got the same Ctrl-C and shuts its kernels down; no traceback for the learner.
        return 0


if __name__ == "__main__":
    sys.exit(main())
