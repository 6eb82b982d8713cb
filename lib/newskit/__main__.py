"""``python -m newskit …`` runs the ``newskit`` command."""

import sys

from newskit.cli import main

__all__ = []  # run as a script: no public names

sys.exit(main())
