"""A teaching course taken offline over a 20 Mbit/s link, then opened with no connection.

The center's node (and its mutual-TLS sync API, ``/v1/teaching``) runs inside a
network namespace created here (``twb-teach``, 10.250.1.2), joined to this
machine by a veth pair whose both ends are shaped with ``tc tbf`` to 20 Mbit/s.
Its teaching library gets a course of 20 de-identified cases put straight into
the database (as ``tests/sync/teaching_cases.py`` does): two synthetic DX chests
each (3000², 12-bit, JPEG-LS lossless, ~6.5 MB), and four of the cases also an
axial CT series (30 × 512², JPEG-LS).  Then, in the same run:

1. dcmtk ``storescu`` sends the same images *uncompressed* (one association) to a
   dcmtk ``storescp`` inside the namespace — the plain-DICOM baseline;
2. the community (this process) downloads the whole course for offline use with
   its ``TeachingDownloader``: mutual TLS, JPEG-LS as the library keeps it, each
   file encrypted at rest as it arrives and checked against the center's SHA-256.

Both print wall time and the bytes that crossed the veth pair (its interface
counters, both directions), and the ratio.  The center is then stopped and each
downloaded case is opened offline, cold (the decrypted RAM folder emptied first):
decrypt its files, decode the first image and make its first display frame.
Target: under 1 s a case; min / median / max over the cases are printed.

Needs root (``ip netns``, ``tc``) and dcmtk; the namespace and links are removed at
the end.  All traffic stays on 10.250.1.0/24 (created here) and loopback.

    sudo .venv/bin/python bench/teaching_course.py [--rate 20mbit] [--cases 20]
        [--dx-size 3000] [--ct-slices 30] [--ct-series 4] [--quick]

``--quick`` (4 cases, 1024² DX, one 10-slice CT) is a smoke run of about a minute.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from _shaped_link import ShapedLink
from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.uid import JPEGLSLossless

from tiered_workstation.app.bootstrap import bootstrap
from tiered_workstation.app.site_file import render_site_toml
from tiered_workstation.config import load_settings
from tiered_workstation.demo.loop import create_sites
from tiered_workstation.dicom.synth import Demographics, ct_series, dx_dataset
from tiered_workstation.storage.database import Database
from tiered_workstation.storage.enums import Role
from tiered_workstation.storage.teaching import TeachingCase, TeachingInstance
from tiered_workstation.teaching import catalogue
from tiered_workstation.viewer.frames import load
from tiered_workstation.viewer.view import fit_step
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.identifiers import new_uid

LINK = ShapedLink("twb-teach", "twt0", "twt1", "10.250.1.1", "10.250.1.2")
NETNS, CENTER_IP = LINK.netns, LINK.center_ip
SCREEN = (1080, 1920)
LEARNER = Actor(username="dr.cm01", role=Role.COMMUNITY_DOCTOR, site_code="CM01",
                display_name="王医生")


def status(text: str = "") -> None:
    """A progress line that the next one overwrites (only on a terminal); none: clear it."""
    if sys.stdout.isatty():
        print(f"\r  {text:<70}", end="" if text else "\r", flush=True)


def rate_bits(rate: str) -> float:
    """tc's rate (``20mbit``, ``2mbps``...) in bit/s, for time limits only."""
    found = re.fullmatch(r"([\d.]+)\s*([kmg]?)(bit|bps)?", rate.strip().lower())
    if not found:
        return 1e6
    scale = {"": 1, "k": 1e3, "m": 1e6, "g": 1e9}[found.group(2)]
    return float(found.group(1)) * scale * (8 if found.group(3) == "bps" else 1)


def wait_port(host: str, port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server for {host}:{port} exited ({process.returncode})")
        with socket.socket() as s:
            s.settimeout(1)
            if s.connect_ex((host, port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on {host}:{port}")


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


# -- the sites ------------------------------------------------------------------------------
def place_center_in_namespace(center_config: Path, community_config: Path) -> int:
    """The center's sync API on the namespace address, the community pointed at it."""
    center = load_settings(center_config)
    center = dataclasses.replace(center, api=dataclasses.replace(
        center.api, bind_address=CENTER_IP))
    center_config.write_text(render_site_toml(center, center_config.parent))
    community = load_settings(community_config)
    community = dataclasses.replace(community, sync=dataclasses.replace(
        community.sync, center_url=f"https://{CENTER_IP}:{center.api.port}"))
    community_config.write_text(render_site_toml(community, community_config.parent))
    return center.api.port


@dataclasses.dataclass
class Library:
    course_uid: str
    case_uids: list[str]
    plain_files: list[Path]   # the same images, Explicit VR Little Endian, for storescu
    dx: int = 0
    ct_series: int = 0
    ct_slices: int = 0
    stored_bytes: int = 0     # JPEG-LS, as the library keeps them
    plain_bytes: int = 0


def _anonymous(ds: Dataset, case: int) -> Dataset:
    ds.PatientName, ds.PatientID, ds.PatientBirthDate = "ANON", f"TEACH{case:03d}", ""
    ds.AccessionNumber, ds.PatientIdentityRemoved = "", "YES"
    return ds


def _keep(ds: Dataset, case: int, folder: Path, plain: Path, name: str,
          case_row: TeachingCase, uid: str, key_image: bool) -> tuple[Path, int, int]:
    """Write ``ds`` uncompressed for storescu and JPEG-LS into the library."""
    _anonymous(ds, case)
    plain_path = plain / f"{name}.dcm"
    ds.save_as(plain_path, enforce_file_format=True)
    ds.compress(JPEGLSLossless, generate_instance_uid=False)
    path = folder / f"{name}.dcm"
    ds.save_as(path, enforce_file_format=True)
    data = path.read_bytes()
    case_row.instances.append(TeachingInstance(
        sop_instance_uid=ds.SOPInstanceUID, series_instance_uid=ds.SeriesInstanceUID,
        sop_class_uid=ds.SOPClassUID, modality=ds.Modality, path=f"cases/{uid}/{name}.dcm",
        size=len(data), sha256=hashlib.sha256(data).hexdigest(), key_image=key_image))
    return plain_path, len(data), plain_path.stat().st_size


def make_library(center_config: Path, plain_root: Path, cases: int, dx_size: int,
                 ct_cases: int, ct_slices: int) -> Library:
    """``cases`` chest cases (PA + lateral; ``ct_cases`` of them with a CT series too)
    straight into the center's library, and a course of them all."""
    settings = load_settings(center_config)
    teaching = settings.data_dir / "teaching"
    with_ct = {round(k * cases / ct_cases) for k in range(ct_cases)} if ct_cases else set()
    database = Database(settings.database_url)
    library = Library("", [], [])
    try:
        for n in range(cases):
            uid, study = str(uuid.uuid4()), new_uid()
            folder, plain = teaching / "cases" / uid, plain_root / f"case{n:02d}"
            folder.mkdir(parents=True)
            plain.mkdir(parents=True)
            demo = Demographics(study_instance_uid=study, study_description="Chest teaching")
            has_ct = n in with_ct
            row = TeachingCase(
                uid=uid, title=f"胸部病例 {n + 1:02d}", diagnosis="社区获得性肺炎",
                modality="CT" if has_ct else "DX", body_part="CHEST", difficulty=1 + n % 3,
                tags="pneumonia,chest", teaching_points="右下肺野斑片状模糊影。",
                findings="右下肺见片状影。", impression="右下肺炎症。",
                study_instance_uid=study, author_username="rev.chest", author_name="刘主任",
                origin_site="CH01")
            series = new_uid()
            images = [dx_dataset(demo, size=dx_size, seed=100 * n + k, series_uid=series,
                                 instance_number=k + 1, view=view)
                      for k, view in enumerate(("PA", "LL"))]
            if has_ct:
                images += ct_series(demo, slices=ct_slices, seed=n)
                library.ct_series += 1
                library.ct_slices += ct_slices
            for k, ds in enumerate(images):
                library.dx += ds.Modality == "DX"
                path, stored, raw = _keep(ds, n, folder, plain, f"{k:03d}", row, uid, k == 0)
                library.plain_files.append(path)
                library.stored_bytes += stored
                library.plain_bytes += raw
            with database.transaction() as session:
                session.add(row)
            library.case_uids.append(uid)
            status(f"case {n + 1}/{cases}: {len(images)} images")
        with database.transaction() as session:
            library.course_uid = catalogue.make_course(
                session, Actor.system("CH01", "teacher"), "胸部影像入门", library.case_uids,
                "下载后离线学习")
    finally:
        database.dispose()
    return library


# -- the measurements -------------------------------------------------------------------------
def storescu_run(files: list[Path], work: Path, total: int, bits: float) -> tuple[float, int]:
    """Every file uncompressed, one association, to storescp in the namespace."""
    port = 11112
    received = work / "storescp"
    received.mkdir()
    peer = subprocess.Popen(["ip", "netns", "exec", NETNS, "storescp", "--max-pdu", "131072",
                             "-aet", "STORESCP", "-od", str(received), str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(CENTER_IP, port, peer)
        before = LINK.wire_bytes()
        start = time.perf_counter()
        result = subprocess.run(["storescu", "-aet", "STORESCU", "-aec", "STORESCP",
                                 CENTER_IP, str(port), *map(str, files)],
                                capture_output=True, text=True,
                                timeout=60 + 3 * total * 8 / bits)
        elapsed = time.perf_counter() - start
        sent = LINK.wire_bytes() - before
    finally:
        stop(peer)
    if result.returncode != 0 or "Failed" in result.stderr:
        raise RuntimeError(f"storescu failed: {result.stderr[-500:]}")
    got = sum(1 for p in received.iterdir() if p.is_file())
    if got != len(files):
        raise RuntimeError(f"storescp kept {got} of {len(files)} files")
    shutil.rmtree(received, ignore_errors=True)
    return elapsed, sent


class TooSlow(RuntimeError):
    pass


def download_run(community, course_uid: str, total: int, bits: float) -> tuple[float, int]:
    limit = 120 + 3 * total * 8 / bits
    start = time.perf_counter()
    shown: set[int] = set()

    def progress(p) -> None:
        if time.perf_counter() - start > limit:
            raise TooSlow(f"the download took more than {limit:.0f} s")
        quarter = 4 * p.bytes_done // max(1, p.bytes_total)
        if quarter not in shown:
            shown.add(quarter)
            status(f"{p.bytes_done / 1e6:7.1f} of {p.bytes_total / 1e6:.1f} MB, "
                   f"{p.cases_done}/{p.cases_total} cases")

    downloader = community.teaching_downloader(LEARNER, progress)
    before = LINK.wire_bytes()
    start = time.perf_counter()
    try:
        downloader.download_course(course_uid)
    finally:
        downloader.close()
    elapsed = time.perf_counter() - start
    return elapsed, LINK.wire_bytes() - before


def open_offline(community, uid: str) -> float:
    """Cold: decrypt the case's files into the RAM folder, decode the first, display it."""
    community.vault.close()  # the decrypted files of the case before go
    start = time.perf_counter()
    paths = community.teaching_desk.files(uid)
    image = load(paths[0])
    step = fit_step(image.frames.shape[1:3], SCREEN)
    image.display_lut().apply(image.frames[0][::step, ::step])
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", default="20mbit", help="tc tbf rate of the link")
    parser.add_argument("--cases", type=int, help="cases in the course (default 20)")
    parser.add_argument("--dx-size", type=int, help="DX rows = columns (default 3000)")
    parser.add_argument("--ct-series", type=int,
                        help="cases that also carry a CT series (default 4)")
    parser.add_argument("--ct-slices", type=int, help="slices per CT series (default 30)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 4 cases, 1024² DX, one 10-slice CT")
    args = parser.parse_args()
    quick = (4, 1024, 1, 10) if args.quick else (20, 3000, 4, 30)
    cases, dx_size, ct_cases, ct_slices = (
        given if given is not None else default for given, default in zip(
            (args.cases, args.dx_size, args.ct_series, args.ct_slices), quick, strict=True))
    if not 1 <= cases <= 500 or not 0 <= ct_cases <= cases or not 64 <= dx_size <= 4096 \
            or not 1 <= ct_slices <= 500:
        parser.error("cases 1-500, --ct-series 0..cases, --dx-size 64-4096, --ct-slices 1-500")
    if os.geteuid() != 0:
        raise SystemExit("needs root (ip netns, tc): sudo .venv/bin/python "
                         "bench/teaching_course.py")
    for tool in ("ip", "tc", "storescu", "storescp"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed (iproute2, dcmtk)")
    bits = rate_bits(args.rate)
    with tempfile.TemporaryDirectory(prefix="twb-teaching-") as tmp:
        root = Path(tmp)
        center_config, community_config = create_sites(root / "sites")
        api_port = place_center_in_namespace(center_config, community_config)
        print(f"making the library: {cases} cases of {dx_size}² DX, {ct_cases} with a "
              f"{ct_slices}-slice CT…", flush=True)
        started = time.perf_counter()
        library = make_library(center_config, root / "plain", cases, dx_size, ct_cases,
                               ct_slices)
        status()
        print(f"  made in {time.perf_counter() - started:.0f} s", flush=True)
        LINK.remove()  # a run that was killed may have left ours behind
        center = community = None
        try:
            LINK.make(args.rate)
            log = (root / "center.log").open("wb")
            center = subprocess.Popen(
                ["ip", "netns", "exec", NETNS,
                 str(Path(sys.executable).with_name("tiered-ws")), "--config",
                 str(center_config), "node"], stdout=log, stderr=subprocess.STDOUT)
            log.close()
            print(f"storescu → storescp, uncompressed, over {args.rate}…", flush=True)
            scu_s, scu_wire = storescu_run(library.plain_files, root, library.plain_bytes, bits)
            wait_port(CENTER_IP, api_port, center)
            community = bootstrap(load_settings(community_config))
            print(f"teaching course download over {args.rate}…", flush=True)
            dl_s, dl_wire = download_run(community, library.course_uid, library.stored_bytes,
                                         bits)
            status()
            stop(center)  # from here on the community is on its own
            center = None
            kept = sum(p.stat().st_size
                       for p in (community.teaching_dir / "offline").rglob("*.enc"))
            opens = [open_offline(community, uid) for uid in library.case_uids]
            community.vault.close()
            first = dcmread(community.teaching_desk.files(library.case_uids[0])[0],
                            stop_before_pixels=True)
            syntax = first.file_meta.TransferSyntaxUID.name
        except BaseException:
            if (root / "center.log").is_file():
                sys.stderr.write((root / "center.log").read_text(errors="replace")[-3000:])
            raise
        finally:
            if community is not None:
                community.close()
            stop(center)
            LINK.remove()
        files = len(library.plain_files)
        print(f"teaching course: {cases} cases, {library.dx} DX ({dx_size}²) + "
              f"{library.ct_series} CT series ({library.ct_slices} CT slices), {files} files; "
              f"{library.stored_bytes / 1e6:.1f} MB JPEG-LS, {library.plain_bytes / 1e6:.1f} MB "
              f"uncompressed; link {args.rate} (tc tbf)")
        print(f"  download (mutual TLS, JPEG-LS, encrypted at rest) {dl_s:8.1f} s "
              f"{dl_wire / 1e6:8.1f} MB on the wire   ({kept / 1e6:.1f} MB kept encrypted, "
              f"opens as {syntax})")
        print(f"  storescu, same images uncompressed                {scu_s:8.1f} s "
              f"{scu_wire / 1e6:8.1f} MB on the wire")
        print(f"  ratio (storescu / download)                       {scu_s / dl_s:8.2f}× time"
              f" {scu_wire / dl_wire:6.2f}× bytes")
        print(f"  offline open to first frame (decrypt + decode, {len(opens)} cases, cold): "
              f"min {min(opens):.2f} s, median {statistics.median(opens):.2f} s, "
              f"max {max(opens):.2f} s (target < 1 s)")


if __name__ == "__main__":
    main()
