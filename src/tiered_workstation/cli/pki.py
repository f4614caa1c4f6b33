"""`tiered-ws pki`: the consortium CA and site certificates."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..security import pki

RENEW_WITHIN_DAYS = 60


def add_commands(sub: Any) -> None:
    group = sub.add_parser("pki", help="consortium CA and site certificates (HTTPS + DICOM TLS)")
    cmds = group.add_subparsers(dest="pki_command", required=True)
    init = cmds.add_parser("init-ca", help="create the consortium CA (once, at the center)")
    init.add_argument("--dir", type=Path, required=True, help="folder for the CA (kept private)")
    init.add_argument("--name", default="Tiered Workstation consortium CA")
    init.add_argument("--days", type=int, default=pki.CA_DAYS)
    init.set_defaults(func=cmd_init_ca)
    for name, text in (("issue-site", "issue a site's certificate and key"),
                       ("renew", "issue a fresh certificate and key for a site")):
        issue = cmds.add_parser(name, help=text)
        issue.add_argument("site", help="site code, e.g. CM01 (the certificate's name)")
        issue.add_argument("--ca-dir", type=Path, required=True)
        issue.add_argument("--out", type=Path, required=True,
                           help="the site's TLS folder, e.g. /srv/tw/cm01/tls")
        issue.add_argument("--host", action="append", default=[], dest="hosts",
                           help="host name or IP the site is reached at (repeatable)")
        issue.add_argument("--days", type=int, default=pki.SITE_DAYS)
        issue.set_defaults(func=cmd_issue_site)
    revoke = cmds.add_parser("revoke", help="revoke a site's certificates (lost or stolen PC)")
    revoke.add_argument("site")
    revoke.add_argument("--ca-dir", type=Path, required=True)
    revoke.set_defaults(func=cmd_revoke)
    show = cmds.add_parser("show", help="who a certificate names, its issuer and expiry")
    show.add_argument("files", nargs="+", type=Path)
    show.set_defaults(func=cmd_show)


def cmd_init_ca(args: argparse.Namespace) -> int:
    path = pki.init_ca(args.dir, args.name, args.days)
    print(f"Consortium CA created: {path}\nKeep {args.dir / pki.CA_KEY} private; copy "
          f"{path.name} and {pki.CRL} to every site (issue-site does it for you).")
    return 0


def cmd_issue_site(args: argparse.Namespace) -> int:
    files = pki.issue_site(args.ca_dir, args.site, args.out, hosts=tuple(args.hosts),
                           days=args.days)
    info = pki.describe(files.certificate)
    print(f"Certificate for {args.site}: {files.certificate}\nPrivate key (0600): "
          f"{files.private_key}\nCA certificate: {files.ca_certificate}\nRevocation list: "
          f"{files.crl}\nValid until {info.not_after:%Y-%m-%d} ({info.days_left()} days).\n"
          "In site.toml [dicom.tls]: certificate, private_key, ca_certificates, crl.")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    count = pki.revoke_site(args.ca_dir, args.site)
    print(f"Revoked {count} certificate(s) of {args.site}. Copy {args.ca_dir / pki.CRL} to "
          "the sites that check peers (the center) and restart their nodes.")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    now = datetime.now(UTC)
    for path in args.files:
        info = pki.describe(path)
        left = info.days_left(now)
        state = ("EXPIRED" if left < 0 else
                 f"renew soon ({left} days left)" if left < RENEW_WITHIN_DAYS else
                 f"{left} days left")
        kind = "CA" if info.is_ca else "site"
        print(f"{path}: {kind} {info.subject!r} issued by {info.issuer!r}\n"
              f"  valid {info.not_before:%Y-%m-%d} – {info.not_after:%Y-%m-%d}: {state}\n"
              f"  SHA-256 {info.fingerprint_sha256}")
    return 0
