"""The grader's wire format: values travel as tagged JSON, numpy arrays as (whitelisted dtype, shape, base64).

Both sides of the sandbox use it: the grader (parent.py) imports it as a module, and the child
(child.py, run with `python -I -S`) loads this one file by path. It needs only numpy and the
standard library. Nothing from the child is ever unpickled or evaluated.
"""

import base64
import json
import struct

import numpy as np

MAX_MESSAGE = 32 * 2**20          # bytes in one message either way
MAX_DEPTH = 32                    # nesting of lists/tuples/dicts in a value
MAX_ITEMS = 1_000_000             # items in one list, tuple or dict
HEADER = struct.Struct(">I")
_DTYPES = {"b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"}

class WireError(ValueError):
    """A value the wire cannot carry, or a message that is not in the wire format."""


class Unsupported:
    """Stands in for a value the wire cannot carry (a custom object): judges see only its type name."""

    def __init__(self, type_name):
        self.type_name = type_name

    def __repr__(self):
        return f"<{self.type_name} object>"


def encode(obj, _depth=0):
    """A JSON-ready form of obj: None/bools as is, everything else tagged ({"float": hex}, {"array": ...})."""
    if _depth > MAX_DEPTH:
        raise WireError("the value is nested too deeply")
    if obj is None or obj is True or obj is False:
        return obj
    if isinstance(obj, (np.ndarray, np.generic)):
        a = np.asarray(obj)
        code = "b1" if a.dtype.kind == "b" else f"{a.dtype.kind}{a.dtype.itemsize}"
        if code not in _DTYPES:
            raise WireError(f"an array of dtype {a.dtype} cannot be checked: use numbers")
        if a.nbytes > MAX_MESSAGE // 2:
            raise WireError(f"the output is too large ({a.nbytes} bytes)")
        a = a.astype(a.dtype.newbyteorder("<"), order="C", copy=False)  # keeps 0-d arrays 0-d
        return {"array": code, "shape": list(a.shape), "scalar": isinstance(obj, np.generic),
                "data": base64.b64encode(a.tobytes()).decode("ascii")}
    if isinstance(obj, int):
        return {"int": int.__repr__(obj)}
    if isinstance(obj, float):
        return {"float": float.hex(obj)}
    if isinstance(obj, complex):
        return {"complex": [float.hex(obj.real), float.hex(obj.imag)]}
    if isinstance(obj, str):
        if len(obj) > 100_000:
            raise WireError("the output string is too long")
        return {"str": str.__str__(obj)}
    if isinstance(obj, (list, tuple, dict)):
        if len(obj) > MAX_ITEMS:
            raise WireError("the output has too many items")
        if isinstance(obj, dict):
            return {"dict": [[encode(k, _depth + 1), encode(v, _depth + 1)] for k, v in dict.items(obj)]}
        return {"tuple" if isinstance(obj, tuple) else "list": [encode(x, _depth + 1) for x in obj]}
    return {"other": str(type(obj).__name__)[:80]}


def decode(msg, _depth=0):
    """The value encode() described; WireError for anything else (the grader's side trusts nothing)."""
    if _depth > MAX_DEPTH:
        raise WireError("nested too deeply")
    if msg is None or isinstance(msg, bool):
        return msg
    if not isinstance(msg, dict):
        raise WireError(f"unexpected {type(msg).__name__}")
    if "array" in msg:
        return _decode_array(msg)
    if len(msg) != 1:
        raise WireError("a tagged value has exactly one key")
    (tag, v), = msg.items()
    if tag == "int" and isinstance(v, str) and len(v) <= 400:
        return int(v)
    if tag == "float" and isinstance(v, str) and len(v) <= 40:
        return float.fromhex(v)
    if tag == "complex" and isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) and len(x) <= 40 for x in v):
        return complex(float.fromhex(v[0]), float.fromhex(v[1]))
    if tag == "str" and isinstance(v, str):
        return v
    if tag in ("list", "tuple") and isinstance(v, list):
        items = [decode(x, _depth + 1) for x in v]
        return tuple(items) if tag == "tuple" else items
    if tag == "dict" and isinstance(v, list) and all(isinstance(p, list) and len(p) == 2 for p in v):
        try:
            return {decode(k, _depth + 1): decode(x, _depth + 1) for k, x in v}
        except TypeError as exc:  # an unhashable key
            raise WireError(str(exc)) from None
    if tag == "other" and isinstance(v, str):
        return Unsupported(v[:80])
    raise WireError(f"unknown or malformed tag {str(tag)[:20]!r}")


def _decode_array(msg):
    code, shape, data = msg.get("array"), msg.get("shape"), msg.get("data")
    if set(msg) != {"array", "shape", "scalar", "data"} or code not in _DTYPES or not isinstance(data, str):
        raise WireError("malformed array")
    if not (isinstance(shape, list) and len(shape) <= 32 and all(type(n) is int and n >= 0 for n in shape)):
        raise WireError("malformed array shape")
    dtype = np.dtype("<" + code)
    raw = base64.b64decode(data, validate=True)
    count = 1
    for n in shape:
        count *= n
    if count * dtype.itemsize != len(raw):
        raise WireError("array data does not match its shape")
    a = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    return a[()] if msg["scalar"] is True and a.ndim == 0 else a


def pack(obj):
    """One framed message: 4-byte length, then compact JSON."""
    data = json.dumps(obj, separators=(",", ":"), allow_nan=False).encode("utf-8")
    if len(data) > MAX_MESSAGE:
        raise WireError(f"message too large ({len(data)} bytes)")
    return HEADER.pack(len(data)) + data


def unpack_body(data):
    """The JSON object in a message body; WireError if it is not valid UTF-8 JSON."""
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise WireError(f"not a valid message ({type(exc).__name__})") from None
