"""Use cases behind a unit of work: plain inputs in, frozen views (app.services.views) out.

Every use case that creates, changes, imports, exports or shows a record writes an audit event
in the same transaction; the caller commits (a view is audited only once committed).
"""
