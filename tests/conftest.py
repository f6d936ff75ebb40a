"""Shared test set-up: Qt offscreen by default, no stray profile in the user's home."""

from __future__ import annotations

import os

# Without a display Qt aborts the process; offscreen is the default for every test.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
