"""The center's teaching library over the real mutual-TLS API: a community searches it,
takes cases and courses offline (encrypted at rest, resumable), and opens them with
no connection, byte for byte what the center holds."""

from __future__ import annotations

import contextlib
import hashlib
import json
import shlex
import shutil
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pydicom
import pytest
from sqlalchemy import select

from dicom.test_full_disk import namespaces_work
from tiered_workstation.app.lesson_relay import LessonRelay
from tiered_workstation.app.site_file import render_site_toml
from tiered_workstation.app.teaching_download import DownloadFailed, TeachingDownloader
from tiered_workstation.security import pki
from tiered_workstation.security.at_rest import AtRestError
from tiered_workstation.security.tls import client_context
from tiered_workstation.storage.enums import DownloadState, Role
from tiered_workstation.storage.messaging import AuditEvent
from tiered_workstation.storage.teaching import (
    TeachingCase,
    TeachingDownload,
    TeachingInstance,
)
from tiered_workstation.sync.client import SyncClient
from tiered_workstation.teaching import catalogue
from tiered_workstation.teaching.library import LibraryQuery
from tiered_workstation.workflow.actors import Actor

from .conftest import Consortium
from .teaching_cases import narration, seed_case

LEARNER = Actor(username="dr.wang", role=Role.COMMUNITY_DOCTOR, site_code="CM01",
                display_name="王医生")


def _downloader(consortium: Consortium, on_progress=None, client=None) -> TeachingDownloader:
    community = consortium.community
    return TeachingDownloader(community.database, client or consortium.client_for("CM01"),
                              community.vault, "CH01", LEARNER,
                              on_progress)


def test_search_download_and_open_offline_encrypted_at_rest(consortium: Consortium) -> None:
    chest = seed_case(consortium.center, "右肺上叶周围型肺癌", "CHEST")
    seed_case(consortium.center, "肾结石", "ABDOMEN")
    downloader = _downloader(consortium)
    found = downloader.search(LibraryQuery(body_part="chest"))
    assert [c.uid for c in found] == [chest]
    assert found[0].bytes > 4_000_000
    assert found[0].lessons == 1
    assert [c.title for c in downloader.search(LibraryQuery(tag="nodule"))] == \
        ["肾结石", "右肺上叶周围型肺癌"]
    assert downloader.search(LibraryQuery(author="刘主任", difficulty=3)) == []

    progress = []
    downloader._on_progress = progress.append
    assert downloader.download_cases([chest]) == [chest]
    assert progress[-1].bytes_done == progress[-1].bytes_total == found[0].bytes
    assert progress[-1].cases_done == 1
    assert [p.bytes_done for p in progress] == sorted(p.bytes_done for p in progress)
    downloader.close()

    community = consortium.community
    stored = sorted((community.teaching_dir / "offline" / chest).iterdir())
    assert len(stored) == 3
    assert all(p.suffix == ".enc" for p in stored)
    for path in stored:
        raw = path.read_bytes()
        assert b"DICM" not in raw
        assert b"1.2.840.10008" not in raw
    desk = community.teaching_desk
    detail = desk.detail(chest)
    assert detail is not None
    assert detail.summary.offline
    assert detail.findings == "右肺上叶结节。"
    with consortium.center.database.session() as session:
        originals = {i.sop_instance_uid: consortium.center.teaching_dir / i.path
                     for i in session.scalar(select(TeachingCase).where(
                         TeachingCase.uid == chest)).instances}
    opened = desk.files(chest)
    assert len(opened) == 2
    for path in opened:
        assert str(path).startswith(("/dev/shm/", "/tmp"))
        ds = pydicom.dcmread(path)
        assert path.read_bytes() == originals[ds.SOPInstanceUID].read_bytes()
    lesson = desk.lessons(chest)[0]
    media, timeline = desk.lesson(lesson)
    assert media.suffix == ".m4a"
    assert media.stat().st_size == len(narration())
    assert timeline.actions == ()
    with community.database.session() as session:
        row = session.scalar(select(TeachingDownload).where(TeachingDownload.case_uid == chest))
        assert row.state is DownloadState.DONE
        assert row.bytes_done == row.bytes_total
        assert session.scalar(select(AuditEvent).where(AuditEvent.action == "teaching.download"))
    with consortium.center.database.session() as session:
        audit = session.scalar(select(AuditEvent).where(
            AuditEvent.action == "sync.teaching.case"))
        assert audit is not None
        assert audit.object_id == chest
    community.vault.close()
    assert not any(p.exists() for p in opened)  # the plaintext went with the vault


def test_a_cut_download_goes_on_from_where_it_stopped(consortium: Consortium) -> None:
    uid = seed_case(consortium.center, "大文件", "CHEST", files=1)

    class Cut(Exception):
        pass

    def cut_after_1_5mb(p) -> None:
        if p.bytes_done > 1_500_000:
            raise Cut

    with pytest.raises(Cut):
        _downloader(consortium, cut_after_1_5mb).download_cases([uid])
    parts = list((consortium.community.teaching_dir / "offline" / uid).glob("*.part"))
    assert len(parts) == 1
    assert parts[0].stat().st_size >= (1 << 20) + 16
    first = []
    _downloader(consortium, lambda p: first.append(p.bytes_done)).download_cases([uid])
    assert first[0] > 1 << 20  # it asked for the rest (a Range), not the whole file
    files = consortium.community.teaching_desk.files(uid)
    with consortium.center.database.session() as session:
        original = session.scalar(select(TeachingInstance))
        assert hashlib.sha256(files[0].read_bytes()).hexdigest() == original.sha256


def test_a_whole_course_goes_offline_and_tampering_is_refused(consortium: Consortium) -> None:
    uids = [seed_case(consortium.center, f"病例 {n}", "CHEST", files=1) for n in range(3)]
    with consortium.center.database.transaction() as session:
        course = catalogue.make_course(session, Actor.system("CH01", "teacher"), "胸部 CT 入门",
                                       uids[::-1])
    downloader = _downloader(consortium)
    assert [c.title for c in downloader.courses()] == ["胸部 CT 入门"]
    assert downloader.download_course(course) == uids[::-1]
    community = consortium.community
    summaries = community.teaching_desk.search(LibraryQuery())
    assert {s.uid for s in summaries} == set(uids)
    assert all(s.offline for s in summaries)
    victim = community.teaching_dir / community.teaching_desk.detail(uids[0]).paths[0]
    raw = bytearray(victim.read_bytes())
    raw[100] ^= 0xFF
    victim.write_bytes(raw)
    community.vault.close()
    with pytest.raises(AtRestError, match="altered"):
        community.teaching_desk.files(uids[0])
    # the offline copies are never offered on from a community's own library
    with community.database.session() as session:
        assert catalogue.bundle_of(session, uids[0]) is None


def test_a_certificate_from_outside_the_consortium_is_refused(consortium: Consortium,
                                                             tmp_path: Path) -> None:
    seed_case(consortium.center, "病例", "CHEST", files=1)
    stranger = tmp_path / "other-ca"
    pki.init_ca(stranger)
    files = pki.issue_site(stranger, "CM01", tmp_path / "stranger")
    context = client_context(files.certificate, files.private_key,
                             consortium.ca_dir / pki.CA_CERT)
    downloader = _downloader(consortium, client=SyncClient(consortium.url, context=context,
                                                           timeout=5))
    with pytest.raises(DownloadFailed, match=r"certificate|cannot be reached"):
        downloader.search(LibraryQuery())
    assert not (consortium.community.teaching_dir / "offline").exists()


def test_a_case_looked_at_online_is_fetched_into_memory_and_not_kept(
        consortium: Consortium) -> None:
    uid = seed_case(consortium.center, "肺结节", "CHEST", files=2)
    community = consortium.community
    bundle = _downloader(consortium).fetch_online(uid)
    desk = community.teaching_desk
    detail = desk.detail(uid)
    assert detail is not None
    assert (detail.summary.title, detail.summary.offline) == (bundle.title, False)
    assert detail.teaching_points == "看清分叶和毛刺。"
    files = desk.files(uid)
    assert len(files) == 2
    assert all(p.is_relative_to(community.vault.memory_folder()) for p in files)
    with consortium.center.database.session() as session:
        expected = {i.sha256 for i in session.scalars(select(TeachingInstance))}
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in files} == expected
    lesson = desk.lessons(uid)[0]
    media, _timeline = desk.lesson(lesson)
    assert media.stat().st_size == lesson.size == len(narration())
    with community.database.session() as session:  # nothing of it is kept
        assert session.scalar(select(TeachingCase)) is None
    assert not (community.teaching_dir / "offline").exists()
    community.vault.close()
    assert not any(p.exists() for p in files)
    assert desk.detail(uid) is None


class CuttingProxy:
    """A TCP relay to the center that drops its first connection after ``cut`` bytes
    from the center, as a community's link would mid-download; later ones relay all."""

    def __init__(self, target: int, cut: int) -> None:
        self.target, self.cut, self.connections = target, cut, 0
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.server.settimeout(0.2)
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while self.running:
            try:
                client, _ = self.server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            upstream = socket.create_connection(("127.0.0.1", self.target), timeout=10)
            limit = self.cut if self.connections == 1 else None
            for source, sink, budget in ((client, upstream, None), (upstream, client, limit)):
                threading.Thread(target=self._pump, args=(source, sink, budget, client,
                                                          upstream), daemon=True).start()

    @staticmethod
    def _pump(source, sink, budget, *both) -> None:
        sent = 0
        try:
            while data := source.recv(65536):
                if budget is not None and sent + len(data) > budget:
                    sink.sendall(data[:budget - sent])
                    break
                sink.sendall(data)
                sent += len(data)
        except OSError:
            pass
        for end in both:  # the link is gone: both sides see it
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()

    def close(self) -> None:
        self.running = False
        self.thread.join(timeout=5)
        self.server.close()


def test_a_link_that_drops_mid_download_keeps_what_arrived(consortium: Consortium) -> None:
    uid = seed_case(consortium.center, "断线", "CHEST", files=1)
    proxy = CuttingProxy(consortium.api_port, cut=1_800_000)
    try:
        def through_proxy(progress=None) -> TeachingDownloader:
            client = SyncClient(f"https://127.0.0.1:{proxy.port}",
                                context=consortium.context_for("CM01"), timeout=10)
            return _downloader(consortium, progress, client=client)

        with pytest.raises(DownloadFailed, match="The download stopped"):
            through_proxy().download_cases([uid])
        community = consortium.community
        with community.database.session() as session:
            row = session.scalar(select(TeachingDownload))
            assert row.state is DownloadState.FAILED
            assert "cannot be reached" in row.error
            assert session.scalar(select(TeachingCase)) is None  # no half case
        part = next((community.teaching_dir / "offline" / uid).glob("*.part"))
        assert part.stat().st_size >= (1 << 20) + 16
        seen = []
        through_proxy(lambda p: seen.append(p.bytes_done)).download_cases([uid])
        assert seen[0] > 1 << 20                          # went on from the chunks kept
        assert proxy.connections >= 2
        with community.database.session() as session:
            assert session.scalar(select(TeachingDownload)).state is DownloadState.DONE
        assert len(community.teaching_desk.files(uid)) == 1
    finally:
        proxy.close()


def test_a_lesson_looked_at_online_streams_through_the_local_relay(
        consortium: Consortium) -> None:
    uid = seed_case(consortium.center, "肺结节", "CHEST", files=1)
    relay = LessonRelay(consortium.client_for("CM01"))
    try:
        _downloader(consortium).fetch_online(uid, relay)
        desk = consortium.community.teaching_desk
        lesson = desk.lessons(uid)[0]
        url, _timeline = desk.lesson(lesson)
        assert isinstance(url, str)
        assert url.startswith(f"http://127.0.0.1:{relay.port}/")
        voice = narration()
        with urllib.request.urlopen(url, timeout=10) as whole:
            assert whole.status == 200
            assert whole.headers["Content-Type"] == "audio/mp4"
            assert whole.read() == voice
        part = urllib.request.Request(url, headers={"Range": "bytes=1000-1999"})
        with urllib.request.urlopen(part, timeout=10) as answer:
            assert answer.status == 206
            assert answer.headers["Content-Range"] == f"bytes 1000-1999/{len(voice)}"
            assert answer.read() == voice[1000:2000]
        tail = urllib.request.Request(url, headers={"Range": "bytes=5000-"})
        with urllib.request.urlopen(tail, timeout=10) as answer:
            assert answer.read() == voice[5000:]
        with pytest.raises(urllib.error.HTTPError) as unknown:
            urllib.request.urlopen(url + "x", timeout=10)
        assert unknown.value.code == 404
        assert not (consortium.community.teaching_dir / "offline").exists()  # nothing kept
    finally:
        relay.close()


def test_a_full_disk_stops_the_download_in_words_and_keeps_what_arrived(
        consortium: Consortium, tmp_path: Path) -> None:
    """For real: the community's teaching folder on a 3 MB tmpfs (in a user + mount
    namespace the test creates), a case of two 2 MB images downloaded into it."""
    if shutil.which("unshare") is None or not namespaces_work(tmp_path):
        pytest.skip("this kernel does not allow a user + mount namespace with a tmpfs "
                    "(unshare -rm), so a full disk cannot be made safely here")
    uid = seed_case(consortium.center, "满盘", "CHEST", files=2)
    community = consortium.community
    config = community.settings.data_dir / "site.toml"
    config.write_text(render_site_toml(community.settings, config.parent), encoding="utf-8")
    teaching = community.teaching_dir
    teaching.mkdir(parents=True, exist_ok=True)
    program = f"""
import json
from pathlib import Path
from tiered_workstation.app.bootstrap import open_site
from tiered_workstation.app.teaching_download import DownloadFailed
from tiered_workstation.storage.enums import Role
from tiered_workstation.workflow.actors import Actor
services = open_site({str(config)!r})
downloader = services.teaching_downloader(Actor("dr.wang", Role.COMMUNITY_DOCTOR, "CM01"))
try:
    downloader.download_cases([{uid!r}])
    print(json.dumps({{"done": True}}))
except DownloadFailed as exc:
    folder = Path({str(teaching)!r})
    print(json.dumps({{"reason": exc.reason, "error": str(exc),
                      "kept": len(list(folder.rglob("*.enc")))}}))
finally:
    downloader.close()
    services.close()
"""
    script = (f"mount -t tmpfs -o size=3m tmpfs {shlex.quote(str(teaching))} && "
              f"exec {shlex.quote(sys.executable)} -c {shlex.quote(program)}")
    run = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                          script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    assert outcome["reason"] == "disk_full", outcome
    assert "The disk is full" in outcome["error"]
    assert outcome["kept"] == 1                        # the first image arrived whole
    with community.database.session() as session:
        row = session.scalar(select(TeachingDownload))
        assert row.state is DownloadState.FAILED
        assert "disk is full" in row.error
        assert session.scalar(select(TeachingCase)) is None
