"""The task runner hands results to the GUI thread, and not to widgets already gone."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel

from tiered_workstation.qt.tasks import TaskRunner


def test_results_reach_the_gui_thread_but_not_a_deleted_widget(qtbot) -> None:
    tasks = TaskRunner()
    try:
        seen: list[tuple[str, bool]] = []
        gui = threading.get_ident()
        with qtbot.waitSignal(tasks._finished, timeout=5000):
            tasks.db(threading.get_ident).success(
                lambda worker: seen.append(("worker", worker != gui)))
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
        assert seen == [("worker", True)]

        gone, kept = QLabel(), QLabel()
        release = threading.Event()
        op_gone = tasks.db(lambda: (release.wait(5), "late")[1]).success(gone.setText)
        tasks.db(lambda: "shown").success(kept.setText)
        shiboken6.delete(gone)  # the page closed while its query ran
        release.set()
        qtbot.waitUntil(lambda: kept.text() == "shown", timeout=5000)
        assert op_gone.future is not None
        assert op_gone.future.result() == "late"  # it ran; only its handler was dropped
    finally:
        tasks.shutdown()
