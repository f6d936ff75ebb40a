"""The HomeVisit desktop app (PySide6). The only package that imports Qt.

Widgets never touch the database: every read and write goes through `ui.background` (one DB
worker thread) and the thin use-case bindings in `ui.operations`.
"""
