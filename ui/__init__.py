"""The HomeVisit desktop app (PySide6). The only package that imports Qt.

Widgets never touch the database: every read and write goes through `ui.background` (one DB
worker thread) and the thin use-case bindings in `ui.operations`.
"""

from ui.none_guard import protect_none

# Before any Qt call: see ui/none_guard.py (a PySide6 6.12 bug that would abort the app).
protect_none()
