"""Tasks of 07_recall_quiz: the quiz's numeric questions and its multiple-choice questions, as functions.

Keys and feedback come from course_utils.facts.quiz (computed from the registry): a right answer passes,
a wrong one fails with the message the quiz gives for it (each trap number and each wrong option
explains its own misconception). The choices are shown in a fixed shuffled order, lettered A, B, ...,
so that the right answer is not always the first; `shown_options` is that order.
"""

import zlib

import numpy as np

from course_utils.facts import quiz
from course_utils.tasks.spec import Check, Task, type_name

LETTERS = "ABCDEFGH"
# A fixed set from the question bank (which grows): the numbers to compute, and seven choices.
NUMERIC = [quiz.get(q) for q in ("sigmoid_slope_0", "sigmoid_slope_5", "chain_sigmoid_10", "tanh_slope_3", "gelu_slope_minus3")]
CHOICES = [quiz.get(q) for q in ("relu_flat_side", "where_bend", "relu_vs_sigmoid", "gelu_in_transformers", "tanh_in_rnns",
                                 "softmax_activation", "tanh_vs_sigmoid")]


def shown_order(qid):
    """The option indices of question qid in the order the exercise shows them (a fixed shuffle per question)."""
    n = len(quiz.get(qid).options)
    return [int(i) for i in np.random.default_rng(zlib.crc32(qid.encode())).permutation(n)]


def shown_options(qid):
    """[(letter, Option)] as the exercise shows them."""
    options = quiz.get(qid).options
    return [(LETTERS[k], options[i]) for k, i in enumerate(shown_order(qid))]


# ---------------------------------------------------------------- numeric_answer(qid)
def judge_number(args, out):
    """A number (or a string such as '1/4') that the quiz accepts for this question; else the quiz's message."""
    qid = args[0]
    if isinstance(out, (bool, np.bool_)) or not isinstance(out, (int, float, str, np.integer, np.floating)):
        return False, f"numeric_answer should return one number for {qid!r}; it returned a {type_name(out)}."
    value = out if isinstance(out, str) else float(out)
    fb = quiz.check(qid, value)
    return (True, "correct") if fb.correct else (False, fb.message)


def _ask(qid):
    return lambda rng: (qid,)


QUIZ_NUMBERS = Task("quiz_numbers", "numeric_answer",
                    intro="numeric_answer(qid): a number for each numeric quiz question.", checks=[
    Check(q.prompt, 1, _ask(q.id), judge_number, hint="return a number for every question key listed above.")
    for q in NUMERIC
])


# ---------------------------------------------------------------- choice_answer(qid)
def judge_choice(args, out):
    """A letter A, B, ... naming a shown option; right if the quiz marks that option correct, else its explanation."""
    qid = args[0]
    order = shown_order(qid)
    letters = LETTERS[: len(order)]
    if not isinstance(out, str) or out.strip().upper() not in letters or not out.strip():
        return False, (f"choice_answer should return one letter, {', '.join(letters)}, for {qid!r}; "
                       f"it returned {out!r}." if isinstance(out, str) else
                       f"choice_answer should return one letter ({', '.join(letters)}); it returned a {type_name(out)}.")
    fb = quiz.check(qid, order[letters.index(out.strip().upper())])
    return (True, "correct") if fb.correct else (False, fb.message)


QUIZ_CHOICES = Task("quiz_choices", "choice_answer",
                    intro="choice_answer(qid): the letter of the right option for each multiple-choice question.", checks=[
    Check(q.prompt, 1, _ask(q.id), judge_choice, hint="return a letter such as 'B' for every question key listed above.")
    for q in CHOICES
])

TASKS = [QUIZ_NUMBERS, QUIZ_CHOICES]


# ---------------------------------------------------------------- what the exercise shows (its build script uses these)
def numeric_table():
    """Markdown rows `| key | question |` for the numeric questions."""
    return "\n".join(f"| `{q.id}` | {q.prompt} |" for q in NUMERIC)


def choice_markdown(qid):
    """One multiple-choice question as a markdown sub-slide: its key and prompt, the options lettered as shown."""
    q = quiz.get(qid)
    lines = [f"### `{q.id}`: {q.prompt}", ""]
    lines += [f"- **{letter}.** {option.text}" for letter, option in shown_options(qid)]
    return "\n".join(lines)
