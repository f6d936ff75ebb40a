"""The `homevisit.case/1` case file: JSON Schema, validation with JSON paths, typed records.

Pure: no database, no Qt. `app/services/case_files.py` turns validated records into stored ones
and stored ones back into the same JSON.

Family sections register themselves in `sections.DEFAULT_SECTIONS` when their module is imported;
importing them here means every reader and writer of the package knows them.
"""

from app.casefile import assessments as assessments  # registers `assessments` (after professionals)
from app.casefile import (
    lived_experience as lived_experience,  # registers `lived_experience`, `chronology`
)
from app.casefile import planned_visits as planned_visits  # registers `planned_visits`
from app.casefile import plans as plans  # registers `plans`, `threshold_decisions`, `escalations`
from app.casefile import professionals as professionals  # registers the `professionals` section
from app.casefile import (
    sharing_decisions as sharing_decisions,  # registers `sharing_decisions`
)
