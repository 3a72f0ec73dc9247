"""Stored notebook outputs must hold on any machine: nbval again, as another CPU would compute it.

numpy picks exp, tanh and matrix-product kernels by CPU feature, and a long training run can turn a
last-bit difference into a different printed digit. The stored outputs must not depend on that.
The same run also watches every picture the notebooks draw: none may tell its series apart by colour
alone (issue 18), and one run of every notebook serves both checks.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools import cpu_features

ROOT = Path(__file__).resolve().parent.parent
HOOK_DIR = Path(__file__).resolve().parent / "another_machine"
FOLDERS = ("notebooks", "solutions", "exercises")

pytestmark = pytest.mark.another_machine


def another_machine(tmp_path):
    """Environment of a run that computes like another CPU: widest SIMD level off, starting weights nudged."""
    level, disabled = cpu_features.another_cpu()
    env = cpu_features.environment(disabled)
    # Kernels run the nudge hook at start-up; IPython writes its history there, so use a copy.
    env["IPYTHONDIR"] = str(shutil.copytree(HOOK_DIR, tmp_path / "ipython"))
    env["COURSE_NUDGE_LOG"] = str(tmp_path / "nudges.log")
    env["COURSE_FIGURE_LOG"] = str(tmp_path / "figures.log")
    env["COURSE_ROOT"] = str(ROOT)
    return level, env


def test_switching_off_the_widest_simd_level_changes_the_kernels_numpy_runs():
    """Check that the CPU switch is real here: fewer SIMD targets in use with it than without."""
    level, disabled = cpu_features.another_cpu()
    if level == "none":
        pytest.skip("numpy uses no dispatched SIMD target on this CPU: there is nothing to switch off")
    before = set(cpu_features.in_use())
    after = set(cpu_features.in_use(cpu_features.environment(disabled)))
    assert after < before, f"NPY_DISABLE_CPU_FEATURES={' '.join(disabled)!r} left {sorted(after)} in use"


def test_the_nudge_hook_moves_weights_and_32_bit_inputs_slightly(tmp_path):
    """Check that the start-up hook changes he_init's weights (float64) and a 32-bit race's inputs, slightly."""
    log = tmp_path / "nudges.log"
    code = (
        "import runpy, numpy as np\n"
        "from course_utils.engine import mlp, race\n"
        "seen = []\n"
        "race.train_seeds = lambda X, *a, **k: seen.append(np.asarray(X, k['dtype']))  # records what training gets\n"
        "X = np.random.default_rng(0).uniform(-1, 1, size=(50, 2))\n"
        "plain_w = mlp.Network.he_init((2, 8, 1), 'relu', 0).weights[0].copy()\n"
        f"runpy.run_path({str(next(HOOK_DIR.glob('profile_default/startup/*.py')))!r})\n"
        "rel = np.abs(mlp.Network.he_init((2, 8, 1), 'relu', 0).weights[0] / plain_w - 1)\n"
        "race.train_seeds(X, None, dtype=np.float32)\n"
        "race.train_seeds(X, None, dtype=np.float64)\n"
        "moved32 = np.abs(seen[0] / X.astype(np.float32) - 1)\n"
        "print(rel.min(), rel.max(), moved32.min(), moved32.max(), np.array_equal(seen[1], X))\n"
    )
    env = dict(os.environ, COURSE_NUDGE_LOG=str(log))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    low, high, low32, high32, float64_inputs_kept = out.stdout.split()
    assert 1e-14 < float(low) and float(high) < 1e-12   # every float64 weight moved, far below a printed digit
    assert 1e-7 < float(low32) and float(high32) < 1e-6  # every 32-bit input moved by a few float32 units
    assert float64_inputs_kept == "True"                  # a 64-bit run is nudged through its weights only
    assert "weights" in log.read_text() and "float32 inputs" in log.read_text()


@pytest.fixture(scope="module")
def another_run(tmp_path_factory):
    """Every committed notebook under nbval, computed as another machine would, with its pictures watched."""
    tmp_path = tmp_path_factory.mktemp("another")
    level, env = another_machine(tmp_path)
    cmd = [sys.executable, "-m", "pytest", "-q", "--color=no", *FOLDERS]
    return level, env, subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)


def test_notebooks_print_the_same_on_another_machine(another_run):
    """Check that every committed notebook's text outputs survive other SIMD kernels and nudged weights."""
    level, env, run = another_run
    # nbval's own report, less the cell sources: which cells changed and how.
    report = "\n".join(line for line in (run.stdout + run.stderr).splitlines()
                       if line.startswith(("FAILED", "ERROR", "Cell ", "  - ", "  + ", "  ? ", "E "))
                       or " passed" in line or " failed" in line)[-8000:]
    assert run.returncode == 0, (
        f"With numpy's {level} kernels switched off and starting weights nudged by 1e-13, stored outputs "
        f"changed. Print such a number as what it means, or rounded to what is stable "
        f"(README, 'What a notebook may print'):\n{report}")
    log = Path(env["COURSE_NUDGE_LOG"])
    assert log.exists() and log.read_text().strip(), "the nudge hook never ran in a kernel: the check above proved nothing"


def test_no_picture_the_notebooks_draw_tells_its_series_apart_by_colour_alone(another_run):
    """Check every legend of every figure drawn while the notebooks ran: each entry differs in dash, mark or width."""
    level, env, run = another_run
    log = Path(env["COURSE_FIGURE_LOG"])
    lines = log.read_text().splitlines() if log.exists() else []
    assert lines.count("checked") > 100, "the picture watcher saw almost no figure: the check below proved nothing"
    alone = sorted({line for line in lines if line.startswith("colour only")})
    assert not alone, "Legend entries told apart by colour alone (give each its own dash or mark, e.g. " \
                      "plots.line_style):\n" + "\n".join(alone)
