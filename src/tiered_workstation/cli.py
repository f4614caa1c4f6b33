"""`tiered-ws`: the command line. Parses arguments, calls the app layer, reports errors.

Exit codes: 0 success, 1 the action failed, 2 bad configuration or usage.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path

from . import __version__
from .app.bootstrap import Services, SiteNotReadyError, open_site
from .app.demo import run_demo
from .app.queries import exam_by_accession, recent_audit, recent_exams
from .app.site_setup import InitRequest, init_site
from .app.status import collect_status, format_status
from .app.text_columns import pad
from .app.timeline import exam_header, tat_lines, timeline_lines
from .config import CONFIG_ENV_VAR, ConfigError, load_settings
from .dicom.scu import DicomConnectionError, Target, echo
from .storage.base import utcnow
from .storage.database import Database
from .storage.enums import ExamState, Role
from .storage.migrate import current_revision, head_revision, upgrade
from .workflow.accounts import (
    AuthenticationError,
    add_user,
    list_users,
    login,
    set_active,
    set_password,
)
from .workflow.actors import Actor
from .workflow.errors import WorkflowError

LOGGER = logging.getLogger("tiered_workstation.cli")
EXIT_FAILED, EXIT_USAGE = 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tiered-ws", description="Tiered Workstation: PACS/RIS for tiered radiology care.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    parser.add_argument("--config", help="site.toml to use (default: $TW_CONFIG, ./site.toml)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

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

    demo = sub.add_parser("demo", help="demo center site; walk one exam through every state")
    demo.add_argument("--data-dir", type=Path, default=Path("demo-data"))
    demo.add_argument("--database-url", help="use this database instead of the embedded "
                      "SQLite file (only when the demo site is first created)")
    demo.set_defaults(func=cmd_demo)

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

    exam = sub.add_parser("exam", help="look at exams").add_subparsers(dest="exam_command",
                                                                      required=True)
    listing = exam.add_parser("list", help="newest exams first")
    listing.add_argument("--state", choices=[s.value for s in ExamState])
    listing.add_argument("--limit", type=int, default=30)
    listing.set_defaults(func=cmd_exam_list)
    show = exam.add_parser("show", help="one exam: patient, timeline, turnaround")
    show.add_argument("accession")
    show.set_defaults(func=cmd_exam_show)

    audit = sub.add_parser("audit", help="recent audit events, newest first")
    audit.add_argument("--limit", type=int, default=30)
    audit.add_argument("--user", help="only this actor or object")
    audit.add_argument("--refused", action="store_true", help="only refused or failed actions")
    audit.set_defaults(func=cmd_audit)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    handler: Callable[[argparse.Namespace], int] = args.func
    try:
        return handler(args)
    except ConfigError as exc:
        _err(f"Configuration error: {exc}")
        return EXIT_USAGE
    except SiteNotReadyError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except (ValueError, WorkflowError, FileExistsError, LookupError) as exc:
        _err(f"Error: {exc}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        _err("Interrupted.")
        return 130
    except Exception as exc:
        LOGGER.debug("unexpected failure", exc_info=True)
        _err(f"Unexpected error ({type(exc).__name__}): {exc}\nRun again with -v for details.")
        return EXIT_FAILED


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _cli_actor(services: Services) -> Actor:
    return Actor(username=f"cli:{getpass.getuser()}", role=Role.ADMIN,
                 site_code=services.settings.site.code)


def _read_password(args: argparse.Namespace, confirm: bool) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise ValueError("No terminal to ask for the password; use --password-stdin.")
    password = getpass.getpass("Password: ")
    if confirm and getpass.getpass("Repeat password: ") != password:
        raise ValueError("The two passwords differ.")
    return password


def cmd_init(args: argparse.Namespace) -> int:
    settings, path = init_site(InitRequest(
        mode=args.mode, site_code=args.site, data_dir=args.data_dir, name=args.name,
        center=args.center, ae_title=args.ae_title, dicom_port=args.dicom_port,
        api_port=args.api_port, database_url=args.database_url), force=args.force)
    print(f"Created {settings.site.mode.value} site {settings.site.code} — wrote {path}")
    print(f"Database ready: {settings.database_url}")
    print(f"Next: tiered-ws --config {path} user add admin --role admin")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with open_site(args.config) as services:
        print(format_status(services, collect_status(services)))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    result = run_demo(args.data_dir, print, database_url=args.database_url)
    return 0 if result.tat_status in ("met", "missed") else EXIT_FAILED


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    database = Database(load_settings(args.config).database_url)
    try:
        before = current_revision(database)
        after = upgrade(database, args.revision)
    finally:
        database.dispose()
    print(f"Schema {before or '(empty)'} → {after}" if before != after
          else f"Schema already at {after}")
    return 0


def cmd_db_current(args: argparse.Namespace) -> int:
    database = Database(load_settings(args.config).database_url)
    try:
        current = current_revision(database)
    finally:
        database.dispose()
    print(f"{current or '(empty)'} (newest: {head_revision()})")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    with open_site(args.config) as services:
        password = _read_password(args, confirm=True)
        with services.database.transaction() as session:
            user = add_user(session, _cli_actor(services), username=args.username,
                            display_name=args.name, password=password,
                            roles=[Role(r) for r in args.roles],
                            site_code=args.site or services.settings.site.code,
                            groups=args.groups)
            print(f"Added {user.username} ({', '.join(sorted(args.roles))}) at {user.site_code}")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    with open_site(args.config) as services, services.database.session() as session:
        print(f"{'user':<16}{'name':<14}{'site':<6}{'roles':<30}{'groups':<14}active")
        for u in list_users(session):
            print(f"{u.username:<16}{pad(u.display_name, 14)}{u.site_code:<6}"
                  f"{','.join(sorted(u.roles)):<30}{','.join(sorted(u.groups)):<14}"
                  f"{'yes' if u.active else 'no'}")
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    with open_site(args.config) as services:
        password = _read_password(args, confirm=True)
        with services.database.transaction() as session:
            set_password(session, _cli_actor(services), args.username, password)
    print(f"Password of {args.username} changed.")
    return 0


def cmd_user_verify(args: argparse.Namespace) -> int:
    with open_site(args.config) as services:
        password = _read_password(args, confirm=False)
        try:
            user = login(services.database, args.username, password,
                         services.settings.site.code)
        except AuthenticationError as exc:
            _err(str(exc))
            return EXIT_FAILED
    print(f"OK: {user.username} ({', '.join(sorted(user.roles))})")
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    return _set_active(args, active=False)


def cmd_user_enable(args: argparse.Namespace) -> int:
    return _set_active(args, active=True)


def _set_active(args: argparse.Namespace, active: bool) -> int:
    with open_site(args.config) as services, services.database.transaction() as session:
        set_active(session, _cli_actor(services), args.username, active)
    print(f"{args.username} {'enabled' if active else 'disabled'}.")
    return 0


def cmd_exam_list(args: argparse.Namespace) -> int:
    with open_site(args.config) as services, services.database.session() as session:
        tz = services.settings.site.tz
        exams = recent_exams(session, ExamState(args.state) if args.state else None,
                             args.limit)
        print(f"{'accession':<17}{'registered':<18}{'state':<17}{'site':<6}{'patient':<12}exam")
        for e in exams:
            print(f"{e.accession_number:<17}{e.registered_at.astimezone(tz):%Y-%m-%d %H:%M}  "
                  f"{e.state.value:<17}{e.site_code:<6}{pad(e.patient.name, 12)}"
                  f"{e.procedure_description}")
    return 0


def cmd_exam_show(args: argparse.Namespace) -> int:
    with open_site(args.config) as services, services.database.session() as session:
        exam = exam_by_accession(session, args.accession)
        tz = services.settings.site.tz
        target = timedelta(minutes=services.settings.workflow.tat_target_minutes)
        tat, _ = tat_lines(exam, target, utcnow())
        print("\n".join([*exam_header(exam, tz), "", *timeline_lines(exam, tz), "", *tat]))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    with open_site(args.config) as services, services.database.session() as session:
        tz = services.settings.site.tz
        for event in recent_audit(session, args.limit, args.user, args.refused):
            detail = json.dumps(event.detail, ensure_ascii=False) if event.detail else ""
            print(f"{event.at.astimezone(tz):%Y-%m-%d %H:%M:%S}  {event.outcome.value:<8}"
                  f"{event.actor_username:<22}{event.action:<28}{event.object_id:<18}{detail}")
    return 0


def cmd_node(args: argparse.Namespace) -> int:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with open_site(args.config) as services:
        services.node.start()
        dicom = services.settings.dicom
        print(f"DICOM node {dicom.ae_title} listening on {dicom.bind_address}:{dicom.port} "
              f"({len(services.settings.peers)} known peers). Ctrl+C stops it.", flush=True)
        stop.wait()
        print("Stopping…", flush=True)
    return 0


def cmd_echo(args: argparse.Namespace) -> int:
    target = Target.parse(args.target)
    calling = args.calling_ae
    if not calling:
        calling = load_settings(args.config).dicom.ae_title if (
            args.config or os.environ.get(CONFIG_ENV_VAR)) else "TIERED_WS"
    try:
        status = echo(target, calling)
    except DicomConnectionError as exc:
        _err(str(exc))
        return EXIT_FAILED
    print(f"{target.ae_title}@{target.host}:{target.port} answered (status 0x{status:04X})")
    return 0 if status == 0 else EXIT_FAILED
