"""``python -m gapstudy``: the same command line as ``gapstudy``."""

import sys

from gapstudy.cli import main

if __name__ == "__main__":
    sys.exit(main())
