"""python -m course_utils.grading PATH... --gradebook FILE.csv: grade a class (see cli.py)."""

import sys

from course_utils.grading.cli import main

sys.exit(main())
