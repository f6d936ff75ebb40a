"""The `homevisit.case/1` case file: JSON Schema, validation with JSON paths, typed records.

Pure: no database, no Qt. `app/services/case_files.py` turns validated records into stored ones
and stored ones back into the same JSON.
"""
