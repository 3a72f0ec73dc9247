"""The sandbox's wire format: values survive the round trip exactly, and anything malformed is refused."""

import base64
import json
import pickle

import numpy as np
import pytest

from course_utils.grading import wire
from course_utils.grading.wire import Unsupported, WireError, decode, encode, pack, unpack_body


def roundtrip(x):
    return decode(unpack_body(pack(encode(x))[4:]))


@pytest.mark.parametrize("value", [
    None, True, False, 0, -7, 2**80, 0.1, -0.0, float("inf"), 1e-310, 3 + 4j, "héllo", [1, [2.5, "x"]], (1, (2,)),
    {"a": 1, 2: (3.0,)},
])
def test_python_values_roundtrip_exactly(value):
    """Check that plain Python values come back equal and of the same type (floats bit for bit, via hex)."""
    got = roundtrip(value)
    assert got == value and type(got) is type(value)
    if isinstance(value, float):
        assert got.hex() == value.hex()


def test_nan_roundtrips():
    """Check that NaN survives (plain JSON has no NaN)."""
    assert np.isnan(roundtrip(float("nan")))


@pytest.mark.parametrize("dtype", ["float32", "float64", "int8", "int64", "uint16", "bool", "complex128", ">f8"])
def test_arrays_roundtrip_with_dtype_and_shape(dtype):
    """Check that arrays keep values, shape and dtype (big-endian input comes back native)."""
    a = (np.arange(24).reshape(2, 3, 4) % 5).astype(dtype)
    got = roundtrip(a)
    assert got.shape == a.shape and got.dtype == a.dtype.newbyteorder("=") and np.array_equal(got, a)
    assert got.flags.writeable


def test_numpy_scalars_and_views_roundtrip():
    """Check numpy scalars stay scalars and a non-contiguous view arrives as its values."""
    assert type(roundtrip(np.float32(1.5))) is np.float32
    a = np.arange(12.0).reshape(3, 4)[:, ::2]
    assert np.array_equal(roundtrip(a), a)


def test_object_arrays_are_refused():
    """Check that arrays of Python objects cannot travel (they would need pickle)."""
    with pytest.raises(WireError, match="dtype object"):
        encode(np.array([object()], dtype=object))


def test_custom_objects_arrive_as_a_named_stand_in():
    """Check that an unknown object becomes Unsupported with its type name, whatever its __eq__ says."""
    class Liar:
        def __eq__(self, other):
            return True
    got = roundtrip(Liar())
    assert isinstance(got, Unsupported) and got.type_name == "Liar"


@pytest.mark.parametrize("message", [
    {"array": "O", "shape": [1], "scalar": False, "data": "AA=="},                 # object dtype by name
    {"array": "f8", "shape": [2], "scalar": False, "data": "AAAAAAAAAAA="},        # 8 bytes for 2 doubles
    {"array": "f8", "shape": [-1], "scalar": False, "data": ""},                   # negative shape
    {"array": "f8", "shape": [1], "scalar": False, "data": "not base64!"},
    {"array": "f8", "shape": [1], "scalar": False, "data": "AAAAAAAAAAA=", "x": 1},  # extra key
    {"pickle": "gASVAAAAAAAAAAA="},                                                # unknown tag
    {"float": 1.5},                                                                # untagged payload
    {"int": "1" * 5000},                                                           # absurdly long number
    {"dict": [[{"list": []}, 1]]},                                                 # unhashable key
    [1, 2],                                                                        # bare JSON list
])
def test_malformed_messages_are_refused(message):
    """Check that decode rejects anything that is not exactly the format."""
    with pytest.raises(Exception) as info:
        decode(message)
    assert isinstance(info.value, (WireError, ValueError))


def test_deep_nesting_is_refused():
    """Check that nesting beyond the limit is refused, both ways."""
    deep = []
    for _ in range(wire.MAX_DEPTH + 5):
        deep = [deep]
    with pytest.raises(WireError):
        encode(deep)
    msg = None
    for _ in range(wire.MAX_DEPTH + 5):
        msg = {"list": [msg]}
    with pytest.raises(WireError):
        decode(msg)


def test_a_pickle_payload_is_never_unpickled(monkeypatch):
    """Check that decoding a message carrying a pickle never calls pickle (the payload would run code)."""
    calls = []
    monkeypatch.setattr(pickle, "loads", lambda *a, **k: calls.append(a))
    payload = base64.b64encode(pickle.dumps(("os", "system"))).decode()
    for message in ({"str": payload}, {"other": payload}):
        decode(message)
    with pytest.raises(WireError):
        decode({"pickle": payload})
    assert calls == []


def test_unpack_refuses_text_that_is_not_json():
    """Check that a reply that is not JSON is a WireError, not a crash."""
    for body in (b"Score: 10/10", b"\xff\xfe", b"[" * 100000):
        with pytest.raises(WireError):
            unpack_body(body)
    assert unpack_body(json.dumps({"ok": None}).encode()) == {"ok": None}
