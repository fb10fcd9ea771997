"""``python -m gapstudy``: the same command line as ``gapstudy``."""

from gapstudy.cli import run

if __name__ == "__main__":
    run()
