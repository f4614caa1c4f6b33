"""Community → center over a 20 Mbit/s link: compressed vs uncompressed forwarding.

The center's node runs inside a network namespace created here
(``twb-center``, 10.250.0.2), joined to this machine by a veth pair whose both
ends are shaped with ``tc tbf`` to 20 Mbit/s — an ordinary community internet
link.  The community (this process) receives a 2-image chest study (2 × ~18 MB
synthetic DX, 3000², 12-bit) from a simulated DR, then its forwarder sends it
over DICOM TLS and waits for the center's storage commitment.  The same run
does it uncompressed and JPEG-LS lossless (a fresh study each, same size and
structure), and prints seconds-to-commitment, bytes on the wire and the ratio.
Target: compressed at most half the uncompressed time.

Then the whole two-node demo loop on loopback (registration → printed PDF),
whose machine time (no human think-time) should be under 60 s.

Needs root (``ip netns``, ``tc``); the namespace and links are removed at the end.

    sudo .venv/bin/python bench/transfer.py [--rate 20mbit] [--size 3000] [--images DIR]

The ratio depends on how well the images compress; each line prints the
JPEG-LS ratio of its study's pixel data.  ``--images DIR`` sends a site's own
anonymised radiographs instead of the synthetic chests.
"""

from __future__ import annotations

import argparse
import dataclasses
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jpeg_ls
from _shaped_link import ShapedLink
from pydicom import dcmread
from sqlalchemy import func, select

from tiered_workstation.app.bootstrap import bootstrap
from tiered_workstation.app.site_file import render_site_toml
from tiered_workstation.config import ForwarderSettings, load_settings
from tiered_workstation.demo.loop import create_sites, run_loop_demo
from tiered_workstation.dicom.forward import Forwarder
from tiered_workstation.dicom.scu import Target
from tiered_workstation.dicom.scu_transfer import store_files
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.storage.forwarding import ForwardJob
from tiered_workstation.storage.imaging import Instance
from tiered_workstation.workflow.identifiers import new_uid

LINK = ShapedLink("twb-center", "twb0", "twb1", "10.250.0.1", "10.250.0.2")
NETNS, CENTER_IP = LINK.netns, LINK.center_ip


def wait_port(host: str, port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            s.settimeout(1)
            if s.connect_ex((host, port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {host}:{port}")


def place_center_in_namespace(center_config: Path, community_config: Path) -> None:
    center = load_settings(center_config)
    center = dataclasses.replace(center, dicom=dataclasses.replace(
        center.dicom, bind_address=CENTER_IP))
    center_config.write_text(render_site_toml(center, center_config.parent))
    community = load_settings(community_config)
    peers = tuple(dataclasses.replace(p, host=CENTER_IP) if p.site == "CH01" else p
                  for p in community.peers)
    community = dataclasses.replace(community, peers=peers)
    community_config.write_text(render_site_toml(community, community_config.parent))


def study_files(folder: Path, size: int, seed: int, images: Path | None) -> list[Path]:
    demo = Demographics(accession_number=f"BENCH{seed}", study_instance_uid=new_uid())
    folder.mkdir(parents=True)
    if images is not None:
        return relabelled_copies(sorted(p for p in images.iterdir() if p.is_file()),
                                 folder, demo)
    series = new_uid()
    paths = []
    for n, view in enumerate(("PA", "LL")):
        path = folder / f"{view}.dcm"
        dx_dataset(demo, size=size, seed=seed * 10 + n, series_uid=series,
                   instance_number=n + 1, view=view).save_as(path, enforce_file_format=True)
        paths.append(path)
    return paths


def relabelled_copies(sources: list[Path], folder: Path, demo: Demographics) -> list[Path]:
    """The site's own images under fresh UIDs, so each run forwards a new study."""
    series: dict[str, str] = {}
    paths = []
    for n, source in enumerate(sources):
        dataset = dcmread(source)
        dataset.StudyInstanceUID = demo.study_instance_uid
        dataset.AccessionNumber = demo.accession_number
        dataset.SeriesInstanceUID = series.setdefault(dataset.SeriesInstanceUID, new_uid())
        dataset.SOPInstanceUID = dataset.file_meta.MediaStorageSOPInstanceUID = new_uid()
        path = folder / f"{n:04d}.dcm"
        dataset.save_as(path, enforce_file_format=True)
        paths.append(path)
    if not paths:
        raise SystemExit("--images: the folder holds no files")
    return paths


def jpeg_ls_ratio(files: list[Path]) -> float:
    """How much JPEG-LS lossless shrinks these images' pixel data."""
    raw = packed = 0
    for path in files:
        pixels = dcmread(path).pixel_array
        raw += pixels.nbytes
        packed += len(jpeg_ls.encode(pixels))
    return raw / packed


def forward_once(services, files: list[Path], compression: str) -> tuple[float, str]:
    settings = services.settings
    outcomes = store_files(Target(settings.dicom.ae_title, "127.0.0.1", settings.dicom.port),
                           "DR01", files)
    assert all(o.ok for o in outcomes), outcomes
    settings = dataclasses.replace(settings, forward=dataclasses.replace(
        settings.forward, compression=compression, settle_seconds=0))
    forwarder = Forwarder(ForwarderSettings.of(settings), services.database, services.archive,
                          services.workflow)
    start = time.perf_counter()
    results = forwarder.run_due()
    elapsed = time.perf_counter() - start
    assert results, "nothing was forwarded"
    assert all(r.complete for r in results), results
    with services.database.session() as session:
        syntaxes = session.scalar(select(ForwardJob.transfer_syntaxes).order_by(
            ForwardJob.id.desc()).limit(1))
    return elapsed, syntaxes or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rate", default="20mbit")
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--images", type=Path,
                        help="a folder of the site's own (anonymised) DX files to send "
                             "instead of synthetic chests")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        root = Path(tmp)
        center_config, community_config = create_sites(root / "sites")
        place_center_in_namespace(center_config, community_config)
        LINK.remove()
        LINK.make(args.rate)
        center = subprocess.Popen(
            ["ip", "netns", "exec", NETNS, str(Path(sys.executable).with_name("tiered-ws")),
             "--config", str(center_config), "node"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        community = bootstrap(load_settings(community_config))
        try:
            tls_port = load_settings(center_config).dicom.tls.port
            wait_port(CENTER_IP, tls_port)
            community.node.start()
            figures = {}
            for seed, mode in enumerate(("none", "jpeg-ls")):
                files = study_files(root / f"study-{mode}", args.size, seed, args.images)
                megabytes = sum(p.stat().st_size for p in files) / 1e6
                ratio = jpeg_ls_ratio(files)
                seconds, syntax = forward_once(community, files, mode)
                figures[mode] = seconds
                print(f"{mode:>8}: {megabytes:5.1f} MB study (JPEG-LS {ratio:.2f}:1), "
                      f"{seconds:6.1f} s to storage commitment over {args.rate} ({syntax})",
                      flush=True)
            print(f"compressed / uncompressed time: {figures['jpeg-ls'] / figures['none']:.2f} "
                  f"(target <= 0.50)")
            with community.database.session() as session:
                stored = session.scalar(select(func.count()).select_from(Instance))
            print(f"(community archive: {stored} instances; link shaped with tc tbf in "
                  f"network namespace {NETNS})")
        finally:
            community.close()
            center.terminate()
            center.wait(timeout=30)
            LINK.remove()
        lines: list[str] = []
        result = run_loop_demo(root / "loop", lines.append)
        print(f"whole loop on loopback (2 exams, registration → printed PDF): "
              f"{result.machine_seconds:.1f} s machine time (target < 60 s)")


if __name__ == "__main__":
    main()
