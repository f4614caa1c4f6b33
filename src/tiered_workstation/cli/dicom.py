"""DICOM commands: run the node, echo a peer, manage peers."""

from __future__ import annotations

import argparse
import os
import signal
import threading

from pydicom.uid import UID

from ..app.bootstrap import open_site, read_settings
from ..app.peers import add_peer, remove_peer
from ..app.text_columns import table
from ..config import (
    CONFIG_ENV_VAR,
    PeerKind,
    PeerNode,
    resolve_config_path,
)
from ..dicom.scu import DicomConnectionError, Target, echo
from ..dicom.scu_transfer import store_files
from ..dicom.synth import Demographics, ct_series, dx_dataset
from ..workflow.identifiers import new_uid
from .exits import EXIT_FAILED, err


def cmd_node(args: argparse.Namespace) -> int:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with open_site(args.config) as services:
        services.start()
        settings = services.settings
        dicom = settings.dicom
        count = len(settings.peers)
        print(f"DICOM node {dicom.ae_title} listening on {dicom.bind_address}:{dicom.port} "
              f"({count} known peer{'' if count == 1 else 's'}). Ctrl+C stops it.", flush=True)
        if dicom.tls is not None and dicom.tls.port:
            print(f"DICOM TLS (mutual) on {dicom.bind_address}:{dicom.tls.port}", flush=True)
        if services.sync.api is not None:
            print(f"Sync API (mutual TLS) on https://{settings.api.bind_address}:"
                  f"{settings.api.port}/v1", flush=True)
        elif services.sync.running:
            print(f"Syncing with center {settings.site.center} at {settings.sync.center_url}",
                  flush=True)
        if services.forwarder is not None:
            peer = services.forwarder.peer
            print(f"Forwarding images to {peer.ae_title}@{peer.host}:{peer.port}"
                  f"{' (TLS)' if peer.tls else ''}, {settings.forward.compression}", flush=True)
        stop.wait()
        print("Stopping…", flush=True)
    return 0


def cmd_echo(args: argparse.Namespace) -> int:
    target = Target.parse(args.target)
    calling = args.calling_ae
    if not calling:
        calling = read_settings(args.config).dicom.ae_title if (
            args.config or os.environ.get(CONFIG_ENV_VAR)) else "TIERED_WS"
    try:
        status = echo(target, calling)
    except DicomConnectionError as exc:
        err(str(exc))
        return EXIT_FAILED
    print(f"{target.ae_title}@{target.host}:{target.port} answered (status 0x{status:04X})")
    return 0 if status == 0 else EXIT_FAILED


def cmd_peer_add(args: argparse.Namespace) -> int:
    path = resolve_config_path(args.config)
    settings = add_peer(path, PeerNode(
        ae_title=args.ae, host=args.host, port=args.port, tls=args.tls,
        kind=PeerKind(args.role), site=args.site, charset=args.charset,
        assume_charset=args.assume_charset, phonetic_names=args.phonetic_names),
        replace=args.replace)
    count = len(settings.peers)
    print(f"Registered {args.ae} ({args.role}) at {args.host}:{args.port}; "
          f"{count} peer{'' if count == 1 else 's'}. Restart the node to apply.")
    return 0


def cmd_peer_list(args: argparse.Namespace) -> int:
    settings = read_settings(args.config)
    rows = []
    for p in settings.peers:
        charset = p.charset or "-"
        if p.assume_charset:
            charset += f" (reads {p.assume_charset})"
        rows.append((p.ae_title, f"{p.host}:{p.port}", p.kind.value, charset,
                     "yes" if p.tls else "no", p.site or "-"))
    for line in table(("AE title", "address", "role", "charset", "TLS", "site"), rows):
        print(line)
    return 0


def cmd_peer_remove(args: argparse.Namespace) -> int:
    settings = remove_peer(resolve_config_path(args.config), args.ae)
    print(f"Removed {args.ae}; {len(settings.peers)} peers left. Restart the node to apply.")
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    demo = Demographics(patient_name=args.name, patient_phonetic=args.phonetic,
                        patient_id=args.patient_id, accession_number=args.accession,
                        study_instance_uid=args.study_uid or new_uid())
    args.out.mkdir(parents=True, exist_ok=True)
    if args.kind == "dx":
        series = new_uid()
        images = [dx_dataset(demo, size=args.size or 3000, seed=i, charset=args.charset,
                             series_uid=series, instance_number=i + 1,
                             view="PA" if i % 2 == 0 else "LL") for i in range(args.count)]
    else:
        images = ct_series(demo, slices=args.count, size=args.size or 512,
                           charset=args.charset)
    paths = []
    for i, ds in enumerate(images):
        path = args.out / f"{args.kind}{i + 1:04d}.dcm"
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    total = sum(p.stat().st_size for p in paths) / 1e6
    print(f"Wrote {len(paths)} {args.kind.upper()} images ({total:.1f} MB) to {args.out}; "
          f"study {demo.study_instance_uid}")
    if args.send:
        outcomes = store_files(Target.parse(args.send), args.calling_ae, paths, args.compress)
        failed = [o for o in outcomes if not o.ok]
        syntaxes = sorted({UID(o.transfer_syntax).name for o in outcomes if o.ok})
        print(f"Sent {len(outcomes) - len(failed)}/{len(outcomes)} to {args.send} "
              f"({', '.join(syntaxes)})")
        if failed:
            for o in failed:
                err(f"  {o.path.name}: status 0x{o.status:04X}")
            return EXIT_FAILED
    return 0
