"""The README's course map, generated from the notebooks themselves so it never names a missing file."""

import argparse
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START, END = "<!-- course-map:start -->", "<!-- course-map:end -->"


def title_and_summary(path):
    """A chapter's title (its first '# ' heading) and summary (notebook metadata course.summary)."""
    nb = nbformat.read(str(path), as_version=4)
    title = next((m.group(1).strip() for c in nb.cells if c.cell_type == "markdown"
                  for m in [re.search(r"^# (.+)$", c.source, re.M)] if m), path.stem)
    return title, nb.metadata.get("course", {}).get("summary", "")


def course_map(root=ROOT):
    """Markdown table: one row per chapter (appendices, numbered 90 and up, last), with its exercise when one exists."""
    rows = ["| # | chapter | what you get | exercise |", "|---|---|---|---|"]
    for nb_path in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        title, summary = title_and_summary(nb_path)
        exercise = root / "exercises" / nb_path.name
        ex_link = f"[exercise](exercises/{nb_path.name})" if exercise.exists() else ""
        number = "appendix" if nb_path.name[:2] >= "90" else nb_path.name[:2]   # 90 and up: appendices
        rows.append(f"| {number} | [{title}](notebooks/{nb_path.name}) | {summary} | {ex_link} |")
    return "\n".join(rows)


def render_readme(text, root=ROOT):
    """README text with the map between the markers replaced by a fresh one."""
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n{course_map(root)}\n{END}{after}"


def main(argv=None):
    """python -m tools.navigation [--check]: rewrite (or check) the README's course map."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the README's map is stale")
    args = parser.parse_args(argv)
    text = README.read_text()
    fresh = render_readme(text)
    if args.check:
        if fresh != text:
            print("README course map is stale: run `python -m tools.navigation`")
            return 1
        return 0
    README.write_text(fresh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
