"""A guard against a reference-counting bug in the pinned PySide6 (6.12.0) on CPython 3.11.

With that wheel every call to a Qt method that returns nothing (`setText`, `setObjectName`,
`start` ...) drops one reference to `None` that it never took. On Python 3.12 and later `None` is
immortal and nothing happens; on 3.11 the count falls by one per call and, after some tens of
thousands of calls (a day of typing: autosave timers and labels update on every keystroke),
reaches zero and the interpreter aborts with "deallocating None" — losing whatever was typed
since the last autosave. Until the pin moves (6.11.3 does not have the bug, but QtPdf then needs
the much larger PySide6-Addons), `None` is given a reference count so large that no session
can spend it: the same thing 3.12 does by design. `tests/ui/test_none_guard.py` proves both the
bug and the guard in fresh interpreters.
"""

from __future__ import annotations

import ctypes
import sys

# 2**60 calls at a billion a second would take 36 years; still far from the sign bit.
_EXTRA_REFERENCES = 1 << 60


def protect_none() -> bool:
    """Make `None` effectively immortal on CPython < 3.12; True when the count was raised."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the object's first field
    if refcount.value >= _EXTRA_REFERENCES:
        return False  # already done in this process
    refcount.value += _EXTRA_REFERENCES
    return True
