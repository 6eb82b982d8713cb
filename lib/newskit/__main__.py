"""``python -m newskit …`` runs the ``newskit`` command."""

import sys

from newskit.cli import main

sys.exit(main())
