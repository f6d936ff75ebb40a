"""The chronology rows of plans, threshold decisions and escalations (plans issue).

Registers its sources with `app.services.chronology.add_chronology_source` when imported;
none yet.
"""
