"""Exercise checks and grading: `check("task")` in a notebook; `python -m course_utils.grade` for a class.

spec     Task and Check, the judge helpers        runner   run_task, check, assert_passes
feedback the printed report and feedback files    sandbox  the isolated child and its JSON wire format
"""

from course_utils.grading.runner import assert_passes, check, evaluate, run_task
from course_utils.grading.spec import Check, Task, Wrong, close, diagnose

__all__ = ["Check", "Task", "Wrong", "assert_passes", "check", "close", "diagnose", "evaluate", "run_task"]
