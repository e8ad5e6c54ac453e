#!/usr/bin/env python3
"""Korean search benchmark (recall, precision, index size, build time): see ``--help``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docs_i18n.search_bench import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
