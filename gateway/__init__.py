"""The Family Connect gateway: the council-side receiver of FC-Sync v1 submissions.

Accepts signed, sealed summaries from enrolled HomeVisit devices (`app.py`), keeps them
encrypted at rest (`storage.py`, `keys.py`), answers with signed receipts, shows them to
front-door staff behind a login (`inbox.py`) and sends triage outcomes back to the device.
Administered with `fc-gateway` (`cli.py`). Wire formats come from `fcsync`; no Qt here.
"""

__version__ = "0.1.0"
