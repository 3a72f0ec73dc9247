"""Which of numpy's SIMD kernels to switch off so that a run computes like another CPU would."""

import argparse
import json
import os
import subprocess
import sys

# numpy picks exp, tanh, log and matmul kernels at run time by CPU feature; NPY_DISABLE_CPU_FEATURES
# switches dispatch targets off. Names differ by numpy version (1.x: AVX512F, AVX512_SKX, ...;
# 2.3 and later: the X86_V4 / X86_V3 groups), so the lists are read from numpy itself.
AVX2_LEVEL = {"AVX", "F16C", "FMA3", "AVX2", "X86_V3"}


def _is_avx512(name):
    return "AVX512" in name or name == "X86_V4"


def _dispatch_table():
    """(dispatch targets numpy was built with, features this CPU has)."""
    try:
        from numpy._core import _multiarray_umath as umath
    except ImportError:  # numpy 1.x
        from numpy.core import _multiarray_umath as umath
    return list(umath.__cpu_dispatch__), {k for k, on in umath.__cpu_features__.items() if on}


def targets(level):
    """Dispatch targets to disable: 'avx512', 'avx2' (AVX2 and everything wider) or 'all'."""
    dispatch, _ = _dispatch_table()
    if level == "avx512":
        return [t for t in dispatch if _is_avx512(t)]
    if level == "avx2":
        return [t for t in dispatch if _is_avx512(t) or t in AVX2_LEVEL]
    if level == "all":
        return dispatch
    raise ValueError(f"unknown level {level!r}: use avx512, avx2 or all")


def in_use(env=None):
    """The dispatch targets numpy actually enables in a fresh process with this environment."""
    code = (
        "import json\n"
        "try:\n from numpy._core import _multiarray_umath as u\n"
        "except ImportError:\n from numpy.core import _multiarray_umath as u\n"
        "print(json.dumps([t for t in u.__cpu_dispatch__ if u.__cpu_features__.get(t)]))"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def another_cpu():
    """The widest level this CPU uses, switched off: AVX-512 where it runs, else AVX2, else every target."""
    used = in_use()
    for level in ("avx512", "avx2", "all"):
        off = [t for t in targets(level) if t in used]
        if off:
            return level, targets(level)
    return "none", []


def environment(disabled):
    """os.environ with NPY_DISABLE_CPU_FEATURES set to the given targets."""
    env = dict(os.environ)
    env["NPY_DISABLE_CPU_FEATURES"] = " ".join(disabled)
    return env


def main(argv=None):
    """Print the NPY_DISABLE_CPU_FEATURES value for a level, or nothing if this CPU uses none of its targets."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("level", nargs="?", choices=["avx512", "avx2", "all", "another"], default="another")
    level = parser.parse_args(argv).level
    disabled = another_cpu()[1] if level == "another" else targets(level)
    used = set(in_use())
    print(" ".join(disabled) if used & set(disabled) else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
