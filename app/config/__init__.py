"""The organisation configuration: one validated, versioned file an administrator deploys.

It sets the organisation's themes and recurring-theme rules, levels of need (with the optional
table from GCP2 grades to a suggested level), escalation stages, plan timescales, extra bank
holidays, the recovery and content-pack signing public keys, and the gateway URL. Without a file
the app uses its defaults. `organisation.py` owns the content and checks, `schema_check.py` the
JSON Schema step, `locate.py` where the file is found and the configuration in force; the
reference for administrators is docs/plans-levels-escalation.md.

Importing this package loads no cryptography and no JSON Schema library; they are loaded when
a file is checked.
"""

from app.config.locate import (
    ENV_VAR,
    FILE_NAME,
    OrganisationConfigError,
    config_file,
    load_config_file,
    organisation_config,
    organisation_config_for,
)
from app.config.organisation import (
    DEFAULTS,
    FORMAT,
    OrganisationConfig,
    config_from_document,
    parse_organisation_config,
)

__all__ = [
    "DEFAULTS",
    "ENV_VAR",
    "FILE_NAME",
    "FORMAT",
    "OrganisationConfig",
    "OrganisationConfigError",
    "config_file",
    "config_from_document",
    "load_config_file",
    "organisation_config",
    "organisation_config_for",
    "parse_organisation_config",
]
