"""FC-Sync v1: the wire protocol between HomeVisit devices and a Family Connect gateway.

Pure functions and frozen dataclasses shared by the desktop core (`app/`) and the gateway
(`gateway/`): keys, enrolment, the signed and sealed submission envelope, request tokens,
receipts, outcomes, the configuration document and problem codes. No HTTP, no storage, no Qt.
The specification is docs/protocol/fc-sync-v1.md.
"""

from fcsync._wire import PROTOCOL_VERSION
from fcsync.problems import Problem, ProtocolError

__all__ = ["PROTOCOL_VERSION", "Problem", "ProtocolError"]
