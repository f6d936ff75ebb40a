"""HomeVisit core: Qt-free domain, encrypted storage, vault, services, reports, sync and CLI.

Nothing in this package may import PySide6 (tests/unit/test_layers.py enforces it).
"""

__version__ = "0.1.0"
