"""The ``gapstudy`` command line: add, draft, check, tables, build, why, render, diff, run."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

from gapstudy.engine import skip_unused_schema_formats
from gapstudy.exceptions import GapstudyError
from gapstudy.paths import project_paths


def _cmd_add(args: argparse.Namespace) -> int:
    from gapstudy.add import run_add

    return run_add(
        args.file,
        args.id,
        title=args.title,
        outlet=args.outlet,
        published=args.date,
        url=args.url,
        paths=project_paths(args.root),
    )


def _cmd_draft(args: argparse.Namespace) -> int:
    from gapstudy.add import run_draft

    return run_draft(args.source_id, project_paths(args.root))


# `check` and `tables` run with Python's cycle collector paused: they keep nearly everything
# they make until they end, and the collector walked it all again and again (at 1,000 sources,
# measured: a quarter of `check`'s CPU time and a sixth of `tables`', with the same peak
# memory). Cycles made meanwhile are collected when it is back on.


def _cmd_check(args: argparse.Namespace) -> int:
    from gapstudy.check import run_check
    from gapstudy.checkcache import collector_paused

    with collector_paused():
        return run_check(project_paths(args.root), verbose=args.verbose)


def _cmd_tables(args: argparse.Namespace) -> int:
    from gapstudy.checkcache import collector_paused
    from gapstudy.lock import hold_build_lock
    from gapstudy.tables import write_tables

    paths = project_paths(args.root)
    with hold_build_lock(paths, wait=args.wait), collector_paused():
        written = write_tables(paths)
    for path in written:
        print(f"wrote {path}")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from gapstudy.build import run_build

    paths = project_paths(args.root)
    options = {
        "jobs": args.jobs,
        "force": args.force,
        "explain": args.explain,
        "only": args.only,
        "wait": args.wait,
        "cell_timeout_s": args.cell_timeout,
    }
    if args.scheduler is None:
        return run_build(paths, **options)
    from gapstudy.runner import cluster_executor

    with cluster_executor(paths, args.scheduler) as executor:
        return run_build(paths, executor=executor, **options)


def _cmd_why(args: argparse.Namespace) -> int:
    from gapstudy.provenance import explain_figure

    print(explain_figure(args.figure, project_paths(args.root)))
    return 0


def _cmd_render(args: argparse.Namespace) -> int:
    from gapstudy.lock import hold_build_lock
    from gapstudy.render import render_report

    paths = project_paths(args.root)
    with hold_build_lock(paths, wait=args.wait):
        render_report(paths)
    return 0


def _cmd_diff(args: argparse.Namespace) -> int:
    from gapstudy.diff import print_diff

    return print_diff(args.rev, project_paths(args.root))


def _cmd_run(args: argparse.Namespace) -> int:
    from gapstudy.build import run_one

    return run_one(
        project_paths(args.root),
        args.notebook,
        dict(args.parameter or []),
        cell_timeout_s=args.cell_timeout,
    )


def _positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _add_wait_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wait",
        action="store_true",
        help="if another build is running, wait for it instead of stopping at once",
    )


def _add_cell_timeout_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cell-timeout",
        type=_positive_int,
        default=None,
        metavar="S",
        help="fail a run whose cell takes longer than S seconds "
        "(default: cell_timeout_s in notebooks/runs.yaml, else 300)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gapstudy", description=__doc__)
    # The installed package's version (pyproject.toml), as tables.datapackage reads it: no
    # stage imports gapstudy/__init__.py.
    parser.add_argument("--version", action="version", version=f"%(prog)s {version('gapstudy')}")
    parser.add_argument(
        "--root",
        default=None,
        help="project root (default: $GAPSTUDY_ROOT, else the folder holding data/sources.yaml "
        "found by walking up from the current directory)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("add", help="add an article: raw copy, sources.yaml entry, draft notes")
    p.add_argument("file", type=Path, help="the article as a UTF-8 text file")
    p.add_argument("--id", required=True, help="source id: a slug such as reuters-chips-2026")
    p.add_argument("--title", default=None, help="title as printed")
    p.add_argument("--outlet", default=None, help="publishing outlet")
    p.add_argument("--date", default=None, help="publication date: YYYY-MM-DD, YYYY-MM or YYYY")
    p.add_argument("--url", default=None, help="address of the original")
    p.set_defaults(func=_cmd_add)

    p = sub.add_parser("draft", help="redraft a source's notes after its segments change")
    p.add_argument("source_id", help="the source to draft again")
    p.set_defaults(func=_cmd_draft)

    p = sub.add_parser("check", help="validate raw texts and annotations; print coverage")
    p.add_argument(
        "-v", "--verbose", action="store_true", help="list every source's coverage, every note"
    )
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("tables", help="write the tidy tables and datapackage.json")
    _add_wait_option(p)
    p.set_defaults(func=_cmd_tables)

    p = sub.add_parser("build", help="validate, write tables, run every notebook, render")
    p.add_argument(
        "--jobs", type=_positive_int, default=None, help="parallel runs, >= 1 (default: cores)"
    )
    p.add_argument("--force", action="store_true", help="redo every run")
    p.add_argument("--explain", action="store_true", help="say why each run is redone or skipped")
    p.add_argument("--only", action="append", help="run only these run names (repeatable)")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run the notebooks on the dask.distributed cluster at ADDRESS (tcp://host:8786) "
        "instead of local processes; needs the 'distributed' extra (docs/build.md)",
    )
    _add_wait_option(p)
    _add_cell_timeout_option(p)
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser("why", help="what made this figure file?")
    p.add_argument("figure", help="figure file name or path")
    p.set_defaults(func=_cmd_why)

    p = sub.add_parser("render", help="render executed notebooks and the index page to HTML")
    _add_wait_option(p)
    p.set_defaults(func=_cmd_render)

    p = sub.add_parser("diff", help="what a change did to the tables and figures since REV")
    p.add_argument("rev", help="git revision to compare the working tree with")
    p.set_defaults(func=_cmd_diff)

    p = sub.add_parser("run", help="run one notebook with other parameters")
    p.add_argument("notebook", help="notebook name (file stem in notebooks/)")
    p.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        help="parameter value, parsed as YAML (repeatable)",
    )
    _add_cell_timeout_option(p)
    p.set_defaults(func=_cmd_run)
    return parser


INTERRUPTED = 130  # the exit code of a command stopped by Ctrl-C or SIGTERM


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    skip_unused_schema_formats()
    # Let `gapstudy check | head` end quietly instead of with a BrokenPipeError.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # A polite kill stops the build like Ctrl-C does: workers and kernels are stopped first.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        return args.func(args)
    except GapstudyError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # Stopping is decided: a signal still pending (blocked while outputs were being moved
        # into place) must not turn the orderly exit into a death by SIGINT during shutdown.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("interrupted: runs stopped; the last good outputs are kept", file=sys.stderr)
        return INTERRUPTED
    except OSError as err:
        if err.filename is None:
            raise
        # A folder made read-only or a full disk, met after the checks before the build.
        print(
            f"error: {err.filename}: {err.strerror}; outputs not written this time were kept",
            file=sys.stderr,
        )
        return 1


def run() -> None:
    """The command line's entry point: :func:`main`, then exit with its code.

    Once the command has returned its outputs are in place, so an interrupt that arrives while
    the interpreter shuts down (a pool's workers joined, kernels stopped) is ignored rather than
    turning a finished command into a death by SIGINT.
    """
    code = main()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if code == INTERRUPTED:
        # Stopped and cleaned up already. An interrupt that landed in code run by exec() (a
        # namedtuple made while a module was being imported) leaves CPython 3.11 marked as
        # killed by SIGINT, which it does to itself on a normal exit: leave with the code now.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    run()
