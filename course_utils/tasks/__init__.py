"""The registry of graded assignments: notebook stem -> its tasks, in the order the notebook asks them.

To add an assignment: write course_utils/tasks/ex0N_<name>.py with a TASKS list, add it below,
and give solutions/0N_<name>.ipynb a `check("<task name>")` cell per task. Task names are unique
across the course, so `check("compose")` needs no assignment name.
"""

from course_utils.tasks import (ex01_collapse, ex02_bends, ex03_gradients, ex04_zoo, ex05_training, ex06_decisions,
                                ex07_quiz)

ASSIGNMENTS = {
    "01_collapse_proof": ex01_collapse.TASKS,
    "02_four_bends": ex02_bends.TASKS,
    "03_gradient_table": ex03_gradients.TASKS,
    "04_activation_zoo": ex04_zoo.TASKS,
    "05_training_race": ex05_training.TASKS,
    "06_decision_list": ex06_decisions.TASKS,
    "07_recall_quiz": ex07_quiz.TASKS,
}


def find_task(name):
    """(assignment, index in it, Task) for a task name; KeyError listing the known names otherwise."""
    for assignment, tasks in ASSIGNMENTS.items():
        for i, task in enumerate(tasks):
            if task.name == name:
                return assignment, i, task
    known = ", ".join(t.name for tasks in ASSIGNMENTS.values() for t in tasks)
    raise KeyError(f"no task named {name!r}; the tasks are: {known}")


def max_score(assignment):
    """Total points of an assignment."""
    return float(sum(t.points for t in ASSIGNMENTS[assignment]))
