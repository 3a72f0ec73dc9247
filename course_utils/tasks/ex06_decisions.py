"""Tasks of 06_decision_list: the decision picker, role in the network -> the bend to pick.

The key and the feedback are course_utils.facts.decisions: the recommendation passes; the runner-up, a
known bad choice or any other bend fails with the rule's own reason (why the pick wins, and when
the runner-up would be right). One check per role, in the decision list's order.
"""

from course_utils.facts import decisions
from course_utils.tasks.spec import Check, Task, type_name


def judge_pick(args, out):
    """Right when `out` names (or aliases) the recommended bend for the role; else decisions.check_pick's reason."""
    role = args[0]
    if not isinstance(out, str):
        return False, (f"pick should return the name of a bend as a string, e.g. 'relu'; it returned a "
                       f"{type_name(out)}.")
    points, message = decisions.check_pick(role, out)
    if points == 1.0:
        return True, "correct"
    return False, message


def _role(role):
    return lambda rng: (role,)


PICK = Task("pick", "pick", intro="pick(role): the registry name of the bend to use in that role.", checks=[
    Check(d.question, 1, _role(d.role), judge_pick,
          hint="return a string such as 'relu'; the role keys are listed above the cell.")
    for d in decisions.decisions()
])

TASKS = [PICK]


def role_table():
    """Markdown rows `| key | question |` for the exercise notebook (its build script uses this)."""
    return "\n".join(f"| `{d.role}` | {d.question} |" for d in decisions.decisions())
