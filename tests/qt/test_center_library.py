"""A community doctor's library page: the center's library online beside the cases on
this computer; a case downloaded with a progress bar, then opened with no center."""

from __future__ import annotations

from pathlib import Path

import pydicom

from sync.conftest import Consortium
from sync.teaching_cases import seed_case
from tiered_workstation.qt.qt_login import SignedIn
from tiered_workstation.qt.tasks import TaskRunner
from tiered_workstation.qt.teaching.qt_center_library import QtCenterLibrary
from tiered_workstation.qt.teaching.qt_library_page import QtLibraryPage
from tiered_workstation.storage.enums import Role
from tiered_workstation.workflow.actors import Actor

DOCTOR = SignedIn("dr.wang", "王医生", "CM01", (Role.COMMUNITY_DOCTOR,), Role.COMMUNITY_DOCTOR)


def test_download_a_case_with_progress_then_study_it_offline(
        qtbot, consortium: Consortium, tmp_path: Path) -> None:
    uid = seed_case(consortium.center, "右肺上叶周围型肺癌", "CHEST")
    stone = seed_case(consortium.center, "肾结石", "ABDOMEN", files=1)
    community = consortium.community
    actor = Actor("dr.wang", Role.COMMUNITY_DOCTOR, "CM01", "王医生")
    tasks = TaskRunner()
    try:
        center = QtCenterLibrary(lambda p: community.teaching_downloader(actor, p), tasks,
                                 relay=community.lesson_relay)
        page = QtLibraryPage(community.teaching_desk, DOCTOR, tasks, center=center)
        qtbot.addWidget(page)
        page.resize(1300, 760)
        page.sources.setCurrentWidget(center)
        qtbot.waitUntil(lambda: center.table.rowCount() == 2, timeout=20_000)
        assert page.table.rowCount() == 0                 # nothing on this computer yet
        opened = []
        page.open_requested.connect(opened.append)
        center.table.selectRow([c.uid for c in center.cards].index(stone))
        center.look_online()                                # looked at, not kept
        qtbot.waitUntil(lambda: page.case is not None, timeout=20_000)
        assert page.case.summary.uid == stone
        assert not page.case.summary.offline
        qtbot.waitUntil(lambda: page.lessons.count() == 1, timeout=10_000)
        assert page.play_button.isEnabled()
        player = page.play_lesson()                         # streamed, through the relay
        qtbot.waitUntil(lambda: player.player.duration() > 30_000, timeout=20_000)
        assert player.player.source().scheme() == "http"
        assert player.player.source().host() == "127.0.0.1"
        player.close()
        page.open_images()
        qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
        assert pydicom.dcmread(opened[0][0]).Modality == "CT"
        assert str(opened[0][0]).startswith(str(community.vault.memory_folder()))
        assert page.table.rowCount() == 0
        opened.clear()
        row = [c.uid for c in center.cards].index(uid)
        center.table.selectRow(row)
        assert center.download_button.isEnabled()
        moved = []
        center._relay.moved.connect(lambda p: moved.append(p.bytes_done))
        with qtbot.waitSignal(center.downloaded, timeout=30_000) as done:
            center.download_case()
            assert center.progress.isVisibleTo(center)
            assert not center.download_button.isEnabled()
        assert done.args == [[uid]]
        assert center.progress.value() == 1000
        assert len(moved) > 3
        assert "kept for offline study" in center.status.text()
        page.grab().save(str(tmp_path / "center-library.png"))

        qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
        assert center.table.item(row, 5).text() == "✓ offline"
        center.table.selectRow(row)
        center.look_online()                                # here already: no network
        assert "is on this computer" in center.status.text()
        center.table.selectAll()                           # several cases at once
        with qtbot.waitSignal(center.downloaded, timeout=30_000) as both:
            center.download_case()
        assert sorted(both.args[0]) == sorted([uid, stone])

        consortium.center.close()                          # the link is gone: study offline
        qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
        page.sources.setCurrentIndex(0)
        page.table.selectRow([c.uid for c in page.cases].index(uid))
        qtbot.waitUntil(lambda: page.case.summary.uid == uid, timeout=10_000)
        assert page.case.summary.offline
        page.take_quiz()
        qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
        assert len(opened[0]) == 2
        assert pydicom.dcmread(opened[0][0]).Modality == "CT"

        center.refresh()                                   # and the center says why it is not there
        qtbot.waitUntil(lambda: "cannot be used now" in center.status.text(), timeout=20_000)
        assert "The center cannot be reached." in center.status.text()  # in words
        assert "127.0.0.1" in center.status.toolTip()                  # details on hover
    finally:
        tasks.shutdown(wait=True)
