"""Re-execute notebooks in place: fresh kernel, top to bottom, widget state stored (the one way outputs get committed)."""

import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("notebooks", "solutions", "exercises")
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def course_notebooks(root=ROOT):
    """Every committed notebook of the course, in folder then name order."""
    return [p for folder in FOLDERS for p in sorted((root / folder).glob("*.ipynb"))]


def _allows_errors(path):
    # Exercises are blanks on purpose: their answer cells may raise NotImplementedError.
    return path.parent.name == "exercises"


def execute(path, timeout=600):
    """Run one notebook top to bottom on a fresh kernel and write it back with outputs."""
    # The kernel inherits this: chapter 07 then keeps answers in memory, never the developer's own progress file.
    os.environ["COURSE_EXECUTING"] = "1"
    path = Path(path).resolve()
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=True,
        allow_errors=_allows_errors(path),
        record_timing=False,  # timestamps would make every run differ
    )
    client.execute()
    # language_info carries the exact Python patch version of this machine; keep only what matters.
    nb.metadata["language_info"] = {"name": "python", "pygments_lexer": "ipython3"}
    nbformat.validate(nb)
    tmp = path.with_suffix(".ipynb.tmp")
    nbformat.write(nb, tmp)
    tmp.replace(path)


def main(argv=None):
    """Command line: python -m tools.execute [NOTEBOOK ...] (default: all of them)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", help="notebooks to run (default: every course notebook)")
    args = parser.parse_args(argv)
    paths = [Path(p) for p in args.paths] or course_notebooks()
    for p in paths:
        t0 = time.perf_counter()
        print(f"executing {p} ...", end=" ", flush=True)
        execute(p)
        print(f"{time.perf_counter() - t0:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
