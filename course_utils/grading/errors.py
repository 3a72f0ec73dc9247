"""The one exception the grading layers share: a learner's function gave no output."""


class CallError(Exception):
    """The learner's function gave no output. kind: not_done, raised, missing, borrowed (the course's own answer), or (grader) timeout, crashed, bad_output, stopped."""

    def __init__(self, kind, message, type_name=""):
        super().__init__(message)
        self.kind, self.message, self.type_name = kind, message, type_name
