"""Tasks of 06_decision_list: predict, then run the chapter's one-number memory, h -> bend(gain * h), step by step.

Why the list says "tanh for new content inside an LSTM or GRU": a bend with no top lets a memory that
grows a little each step blow up; tanh cannot pass 1. The reference loops over the registry's bends;
the `Wrong` answers are the mistakes learners make: the gain after the bend, one step too many or
too few, the gain forgotten, the start at 0.
"""

import numpy as np

from course_utils.facts import activations
from course_utils.tasks.spec import Check, Task, as_float_array, diagnose, type_name
from course_utils.tasks.ex02_bends import wrong


def _run(name, steps, gain, start=1.0, after=False, use_gain=True):
    act, h = activations.get(name), start
    for _ in range(steps):
        h = float(act(np.float64(h)) * gain) if after else float(act(np.float64((gain if use_gain else 1.0) * h)))
    return h


def _after(args):
    return _run(*args)


STATE_WRONGS = [
    wrong(lambda a: _run(*a, after=True), "you stretched after the bend: each step is h = bend(gain * h), the gain "
                                          "first, then the bend."),
    wrong(lambda a: _run(a[0], a[1] + 1, a[2]), "one step too many: run the rule exactly `steps` times."),
    wrong(lambda a: _run(a[0], a[1] - 1, a[2]) if a[1] else None, "one step short: run the rule exactly `steps` times."),
    wrong(lambda a: _run(*a, use_gain=False), "the gain is missing: each step is h = bend(gain * h)."),
    wrong(lambda a: _run(*a, start=0.0), "the memory starts at h = 1, not 0 (from 0 most bends stay at 0 for ever)."),
]


def judge_state(args, out):
    """One number close to the memory after `steps` steps of h = bend(gain * h), starting at h = 1."""
    got = as_float_array(out)
    if got is None or got.size != 1:
        return False, (f"state_after should return one number, the memory after the last step; it returned a "
                       f"{type_name(out)}.")
    return diagnose(args, got.reshape(()), _after(args), STATE_WRONGS,
                    "your number is off: start at h = 1 and apply h = bend(gain * h) `steps` times.", rtol=1e-9)


judge_state.wrongs = STATE_WRONGS


def _case(name, low, high, gains):
    # Few steps for the bends that settle (tanh, sigmoid) and for a shrinking ReLU: after many, one step
    # more or less, or a start at 0, lands within tolerance of the right answer on some seeds only.
    def inputs(rng):
        return (name, int(rng.integers(low, high + 1)), float(rng.uniform(*gains)))
    return inputs


STATE_AFTER = Task("state_after", "state_after",
                   intro="state_after(name, steps, gain): start at h = 1, apply h = bend(gain * h) `steps` times.",
                   checks=[
                       Check("ReLU with a gain above 1", 1, _case("relu", 10, 100, (1.05, 1.2)), judge_state,
                             hint="h = 1.0, then a loop: h = BENDS[name](gain * h)."),
                       Check("tanh with a gain above 1", 1, _case("tanh", 2, 6, (1.05, 2.0)), judge_state),
                       Check("sigmoid", 1, _case("sigmoid", 2, 6, (0.5, 2.0)), judge_state),
                       Check("ReLU with a gain below 1", 1, _case("relu", 3, 12, (0.5, 0.95)), judge_state),
                       Check("zero steps", 1, lambda rng: ("tanh", 0, 1.1), judge_state,
                             hint="with no steps the memory is still its start, 1."),
                   ])

TASKS = [STATE_AFTER]


def role_table():
    """Kept for older exercise builds: the decision list's roles as markdown rows."""
    from course_utils.facts import decisions
    return "\n".join(f"| `{d.role}` | {d.where} |" for d in decisions.decisions())
