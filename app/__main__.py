"""`python -m app` is the `homevisit` command."""

import sys

from app.cli import main

sys.exit(main())
