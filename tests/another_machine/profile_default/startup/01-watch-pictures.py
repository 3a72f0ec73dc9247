"""IPython startup file for tests/test_portable_outputs.py: while the notebooks run, watch every picture drawn.

Every figure a notebook draws (still or widget frame) passes through Figure.draw. Each time, this
records the legend entries that differ from another only by colour (tools/colour_cues.py) in
$COURSE_FIGURE_LOG, with a count of the pictures checked, so the test can prove it looked.
"""

import os
import sys

from matplotlib.figure import Figure

sys.path.insert(0, os.environ["COURSE_ROOT"])   # tools/ is the repository's, not an installed package
from tools.colour_cues import colour_only_pairs  # noqa: E402

_draw = Figure.draw


def _watched_draw(self, renderer):
    pairs = colour_only_pairs(self)
    with open(os.environ["COURSE_FIGURE_LOG"], "a") as log:
        log.write("checked\n")
        for panel, first, second in pairs:
            log.write(f"colour only\t{os.path.basename(os.getcwd())}\t{panel}\t{first}\t{second}\n")
    return _draw(self, renderer)


Figure.draw = _watched_draw
