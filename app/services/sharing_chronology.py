"""The chronology rows of front-door outcomes and shares (sharing and sync issue).

Registers its sources with `app.services.chronology.add_chronology_source` when imported;
none yet.
"""
