"""Exercise checks and grading: `check("task")` in a notebook; `python -m course_utils.grading` for a class.

runner    run_task, check, assert_passes, evaluate (tasks/spec.py: Task, Check, Wrong, close, diagnose)
errors    CallError: a learner's function gave no output
feedback  the printed report, feedback files
wire      the sandbox's JSON format;  parent  the grader's side;  child  the isolated process (a script)
cli       the class grader, `python -m course_utils.grading`

Writing the tasks of an assignment (see course_utils/tasks/ex01_collapse.py for a full example):
1. In course_utils/tasks/ex0N_<name>.py build `TASKS = [Task(name, function, checks)]`; register
   them in course_utils/tasks/__init__.py under the notebook stem. Task names are unique.
2. A Check has a name, points, `inputs(rng) -> args tuple` and `judge(args, output) -> (passed, message)`.
   inputs: draw from `rng` only (the notebook uses a fixed seed, the grader a fresh one per run); use
   values the wire carries: numbers, numpy numeric arrays, str, lists, tuples, dicts.
   judge: compute the expected answer from course_utils (never type it twice); the output arrives as
   plain Python/numpy values (a custom object arrives as a stand-in that fails `close`). On a failure,
   return a message naming the likely misconception: `diagnose(args, got, expected, [Wrong(...), ...],
   otherwise)` tries known wrong answers in order. `hint` is shown when the function raises.
3. In solutions/0N_<name>.ipynb: the answer between `### BEGIN SOLUTION` / `### END SOLUTION` in a cell with
   nbgrader solution metadata; then a cell `check("<task>")` with nbgrader metadata grade=true, locked,
   points = the task's points. Run `make exercises` to regenerate exercises/.
In the grader's child, submissions may import the standard library (not processes or sockets), numpy
(not numpy.testing), scipy and matplotlib (drawing only, Agg); `course_utils` is a stub there, so keep
answer cells free of it.
"""

from course_utils.grading.runner import assert_passes, check, evaluate, run_task
from course_utils.tasks.spec import Check, Task, Wrong, close, diagnose

__all__ = ["Check", "Task", "Wrong", "assert_passes", "check", "close", "diagnose", "evaluate", "run_task"]
