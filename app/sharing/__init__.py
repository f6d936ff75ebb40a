"""Information sharing: the minimal summary sent to the front door, built as a FHIR R4 document.

Pure: no database, no network, no Qt. `app/services/sharing.py` gathers the frozen input from the
profile and `app/sync/` carries the sealed result.
"""
