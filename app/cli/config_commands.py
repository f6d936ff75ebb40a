"""`homevisit config check (organisation configuration)`: placeholder until the feature lands."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def register(sub: Any, add_passphrase: Callable[[argparse.ArgumentParser], None]) -> None:
    """Adds no command yet."""
