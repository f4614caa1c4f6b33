"""Commands that create and inspect a site: init, status, demo, db."""

from __future__ import annotations

import argparse
import os

from ..app.bootstrap import open_database, open_site, read_settings
from ..app.site_setup import InitRequest, init_site
from ..app.status import collect_status, format_status
from ..demo.board import DEMO_PASSWORD, prepare_desk_demo
from ..demo.loop import fresh_demo_folder, is_demo_folder, run_loop_demo
from ..demo.one_site import run_demo
from ..storage.migrate import current_revision, head_revision, upgrade
from .exits import EXIT_FAILED


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
    if args.desk:
        return _desk_demo(args)
    if args.one_site:
        result = run_demo(args.data_dir, print, database_url=args.database_url)
        return 0 if result.tat_status in ("met", "missed") else EXIT_FAILED
    print("Starting a center and a community node on 127.0.0.1 …", flush=True)
    record = None
    if args.teaching:  # the lesson goes through the desktop's own recorder
        try:
            from ..qt.teaching.qt_record_voice import record_voice
        except ImportError as exc:  # Qt cannot load here: ffmpeg encodes the voice
            print(f"(Qt cannot load here, {exc}: the lesson's voice is encoded with "
                  "ffmpeg instead.)", flush=True)
        else:
            record = record_voice
    run_loop_demo(args.data_dir, lambda line: print(line, flush=True),
                  image_size=args.image_size, database_url=args.database_url,
                  teaching=args.teaching, record=record)
    return 0


def _desk_demo(args: argparse.Namespace) -> int:
    """The desktop app over a demo center, or the headless demo when there is no display."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        print("No display found, so the desktop app cannot open: running the headless "
              "two-site demo instead (on a desktop, `./run.sh` opens the app).", flush=True)
        args.desk = False
        return cmd_demo(args)
    root = args.data_dir.expanduser().absolute()
    if is_demo_folder(root):
        print(f"Replacing the previous demo in {root}.", flush=True)
    fresh_demo_folder(root)
    config = prepare_desk_demo(root / "desk")
    print(f"Demo center with a busy morning: {config}\n"
          f"Sign in as rev.chest (reviewer 刘主任) or triage (王医生), password {DEMO_PASSWORD}",
          flush=True)
    from ..qt.app import run_gui  # Qt is loaded only for the desktop application

    return run_gui(str(config))


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    database = open_database(read_settings(args.config))
    try:
        before = current_revision(database)
        after = upgrade(database, args.revision)
    finally:
        database.dispose()
    print(f"Schema {before or '(empty)'} → {after}" if before != after
          else f"Schema already at {after}")
    return 0


def cmd_db_current(args: argparse.Namespace) -> int:
    database = open_database(read_settings(args.config))
    try:
        current = current_revision(database)
    finally:
        database.dispose()
    print(f"{current or '(empty)'} (newest: {head_revision()})")
    return 0
