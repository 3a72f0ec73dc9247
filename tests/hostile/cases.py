"""The hostile corpus: submissions of exercise 01 that each differ from the solution in one broken or hostile way.

Each case is a row: the answer cell (`answer`, else the reference solution's), code cells put before or
after it, or raw file content; the score it really earns; and words its status or feedback must contain.
Placeholders {gradebook}, {victim}, {victim_dir}, {repo} and {pwned} are filled in by the test.
"""

import base64
import copy
import json
import pickle
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOLUTION = REPO / "solutions" / "01_collapse_proof.ipynb"

UNTOUCHED = "def compose(layers):\n    raise NotImplementedError()"
RIGHT = """\
def compose(layers):
    W, b = layers[0]
    for W_next, b_next in layers[1:]:
        W, b = W_next @ W, W_next @ b + b_next
    return W, b"""
UP_TO_THREE = """\
def compose(layers):
    (W1, b1), (W2, b2) = layers[0], layers[1]
    W, b = W2 @ W1, W2 @ b1 + b2
    if len(layers) > 2:
        W3, b3 = layers[2]
        W, b = W3 @ W, W3 @ b + b3
    return W, b"""


@dataclass
class Case:
    name: str
    earns: float                 # the points this submission really earns
    expect: tuple                # words (any one of them) its status or feedback must contain
    answer: str = None           # the answer cell; None keeps the solution's
    before: tuple = ()           # code cells inserted before the answer cell
    after: tuple = ()            # code cells inserted after it
    raw: bytes = None            # file content instead of a notebook
    is_dir: bool = False         # the .ipynb is a folder
    outputs: object = None       # stored outputs of the check cell; 'pickle': a pickle payload


class _Pickled:
    """Unpickling this runs a shell command: the grader must never do it."""

    def __init__(self, command):
        self.command = command

    def __reduce__(self):
        import os
        return (os.system, (self.command,))


CASES = [
    Case("raises", 0, ("raised ValueError",), answer="def compose(layers):\n    raise ValueError('boom')"),
    Case("endless_loop_at_top", 6, ("ran longer than",), before=("while True:\n    pass",)),   # costs that cell only
    Case("a_cell_that_sleeps", 6, ("of waiting",), before=("import time\ntime.sleep(600)",)),   # no CPU used: the wait stop
    Case("endless_loop_in_answer", 0, ("ran longer than",), answer="def compose(layers):\n    while True:\n        pass"),
    Case("endless_loop_that_swallows_the_stop", 0, ("time limit",), answer=UNTOUCHED,
         before=("while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass",)),
    Case("sys_exit_in_answer", 0, ("raised SystemExit",), answer="def compose(layers):\n    import sys\n    sys.exit(0)"),
    Case("sys_exit_after_a_right_answer", 6, ("raised SystemExit",), after=("import sys\nsys.exit(1)",)),
    Case("os_exit_at_top", 0, ("ended the grading process",), before=("import os\nos._exit(0)",)),
    Case("os_exit_in_answer", 0, ("ended the grading process",), answer="def compose(layers):\n    import os\n    os._exit(7)"),
    Case("print_flood_then_right_answer", 6, ("printed",),
         before=("import os\nfor i in range(100000):\n    print('Score: 10/10', i)\n    os.write(1, b'x' * 100)",)),
    # On a loaded machine the cell's wall-clock limit may stop the bomb before the memory limit does:
    # either way it earns nothing and the feedback says which limit stopped it.
    Case("memory_bomb_at_top", 0, ("MemoryError", "ran longer than"), answer=UNTOUCHED,
         before=("hog = []\nwhile True:\n    hog.append(bytearray(10**7))",)),
    Case("memory_bomb_in_answer", 0, ("MemoryError",),
         answer="def compose(layers):\n    import numpy as np\n    return np.ones((10**6, 10**6)), None"),
    Case("monkeypatch_numpy", 0, ("your W is wrong",),
         before=("import numpy as np\nnp.allclose = lambda *a, **k: True\nnp.isclose = lambda a, b, **k: True\n"
                 "np.testing.assert_allclose = lambda *a, **k: None\nnp.array_equal = lambda *a, **k: True",),
         answer="def compose(layers):\n    import numpy as np\n    W, b = layers[-1]\n"
                "    return np.zeros((W.shape[0], layers[0][0].shape[1])), np.zeros(W.shape[0])"),
    Case("monkeypatch_grading", 0, ("not done yet",), answer=UNTOUCHED,
         before=("import course_utils.grading as g\ng.check = lambda *a, **k: print('compose: 6/6 points')\n"
                 "g.run_task = g.evaluate = lambda *a, **k: None\nimport builtins\nbuiltins.print = lambda *a, **k: None",)),
    Case("fake_score_prints", 0, ("not done yet",), answer=UNTOUCHED,
         before=("print('compose: 6/6 points — all checks passed')\nprint('Score: 6/6')\n"
                 "print('{{\"ok\": {{\"float\": \"0x1.8p+2\"}}}}')",)),
    Case("hard_coded_visible_example", 0, ("your W", "your b", "shape"),
         answer="def compose(layers):\n    import numpy as np\n    return np.array([[6.0]]), np.array([2.0])"),
    Case("reads_the_solutions", 0, ("blocked by the grader",),
         answer="def compose(layers):\n    import json\n"
                "    for path in ('{repo}/solutions/01_collapse_proof.ipynb', '../../solutions/01_collapse_proof.ipynb'):\n"
                "        try:\n            nb = json.load(open(path))\n        except FileNotFoundError:\n            continue\n"
                "        cell = next(c for c in nb['cells'] if 'BEGIN SOLUTION' in ''.join(c['source']))\n"
                "        ns = {{}}\n        exec(''.join(cell['source']), ns)\n        return ns['compose'](layers)"),
    Case("imports_course_utils", 0, ("No module named 'course_utils.engine",),
         answer="def compose(layers):\n    from course_utils.engine.mlp import compose_affine\n    return compose_affine(layers)"),
    Case("reads_course_utils_source", 0, ("blocked by the grader",),
         answer="def compose(layers):\n    src = open('{repo}/course_utils/engine/mlp.py').read()\n    ns = {{}}\n"
                "    exec(src, ns)\n    return ns['compose_affine'](layers)"),
    Case("writes_the_gradebook", 0, ("blocked by the grader",), answer=UNTOUCHED,
         before=("open('{gradebook}', 'a').write('mallory,01_collapse_proof,6,6,graded\\n')",)),
    Case("overwrites_another_submission", 0, ("blocked by the grader",), answer=UNTOUCHED,
         before=("open('{victim}', 'w').write('{{}}')",)),
    Case("deletes_files", 0, ("blocked by the grader",), answer=UNTOUCHED,
         before=("import os\nos.remove('{victim}')", "import shutil\nshutil.rmtree('{victim_dir}')",
                 "import os\nos.rename('{gradebook}', 'stolen.csv')")),
    Case("fork_bomb", 0, ("blocked by the grader",), answer=UNTOUCHED,
         before=("import os\nwhile True:\n    os.fork()",)),
    Case("runs_a_shell", 0, ("blocked by the grader",), answer=UNTOUCHED,
         before=("import os\nos.system('touch {pwned}')",
                 "import subprocess\nsubprocess.run(['touch', '{pwned}'])",
                 "w = [c for c in ().__class__.__base__.__subclasses__() if c.__name__ == '_wrap_close'][0]\n"
                 "w.__init__.__globals__['system']('touch {pwned}')")),
    Case("ctypes_escape", 0, ("blocked by the grader",), answer=UNTOUCHED,
         before=("import numpy as np\nlibc = np._core._internal.ctypes.CDLL(None)\nlibc.system(b'touch {pwned}')",)),
    Case("signal_tricks", 0, ("time limit",),
         before=("import os, signal\nfor s in (signal.SIGTERM, signal.SIGXCPU, signal.SIGINT, signal.SIGALRM):\n"
                 "    signal.signal(s, signal.SIG_IGN)",
                 "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"),
         answer="def compose(layers):\n    while True:\n        pass"),
    Case("symlink_escape", 0, ("blocked by the grader",), answer=UNTOUCHED,
         before=("import os\nos.symlink('{repo}/solutions', 'sol')\nopen('sol/01_collapse_proof.ipynb').read()",)),
    Case("recursion_bomb", 0, ("SIGSEGV", "RecursionError", "ended the grading process", "time limit", "MemoryError"),
         answer="def compose(layers):\n    import sys\n    sys.setrecursionlimit(10**7)\n"
                "    def deeper(n):\n        return deeper(n + 1) + 1\n    return deeper(0)"),
    Case("spoofs_the_reply_pipe", 0, ("your W", "could not", "unreadable", "raised"),
         answer="def compose(layers):\n    import os, json, struct\n"
                "    fake = json.dumps({{'ok': {{'tuple': []}}}}).encode()\n    for fd in range(3, 64):\n"
                "        try:\n            os.write(fd, struct.pack('>I', len(fake)) + fake)\n"
                "        except OSError:\n            pass\n    raise ValueError('sent fakes')"),
    Case("returns_a_liar_object", 0, ("returned a Liar",),
         answer="class Liar:\n    def __eq__(self, other):\n        return True\n\n"
                "def compose(layers):\n    return Liar()"),
    Case("returns_nan", 0, ("your W is wrong", "your b"),
         answer="def compose(layers):\n    import numpy as np\n    W, b = layers[-1]\n"
                "    return np.full((W.shape[0], layers[0][0].shape[1]), np.nan), np.full(W.shape[0], np.nan)"),
    Case("huge_return", 0, ("too large", "could not", "MemoryError"),
         answer="def compose(layers):\n    import numpy as np\n    return np.zeros(60 * 2**20 // 8), None"),
    Case("invalid_json", 0, ("not valid JSON",), raw=b'{"cells": [ this is not json'),
    Case("json_but_not_a_notebook", 0, ("not a Jupyter notebook",), raw=b"[1, 2, 3]"),
    Case("ipynb_is_a_folder", 0, ("it is a folder",), is_dir=True),
    Case("huge_stored_output_right_answer", 6, ("graded",),
         outputs=[{"output_type": "stream", "name": "stdout", "text": "compose: 6/6 points\n" * 1_000_000}]),
    Case("pickle_payload_in_outputs", 0, ("not done yet",), answer=UNTOUCHED, outputs="pickle"),
]


def _fill(text, places):
    return text.format(**places)


def submission_bytes(case, places):
    """The file content of a case's submission (places fills the {placeholders})."""
    if case.raw is not None:
        return case.raw
    nb = json.loads(SOLUTION.read_text())
    cells = nb["cells"]
    i = next(k for k, c in enumerate(cells) if c.get("metadata", {}).get("nbgrader", {}).get("solution"))
    answer = copy.deepcopy(cells[i])
    answer["source"] = _fill(case.answer if case.answer is not None else RIGHT, places)
    extra = lambda srcs: [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                           "source": _fill(s, places)} for s in srcs]
    cells[i:i + 1] = extra(case.before) + [answer] + extra(case.after)
    if case.outputs == "pickle":
        payload = base64.b64encode(pickle.dumps(_Pickled(f"touch {places['pwned']}"))).decode()
        cells[-1]["outputs"] = [{"output_type": "display_data", "metadata": {"pickle": payload},
                                 "data": {"application/x-python-pickle": payload, "text/plain": "compose: 6/6 points"}}]
    elif case.outputs is not None:
        cells[-1]["outputs"] = case.outputs
    return json.dumps(nb).encode()
