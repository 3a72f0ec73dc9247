"""A realistic class of 12 students × 3 exercises, graded as an instructor would: python -m tools.class_trial [--nbgrader].

Each student's notebooks start from the handed-out exercise with the answer cells filled in the way real
students fill them: right, partly right, the usual mistakes, unusual but correct, never run, broken,
reordered, renamed, uploaded under the wrong name, twice. `CLASS` says what each notebook should earn and
why, worked out from the checks by a person, not read from the grader. The trial builds the class in
nbgrader's layout, under a renamed top folder and as a flat folder, grades each twice with the README's
command, and prints every score beside the expected one (and, with --nbgrader, nbgrader's autograde).
"""

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ("01_collapse_proof", "02_four_bends", "03_gradient_table")
ASSIGNMENT = {"01_collapse_proof": "ps01", "02_four_bends": "ps02", "03_gradient_table": "ps03"}


def solution_answers(exercise):
    """grade_id -> the reference answer cell's source."""
    nb = json.loads((ROOT / "solutions" / f"{exercise}.ipynb").read_text())
    return {c["metadata"]["nbgrader"]["grade_id"]: "".join(c["source"]) for c in nb["cells"]
            if c["metadata"].get("nbgrader", {}).get("solution")}


def replace_in(source, old, new):
    assert old in source, (old, source)
    return source.replace(old, new)


# ---------------------------------------------------------------- answers as students write them
ANSWERS = {ex: solution_answers(ex) for ex in EXERCISES}
S1, S2, S3 = ANSWERS["01_collapse_proof"], ANSWERS["02_four_bends"], ANSWERS["03_gradient_table"]

COMPOSE_UP_TO_THREE = """def compose(layers):
    (W1, b1), (W2, b2) = layers[0], layers[1]
    W, b = W2 @ W1, W2 @ b1 + b2
    if len(layers) > 2:
        W3, b3 = layers[2]
        W, b = W3 @ W, W3 @ b + b3
    return W, b"""
COMPOSE_REDUCE = """from functools import reduce

def compose(layers):
    # fold the layers from the left: (W, b) then (W2, b2) gives (W2 W, W2 b + b2)
    return reduce(lambda acc, layer: (layer[0] @ acc[0], layer[0] @ acc[1] + layer[1]), layers[1:], layers[0])"""
COMPOSE_SYNTAX_ERROR = """def compose(layers)
    W, b = layers[0]
    return W, b"""
COMPOSE_DROPS_LATER_BIASES = replace_in(S1["compose"], "W_next @ b + b_next", "W_next @ b")
RELU_KEEPS_NEGATIVES = replace_in(S2["relu"], "np.maximum(x, 0.0)", "np.minimum(x, 0.0)")
RELU_MULTIPLY = replace_in(S2["relu"], "np.maximum(x, 0.0)", "x * (x > 0)")
RELU_SLOPE_ONE_AT_ZERO = replace_in(S2["relu_slope"], "(np.asarray(x) > 0)", "(np.asarray(x) >= 0)")
SIGMOID_TEXTBOOK = """def sigmoid(x):
    return 1 / (1 + np.exp(-x))"""
SIGMOID_EXPIT = """from scipy.special import expit

def sigmoid(x):
    return expit(x)"""
TANH_BY_EXP = """def tanh(x):
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))"""
TANH_SLOPE_BY_EXP = """def tanh_slope(x):
    return 1 - tanh(x) ** 2"""
GRADIENT_AFTER_TIMES = replace_in(S3["gradient_after"], "slope ** n", "slope * n")
GRADIENT_AFTER_POW = replace_in(S3["gradient_after"], "slope ** n", "math.pow(slope, n)")
TABLE_MATH_EXP = replace_in(S3["gradient_table"], """    e = math.exp(-abs(x))                      # in (0, 1]: never overflows
    s = 1 / (1 + e) if x >= 0 else e / (1 + e)  # sigmoid(x), the stable way""", "    s = 1 / (1 + math.exp(-x))")
TABLE_RENAMED = replace_in(S3["gradient_table"], "def gradient_table(", "def gradient_tabel(")
SCRATCH_LOOP = "# trying something\nwhile True:\n    pass"
SCRATCH_PLOT = ("import matplotlib.pyplot as plt\n\nxs = np.linspace(-3, 3, 61)\nplt.plot(xs, relu(xs))\n"
                "plt.title('my relu')\nplt.show()")


@dataclass
class Notebook:
    """One file a student handed in: its answers, its oddities, and the points a person would give it."""

    exercise: str                      # what the notebook holds
    earns: float                       # what it should score
    why: str
    answers: dict = field(default_factory=dict)   # grade_id -> source; missing ids keep the solution's
    untouched: bool = False            # answers left as handed out
    scratch: tuple = ()                # extra code cells at the end
    reorder: bool = False              # answer cells moved to the front, markdown deleted
    drop_checks: bool = False          # the check cells deleted
    executed: bool = True              # False: outputs cleared, never run
    file_as: str = ""                  # the exercise its file name says (wrong upload); default its own
    copy: str = ""                     # a Jupyter copy suffix in the file name


FULL = {"01_collapse_proof": 6.0, "02_four_bends": 23.0, "03_gradient_table": 13.0}
CLASS = {
    "amara": [Notebook(ex, FULL[ex], "right answers") for ex in EXERCISES],
    "bruno": [
        Notebook("01_collapse_proof", 4, "works for up to three layers: loses the 50-layer stack (2)",
                 {"compose": COMPOSE_UP_TO_THREE}),
        Notebook("02_four_bends", 20, "relu keeps the negative side: loses relu's 3 checks",
                 {"relu": RELU_KEEPS_NEGATIVES}),
        Notebook("03_gradient_table", 9, "slope * n instead of slope ** n: loses gradient_after's 4 checks",
                 {"gradient_after": GRADIENT_AFTER_TIMES}),
    ],
    "chen": [
        Notebook("01_collapse_proof", 6, "right, folded with functools.reduce, never run", {"compose": COMPOSE_REDUCE},
                 executed=False),
        Notebook("02_four_bends", 23, "right: scipy's expit and x * (x > 0), never run",
                 {"sigmoid": SIGMOID_EXPIT, "relu": RELU_MULTIPLY}, executed=False),
        Notebook("03_gradient_table", 13, "right: math.pow, never run", {"gradient_after": GRADIENT_AFTER_POW},
                 executed=False),
    ],
    "dana": [
        Notebook("01_collapse_proof", 0, "syntax error in the answer cell: compose is never defined",
                 {"compose": COMPOSE_SYNTAX_ERROR}),
        Notebook("02_four_bends", 23, "right answers"),
        Notebook("03_gradient_table", 13, "right answers; an endless loop in a scratch cell costs nothing",
                 scratch=(SCRATCH_LOOP,)),
    ],
    "emil": [
        Notebook("01_collapse_proof", 6, "right; check cells deleted", drop_checks=True),
        Notebook("02_four_bends", 23, "right; answer cells reordered, text deleted", reorder=True),
        Notebook("03_gradient_table", 4, "gradient_table renamed gradient_tabel: it and chain_gradient (which calls "
                                         "it) earn nothing; gradient_after keeps 4", {"gradient_table": TABLE_RENAMED}),
    ],
    "fatima": [
        Notebook("01_collapse_proof", 6, "right answers"),
        Notebook("02_four_bends", 23, "right, but uploaded as exercise 03: graded as 02 and flagged",
                 file_as="03_gradient_table"),
    ],
    "gus": [
        Notebook("01_collapse_proof", 6, "right; saved as -Copy1", copy="-Copy1"),
        Notebook("02_four_bends", 22, "relu's slope at exactly 0 is 1: loses that check (1)",
                 {"relu_slope": RELU_SLOPE_ONE_AT_ZERO}),
        Notebook("03_gradient_table", 12, "math.exp(-x) overflows far left: loses that check (1)",
                 {"gradient_table": TABLE_MATH_EXP}),
    ],
    "hana": [
        Notebook("01_collapse_proof", 6, "right answers"),
        Notebook("02_four_bends", 23, "textbook sigmoid (fails only the no-points bonus) and a matplotlib plot",
                 {"sigmoid": SIGMOID_TEXTBOOK}, scratch=(SCRATCH_PLOT,)),
        Notebook("03_gradient_table", 13, "right answers"),
    ],
    "ivan": [
        Notebook("01_collapse_proof", 1, "drops each later layer's bias: only the bias-free order check passes",
                 {"compose": COMPOSE_DROPS_LATER_BIASES}),
        Notebook("02_four_bends", 21, "tanh from exp: nan for huge x, loses tanh's and tanh_slope's huge-input checks",
                 {"tanh": TANH_BY_EXP, "tanh_slope": TANH_SLOPE_BY_EXP}),
        Notebook("03_gradient_table", 13, "right answers"),
    ],
    "jonas": [Notebook(ex, 0, "handed in as handed out", untouched=True) for ex in EXERCISES],
    "lena": [
        Notebook("01_collapse_proof", 6, "right, folded with functools.reduce", {"compose": COMPOSE_REDUCE}),
        Notebook("02_four_bends", None, "two copies (02 and 02-Copy1): refused, the instructor picks one"),
        Notebook("02_four_bends", None, "the second copy", copy="-Copy1"),
        Notebook("03_gradient_table", 13, "right answers"),
    ],
    "liam o'brien": [Notebook("01_collapse_proof", 6, "right; a name with a space and an apostrophe")],
}


# ---------------------------------------------------------------- writing the notebooks
def build_notebook(nb_spec):
    """The notebook JSON a student with this spec hands in."""
    nb = json.loads((ROOT / "exercises" / f"{nb_spec.exercise}.ipynb").read_text())
    answers = {**ANSWERS[nb_spec.exercise], **nb_spec.answers}
    cells = []
    for cell in nb["cells"]:
        meta = cell["metadata"].get("nbgrader", {})
        if meta.get("solution") and not nb_spec.untouched:
            cell["source"] = answers[meta["grade_id"]]
        if meta.get("grade") and not meta.get("solution") and nb_spec.drop_checks:
            continue
        if nb_spec.reorder and cell["cell_type"] == "markdown":
            continue
        cells.append(cell)
    if nb_spec.reorder:   # answers first, in reverse order, then everything else
        answer_cells = [c for c in cells if c["metadata"].get("nbgrader", {}).get("solution")]
        cells = answer_cells[::-1] + [c for c in cells if c not in answer_cells]
    for code in nb_spec.scratch:
        cells.append({"cell_type": "code", "execution_count": None, "id": f"scratch{len(cells)}", "metadata": {},
                      "outputs": [], "source": code})
    if not nb_spec.executed:
        for c in cells:
            if c["cell_type"] == "code":
                c["outputs"], c["execution_count"] = [], None
    nb["cells"] = cells
    return json.dumps(nb, indent=1)


def file_name(nb_spec):
    return f"{nb_spec.file_as or nb_spec.exercise}{nb_spec.copy}.ipynb"


def write_class(root, layout):
    """Write CLASS under root in a layout: 'nbgrader' (<s>/<psNN>/<file>) or 'flat' (<s>_<file>)."""
    root = Path(root)
    for student, notebooks in CLASS.items():
        for spec in notebooks:
            if layout == "nbgrader":
                path = root / student / ASSIGNMENT[spec.file_as or spec.exercise] / file_name(spec)
            else:
                path = root / f"{student}_{file_name(spec)}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(build_notebook(spec), encoding="utf-8")
    return root


def expected():
    """(student, exercise) -> points a person gives; None for a notebook that must be refused."""
    out = {}
    for student, notebooks in CLASS.items():
        for spec in notebooks:
            out[(student, spec.exercise)] = spec.earns
    return out


# ---------------------------------------------------------------- grading it
def grade(folder, gradebook):
    """Run the README's command; (exit code, printed text, {(student, exercise): score})."""
    done = subprocess.run([sys.executable, "-m", "course_utils.grading", str(folder), "--gradebook", str(gradebook),
                           "--quiet"], capture_output=True, text=True, timeout=900, cwd=ROOT)
    scores = {}
    if Path(gradebook).exists():
        with open(gradebook, newline="", encoding="utf-8") as f:
            scores = {(r["student"], r["exercise"]): float(r["score"]) for r in csv.DictReader(f)}
    return done.returncode, done.stdout + done.stderr, scores


def nbgrader_scores(class_root, work):
    """nbgrader generate_assignment + autograde on the nbgrader layout; {(student, exercise): score}."""
    course = Path(work) / "nbgrader_course"
    (course / "source").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        f"c.CourseDirectory.root = {str(course)!r}\n"
        "c.CourseDirectory.course_id = 'trial'\n"
        f"c.CourseDirectory.db_url = 'sqlite:///{course / 'gradebook.db'}'\n"
        "c.ExecutePreprocessor.timeout = 10\n")
    for ex, ps in ASSIGNMENT.items():
        (course / "source" / ps).mkdir()
        shutil.copy(ROOT / "solutions" / f"{ex}.ipynb", course / "source" / ps)
    shutil.copytree(class_root, course / "submitted")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")  # alembic

    def run(*args):
        done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env, capture_output=True,
                              text=True, timeout=1800)
        errors = [ln for ln in done.stderr.splitlines() if "| ERROR]" in ln]
        if done.returncode or errors:
            print(f"nbgrader {args[0]} {args[1] if len(args) > 1 else ''}: exit {done.returncode}")
            print("\n".join("  " + ln for ln in errors[:20]))

    for ps in ASSIGNMENT.values():
        run("generate_assignment", ps, "--force")
        run("autograde", ps, "--force")
    run("export", "--to", str(course / "grades.csv"))
    scores = {}
    by_ps = {ps: ex for ex, ps in ASSIGNMENT.items()}
    with open(course / "grades.csv", newline="") as f:
        for r in csv.DictReader(f):
            ex = by_ps[r["assignment"]]
            if (Path(class_root) / r["student_id"] / r["assignment"] / f"{ex}.ipynb").exists():   # handed in
                scores[(r["student_id"], ex)] = float(r["score"])
    return scores


def main(argv=None):
    """Build the class three ways, grade each twice, print the table (and nbgrader's column with --nbgrader)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--nbgrader", action="store_true", help="also run nbgrader generate_assignment + autograde")
    a = p.parse_args(argv)
    want = expected()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        runs = {}
        for name, folder in (("submitted", write_class(tmp / "nb" / "submitted", "nbgrader")),
                             ("downloads", write_class(tmp / "nb2" / "downloads", "nbgrader")),
                             ("flat", write_class(tmp / "flat" / "ps_all", "flat"))):
            first = grade(folder, tmp / f"{name}.csv")
            second = grade(folder, tmp / f"{name}.csv")
            runs[name] = first
            print(f"{name}: exit {first[0]}, second run identical: {first[2] == second[2]}")
            print("\n".join("  " + ln for ln in first[1].splitlines() if ln.startswith(("REFUSED", "  ", "FLAGGED"))))
        nbg = nbgrader_scores(tmp / "nb" / "submitted", tmp) if a.nbgrader else {}
        print(f"\n| student | exercise | expected | {' | '.join(runs)} |" + (" nbgrader |" if a.nbgrader else "") + " why |")
        print("|---|---|---|" + "---|" * len(runs) + ("---|" if a.nbgrader else "") + "---|")
        for (student, ex), earns in sorted(want.items()):
            why = next(s.why for s in CLASS[student] if s.exercise == ex)
            cells = [str(r[2].get((student, ex), "refused")) for r in runs.values()]
            extra = f" {nbg.get((student, ex), '—')} |" if a.nbgrader else ""
            print(f"| {student} | {ex} | {earns if earns is not None else 'refused'} | {' | '.join(cells)} |{extra} {why} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
