"""User account commands: add, list, passwd, verify, disable, enable, enroll-signer,
handwriting."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ..app.bootstrap import Services, open_site
from ..app.text_columns import pad
from ..security.pki import PkiError
from ..security.signatures import SigningError, short_fingerprint
from ..storage.enums import Role
from ..workflow.accounts import (
    AuthenticationError,
    add_user,
    list_users,
    login,
    set_active,
    set_password,
)
from ..workflow.actors import Actor
from ..workflow.handwriting import enroll_handwriting
from ..workflow.signing import enroll_signer
from .exits import EXIT_FAILED, err


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
            err(str(exc))
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


def cmd_user_enroll_signer(args: argparse.Namespace) -> int:
    scan = _read_scan(args.handwriting) if args.handwriting else None
    if scan is False:
        return EXIT_FAILED
    with open_site(args.config) as services:
        password = _read_password(args, confirm=False)
        try:
            with services.database.transaction() as session:
                key = enroll_signer(session, _cli_actor(services), args.username, password,
                                    args.ca_dir, handwriting=scan or None)
                fingerprint = key.fingerprint
        except (SigningError, PkiError) as exc:
            err(str(exc))
            return EXIT_FAILED
    print(f"{args.username} can sign reports; certificate fingerprint "
          f"{short_fingerprint(fingerprint)} …")
    if scan:
        print("Their handwritten signature is enrolled; it prints beside their name.")
    return 0


def cmd_user_handwriting(args: argparse.Namespace) -> int:
    scan = _read_scan(args.image)
    if scan is False:
        return EXIT_FAILED
    with open_site(args.config) as services:
        try:
            with services.database.transaction() as session:
                enroll_handwriting(session, _cli_actor(services), args.username, scan)
        except SigningError as exc:
            err(str(exc))
            return EXIT_FAILED
    print(f"{args.username}'s handwritten signature is enrolled; reports signed from now "
          "on print it beside their name.")
    return 0


def _read_scan(path: Path) -> bytes | bool:
    try:
        return path.read_bytes()
    except OSError as exc:
        err(f"Cannot read the signature image {path}: {exc.strerror or exc}.")
        return False
