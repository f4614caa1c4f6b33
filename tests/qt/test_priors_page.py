"""Comparison with a prior at a community: the viewer lists the patient's prior from the
center, fetches it by C-MOVE over mutual TLS and shows it beside the current study,
linked."""

from __future__ import annotations

from pathlib import Path

from sync.conftest import Consortium
from sync.test_priors import PERSON, store_prior_at_center
from tiered_workstation.dicom.synth import Demographics, ct_series
from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.qt.qt_login import SignedIn
from tiered_workstation.storage.enums import Role

WAIT_MS = 60_000


def test_prior_from_the_center_opens_beside_the_current_study(
        qtbot, consortium: Consortium, tmp_path: Path) -> None:
    community = consortium.community
    prior_uid = store_prior_at_center(consortium, tmp_path / "prior")
    current = tmp_path / "current"
    current.mkdir()
    for n, ds in enumerate(ct_series(Demographics(**PERSON), slices=4, size=64)):
        ds.save_as(current / f"{n}.dcm", enforce_file_format=True)

    community.node.start()
    station = QtWorkstation(community, settings_store("CM01", tmp_path / "ui.ini"))
    try:
        window = station.open_main_window(
            SignedIn("doc.li", "李医生", "CM01", (Role.COMMUNITY_DOCTOR,),
                    Role.COMMUNITY_DOCTOR))
        qtbot.addWidget(window)
        window.show_page("viewer")
        viewer = window.pages["viewer"]
        viewer.open([current])
        qtbot.waitUntil(lambda: viewer.priors.box.count() == 2, timeout=WAIT_MS)
        assert "CT 头颅平扫" in viewer.priors.box.itemText(1)
        assert "(CH01)" in viewer.priors.box.itemText(1)
        shown: list[str] = []   # what the progress bar said at each report
        viewer.priors.heard.connect(
            lambda _p: shown.append(viewer.priors.progress.format()))
        viewer.priors.box.activated.emit(1)
        assert not viewer.priors.progress.isHidden()
        assert not viewer.priors.box.isEnabled()        # one retrieval at a time
        qtbot.waitUntil(lambda: len(viewer.views) > 1 and viewer.views[1].image is not None,
                        timeout=WAIT_MS)
        assert shown[0] == "Asking the center…"
        assert "Center sent 3 of 3 images" in shown
        assert shown[-1] == "Archived 3 of 3 images"
        assert viewer.priors.progress.isHidden()
        assert viewer.priors.box.isEnabled()
        assert str(viewer.views[1].image.header.StudyInstanceUID) == prior_uid
        assert viewer.link_button.isChecked()
        assert viewer.layout_box.currentData() == "1x2"
    finally:
        station.release()
