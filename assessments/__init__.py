"""Pure-Python assessment tools: tool definitions (the GCP2 structure and scale), content
packs, grading and lifecycle rules, and the other tools' templates and tables.

Imports nothing from `app/` or `ui/`, no SQLAlchemy and no Qt (a test enforces it): data plus
pure functions, so the rules are the same in the editor, the case-file import and the CLI.
Licensed GCP2 text never lives in this package; it arrives in a signed content pack.
"""
