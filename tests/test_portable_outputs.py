"""Stored notebook outputs must hold on any machine: nbval again, as another CPU would compute it.

numpy picks exp, tanh and matrix-product kernels by CPU feature, and a long training run can turn a
last-bit difference into a different printed digit. The stored outputs must not depend on that.
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
    return level, env


def test_switching_off_the_widest_simd_level_changes_the_kernels_numpy_runs():
    """Check that the CPU switch is real here: fewer SIMD targets in use with it than without."""
    level, disabled = cpu_features.another_cpu()
    if level == "none":
        pytest.skip("numpy uses no dispatched SIMD target on this CPU: there is nothing to switch off")
    before = set(cpu_features.in_use())
    after = set(cpu_features.in_use(cpu_features.environment(disabled)))
    assert after < before, f"NPY_DISABLE_CPU_FEATURES={' '.join(disabled)!r} left {sorted(after)} in use"


def test_the_nudge_hook_moves_starting_weights_by_a_few_float32_ulps(tmp_path):
    """Check that the start-up hook changes he_init's weights, slightly, and logs that it ran."""
    log = tmp_path / "nudges.log"
    code = (
        "import runpy, sys, numpy as np\n"
        "from course_utils import mlp\n"
        "plain = mlp.Network.he_init((2, 8, 1), 'relu', 0).weights[0].copy()\n"
        f"runpy.run_path({str(next(HOOK_DIR.glob('profile_default/startup/*.py')))!r})\n"
        "nudged = mlp.Network.he_init((2, 8, 1), 'relu', 0).weights[0]\n"
        "rel = np.abs(nudged / plain - 1)\n"
        "print(rel.min(), rel.max())\n"
    )
    env = dict(os.environ, COURSE_NUDGE_LOG=str(log))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    low, high = map(float, out.stdout.split())
    assert 1e-14 < low and high < 1e-12
    assert log.read_text().strip()


def test_notebooks_print_the_same_on_another_machine(tmp_path):
    """Check that every committed notebook's text outputs survive other SIMD kernels and nudged weights."""
    level, env = another_machine(tmp_path)
    cmd = [sys.executable, "-m", "pytest", "-q", "--color=no", *FOLDERS]
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
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
