"""The sync client: enrolment with a Family Connect gateway, sending the outbox, fetching outcomes.

Qt-free and usable from the CLI (`homevisit sync`) and from the GUI's own worker thread. The
network work (httpx over TLS) runs on a small pool of threads; every database write goes through
the one coordinating thread (`engine.SyncEngine`), so SQLite keeps a single writer. The wire
formats all come from `fcsync` (docs/protocol/fc-sync-v1.md).
"""
