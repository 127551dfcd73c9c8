"""Command line: ``python -m scratchmeta <command>``; see ``--help``."""

from scratchmeta.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
