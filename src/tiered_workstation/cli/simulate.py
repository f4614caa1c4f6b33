"""`tiered-ws simulate-modality`: a software DR console against a node."""

from __future__ import annotations

import argparse
import signal
import threading
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..dicom.scu import Target
from ..simulator.modality import ModalitySimulator, SimulatorOptions
from .exits import EXIT_FAILED, EXIT_USAGE, err


def add_commands(sub: Any) -> None:
    sim = sub.add_parser("simulate-modality",
                         help="a software DR: worklist, MPPS, chest PA+LAT images, store")
    sim.add_argument("--worklist", required=True, metavar="AE@HOST:PORT")
    sim.add_argument("--store", metavar="AE@HOST:PORT", help="default: the worklist node")
    sim.add_argument("--station", default="DR01", help="its station AE title")
    sim.add_argument("--calling-ae", help="default: the station AE title")
    sim.add_argument("--charset", default="GB18030")
    sim.add_argument("--mislabel-as", metavar="CHARSET",
                     help="declare this (e.g. 'ISO_IR 100') while sending GBK bytes")
    sim.add_argument("--drop-after", type=int, metavar="N",
                     help="drop the association after N images of each study")
    sim.add_argument("--slow", type=float, default=0.0, metavar="SECONDS",
                     help="wait this long between images")
    sim.add_argument("--size", type=int, default=3000, help="pixels per side")
    sim.add_argument("--no-mpps", action="store_true", help="send no MPPS")
    sim.add_argument("--timezone", metavar="ZONE",
                     help="the console clock's time zone, e.g. Asia/Shanghai (default: "
                          "this machine's)")
    sim.add_argument("--loop", action="store_true", help="keep polling the worklist")
    sim.add_argument("--interval", type=float, default=10.0, help="seconds between polls")
    sim.set_defaults(func=cmd_simulate)


def cmd_simulate(args: argparse.Namespace) -> int:
    try:
        timezone = ZoneInfo(args.timezone) if args.timezone else None
    except (ZoneInfoNotFoundError, ValueError):
        err(f"Unknown time zone {args.timezone!r}: give an IANA name such as Asia/Shanghai.")
        return EXIT_USAGE
    worklist = Target.parse(args.worklist)
    options = SimulatorOptions(
        worklist=worklist, store=Target.parse(args.store) if args.store else worklist,
        calling_ae=args.calling_ae or args.station, station=args.station,
        charset=args.charset, mislabel_as=args.mislabel_as, drop_after=args.drop_after,
        delay_s=args.slow, size=args.size, mpps=not args.no_mpps, timezone=timezone)
    stop = threading.Event()
    if args.loop:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
    simulator = ModalitySimulator(options, say=lambda line: print(line, flush=True))
    results = simulator.run(loop=args.loop, interval_s=args.interval, stop=stop)
    if not args.loop and not results:
        print(f"No scheduled exams for station {args.station}.")
    return EXIT_FAILED if any(not r.completed for r in results) else 0
