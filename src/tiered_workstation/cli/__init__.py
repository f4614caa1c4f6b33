"""`tiered-ws`: the command line. Parses arguments, calls the app layer, reports errors.

Exit codes: 0 success, 1 the action failed, 2 bad configuration or usage.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from .. import __version__
from ..app.bootstrap import SiteNotReadyError
from ..config import ConfigError, PeerKind
from ..storage.enums import ExamState, Role
from ..workflow.errors import WorkflowError
from . import pki as pki_commands
from . import register as register_commands
from . import simulate as simulate_commands
from .dicom import cmd_echo, cmd_node, cmd_peer_add, cmd_peer_list, cmd_peer_remove, cmd_synth
from .exits import EXIT_FAILED, EXIT_USAGE, err
from .records import cmd_audit, cmd_exam_list, cmd_exam_show
from .site import cmd_db_current, cmd_db_upgrade, cmd_demo, cmd_init, cmd_status
from .users import (
    cmd_user_add,
    cmd_user_disable,
    cmd_user_enable,
    cmd_user_enroll_signer,
    cmd_user_handwriting,
    cmd_user_list,
    cmd_user_passwd,
    cmd_user_verify,
)

LOGGER = logging.getLogger("tiered_workstation.cli")


def cmd_gui(args: argparse.Namespace) -> int:
    if args.self_test or args.screenshot:
        from ..qt.self_test import run_self_test  # Qt is loaded only for the desktop

        return run_self_test(args.config, args.screenshot,
                             lambda line: print(line, flush=True))
    from ..qt.app import run_gui  # Qt is loaded only for the desktop application

    return run_gui(args.config)


def cmd_view(args: argparse.Namespace) -> int:
    from ..qt.viewer.standalone import run_viewer  # Qt only for the viewer window

    return run_viewer([str(p) for p in args.paths])


GLOBAL_FORM = "tiered-ws [--config site.toml] [-v] COMMAND … (or COMMAND … --config site.toml)"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors also show where the global options go."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\nThe options --config and -v "
                              f"go before or after the command: {GLOBAL_FORM}\n")


def _add_global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``--config`` and ``-v`` on the top parser and again on every (sub)command, so that
    ``tiered-ws --config X node`` and ``tiered-ws node --config X`` both work.  Below the
    top the defaults are suppressed: a later ``--config`` wins, an absent one changes
    nothing."""
    default: dict[str, object] = {} if top else {"default": argparse.SUPPRESS}
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr",
                        **default)
    parser.add_argument("--config", help="site.toml to use (default: $TW_CONFIG, ./site.toml)",
                        **default)


def _commands(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in dict.fromkeys(action.choices.values()):  # aliases appear twice
                yield command
                yield from _commands(command)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tiered-ws", description="Tiered Workstation: PACS/RIS for tiered radiology care.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_global_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=_Parser)

    init = sub.add_parser("init", help="create a site: site.toml, database, first rows")
    init.add_argument("--mode", required=True, choices=["center", "community"])
    init.add_argument("--site", required=True, help="site code, e.g. CH01 or CM01")
    init.add_argument("--data-dir", required=True, type=Path)
    init.add_argument("--name", help="the hospital's name as printed on reports")
    init.add_argument("--center", help="community only: the center's site code")
    init.add_argument("--ae-title", help="this site's DICOM AE title")
    init.add_argument("--dicom-port", type=int)
    init.add_argument("--api-port", type=int)
    init.add_argument("--database-url",
                      help="SQLAlchemy URL, e.g. postgresql+psycopg://tw@dbhost/tiered "
                           "(default: SQLite file in the data folder)")
    init.add_argument("--force", action="store_true", help="overwrite an existing site.toml")
    init.set_defaults(func=cmd_init)

    status = sub.add_parser("status", help="the site, its exams by state and its services")
    status.set_defaults(func=cmd_status)

    node = sub.add_parser("node", help="run this site's DICOM node until stopped (Ctrl+C)")
    node.set_defaults(func=cmd_node)
    echo_cmd = sub.add_parser("echo", help="C-ECHO a DICOM node or device: AE@host:port")
    echo_cmd.add_argument("target")
    echo_cmd.add_argument("--calling-ae", help="our AE title (default: this site's)")
    echo_cmd.set_defaults(func=cmd_echo)

    demo = sub.add_parser("demo", help="center + community on this machine: the whole loop, "
                                       "registration to printed report")
    demo.add_argument("--data-dir", type=Path, default=Path("demo-data"),
                      help="demo folders (recreated on each run)")
    demo.add_argument("--image-size", type=int, default=3000,
                      help="pixels per side of the simulated DR images")
    demo.add_argument("--one-site", action="store_true",
                      help="instead: one center database walking an exam through every "
                           "state on a scripted clock (consultation included)")
    demo.add_argument("--teaching", action="store_true",
                      help="after the loop: a teaching case with a voice lesson, downloaded "
                           "by the community, a quiz offline, the teaching dashboard")
    demo.add_argument("--desk", action="store_true",
                      help="open the desktop app over a demo center with a busy morning "
                           "(falls back to the headless demo without a display)")
    demo.add_argument("--database-url", help="use this database for the center instead of "
                      "the embedded SQLite file")
    demo.set_defaults(func=cmd_demo)

    gui = sub.add_parser("gui", help="the desktop application (login, desks, status board)")
    gui.add_argument("--self-test", action="store_true",
                     help="check that the desktop starts here (Qt, fonts, translation, "
                          "first window, VTK), then exit")
    gui.add_argument("--screenshot", type=Path, metavar="PNG",
                     help="with --self-test: save the first window as a PNG")
    gui.set_defaults(func=cmd_gui)
    view = sub.add_parser("view", help="open DICOM files, folders or a DICOMDIR in the viewer "
                                       "(no site needed)")
    view.add_argument("paths", nargs="+", type=Path)
    view.set_defaults(func=cmd_view)

    db = sub.add_parser("db", help="database schema").add_subparsers(dest="db_command",
                                                                     required=True)
    up = db.add_parser("upgrade", help="apply migrations up to the newest schema")
    up.add_argument("--revision", default="head")
    up.set_defaults(func=cmd_db_upgrade)
    db.add_parser("current", help="show the schema revision").set_defaults(func=cmd_db_current)

    user = sub.add_parser("user", help="user accounts").add_subparsers(dest="user_command",
                                                                       required=True)
    add = user.add_parser("add", help="create a user")
    add.add_argument("username")
    add.add_argument("--role", action="append", required=True, dest="roles",
                     choices=[r.value for r in Role.human_roles()], help="repeat for several")
    add.add_argument("--name", default="", help="display name, e.g. 刘主任")
    add.add_argument("--group", action="append", default=[], dest="groups",
                     help="specialty group code (repeatable), e.g. chest")
    add.add_argument("--site", help="the user's site code (default: this site)")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from standard input")
    add.set_defaults(func=cmd_user_add)
    user.add_parser("list", help="list users").set_defaults(func=cmd_user_list)
    passwd = user.add_parser("passwd", help="set a user's password")
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true")
    passwd.set_defaults(func=cmd_user_passwd)
    for name, text in (("disable", "stop a user from logging in"),
                       ("enable", "let a disabled user log in again")):
        toggle = user.add_parser(name, help=text)
        toggle.add_argument("username")
        toggle.set_defaults(func=cmd_user_enable if name == "enable" else cmd_user_disable)
    verify = user.add_parser("verify", help="check a user's password (as the login does)")
    verify.add_argument("username")
    verify.add_argument("--password-stdin", action="store_true")
    verify.set_defaults(func=cmd_user_verify)
    signer = user.add_parser("enroll-signer",
                             help="give a reviewer an Ed25519 report-signing key certified "
                                  "by the consortium CA (the key is locked with their "
                                  "password)")
    signer.add_argument("username")
    signer.add_argument("--ca-dir", type=Path, required=True,
                        help="the consortium CA folder ('tiered-ws pki init-ca')")
    signer.add_argument("--password-stdin", action="store_true",
                        help="read the reviewer's login password from standard input")
    signer.add_argument("--handwriting", type=Path, metavar="IMAGE",
                        help="a scan (PNG/JPEG) of their handwritten signature, printed "
                             "beside their name on reports")
    signer.set_defaults(func=cmd_user_enroll_signer)
    hand = user.add_parser("handwriting",
                           help="enroll a reader's or reviewer's handwritten signature (a "
                                "PNG/JPEG scan, ink on white paper); it prints beside their "
                                "name and the report signature covers it")
    hand.add_argument("username")
    hand.add_argument("image", type=Path)
    hand.set_defaults(func=cmd_user_handwriting)

    synth = sub.add_parser("synth", help="write realistic synthetic images (and send them)")
    synth.add_argument("kind", choices=["dx", "ct"])
    synth.add_argument("--out", type=Path, required=True, help="folder for the files")
    synth.add_argument("--count", type=int, default=2, help="DX images (CT: slices)")
    synth.add_argument("--size", type=int, help="pixels per side (DX 3000, CT 512)")
    synth.add_argument("--name", default="张三")
    synth.add_argument("--phonetic", default="Zhang^San")
    synth.add_argument("--patient-id", default="P000001")
    synth.add_argument("--accession", default="")
    synth.add_argument("--study-uid", default="")
    synth.add_argument("--charset", default="ISO_IR 192")
    synth.add_argument("--send", metavar="AE@HOST:PORT", help="store them there afterwards")
    synth.add_argument("--calling-ae", default="TW_SIMULATOR")
    synth.add_argument("--compress", choices=["jpeg-ls", "jpeg2000", "rle"])
    synth.set_defaults(func=cmd_synth)

    peer = sub.add_parser("peer", help="DICOM devices and nodes this site talks to") \
        .add_subparsers(dest="peer_command", required=True)
    padd = peer.add_parser("add", help="register a peer (the node applies it at restart)")
    padd.add_argument("--ae", required=True, help="its AE title, e.g. DR01")
    padd.add_argument("--host", required=True)
    padd.add_argument("--port", required=True, type=int)
    padd.add_argument("--role", default="modality", choices=[k.value for k in PeerKind])
    padd.add_argument("--charset", help="character set the device uses, e.g. GB18030")
    padd.add_argument("--assume-charset", help="for devices that mislabel their text, e.g. GBK")
    padd.add_argument("--phonetic-names", action="store_true",
                      help="send names as Zhang^San=张^三")
    padd.add_argument("--site", help="the peer's site code, for nodes of other sites")
    padd.add_argument("--tls", action="store_true", help="talk to it over DICOM TLS")
    padd.add_argument("--replace", action="store_true", help="update an existing peer")
    padd.set_defaults(func=cmd_peer_add)
    peer.add_parser("list", help="registered peers").set_defaults(func=cmd_peer_list)
    premove = peer.add_parser("remove", help="forget a peer")
    premove.add_argument("ae")
    premove.set_defaults(func=cmd_peer_remove)

    exam = sub.add_parser("exam", help="look at exams").add_subparsers(dest="exam_command",
                                                                      required=True)
    listing = exam.add_parser("list", help="newest exams first")
    listing.add_argument("--state", choices=[s.value for s in ExamState])
    listing.add_argument("--limit", type=int, default=30)
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(func=cmd_exam_list)
    show = exam.add_parser("show", help="one exam: patient, timeline, turnaround")
    show.add_argument("accession")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(func=cmd_exam_show)

    audit = sub.add_parser("audit", help="recent audit events, newest first")
    audit.add_argument("--limit", type=int, default=30)
    audit.add_argument("--user", help="only this actor or object")
    audit.add_argument("--refused", action="store_true", help="only refused or failed actions")
    audit.set_defaults(func=cmd_audit)
    pki_commands.add_commands(sub)
    register_commands.add_commands(sub)
    simulate_commands.add_commands(sub)
    for command in _commands(parser):
        _add_global_options(command, top=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    handler: Callable[[argparse.Namespace], int] = args.func
    try:
        return handler(args)
    except ConfigError as exc:
        err(f"Configuration error: {exc}")
        return EXIT_USAGE
    except SiteNotReadyError as exc:
        err(str(exc))
        return EXIT_USAGE
    except (ValueError, WorkflowError, FileExistsError, LookupError, OSError) as exc:
        err(f"Error: {exc}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        err("Interrupted.")
        return 130
    except Exception as exc:
        LOGGER.debug("unexpected failure", exc_info=True)
        err(f"Unexpected error ({type(exc).__name__}): {exc}\nRun again with -v for details.")
        return EXIT_FAILED
