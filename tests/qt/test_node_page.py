"""Node status: services listening, peers tested with a real C-ECHO, queue figures."""

from __future__ import annotations

import dataclasses
import socket

from tiered_workstation.config import NodeSettings, PeerKind, PeerNode
from tiered_workstation.qt.i18n import install_translators, remove_translators
from tiered_workstation.qt.qt_node_page import QtNodePage


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_services_peers_and_a_real_echo(qtbot, workstation, qapp) -> None:
    services = workstation.services
    own = services.settings.dicom
    # the site's own node registered as a peer of itself: its echo must answer
    peer_self = PeerNode(own.ae_title, "127.0.0.1", own.port, kind=PeerKind.NODE)
    nobody = PeerNode("NOBODY", "127.0.0.1", free_port(), kind=PeerKind.MODALITY)
    services.settings = dataclasses.replace(services.settings, peers=(peer_self, nobody))
    services.node.settings = NodeSettings.of(services.settings)
    with qtbot.waitSignal(workstation.node_started, timeout=20000):
        workstation.start_node(long_poll_seconds=1)
    page = QtNodePage(services, workstation.tasks, node_running=True)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10000) as refreshed:
        pass
    status = refreshed.args[0]
    assert status.services[0].listening
    assert page.services_table.item(0, 2).text() == "listening"
    assert page.summary.text() == "The node runs inside this app."

    page.peers_table.selectRow(0)
    with qtbot.waitSignal(page.checked, timeout=20000) as checked:
        page.test_button.click()
    assert checked.args[1].ok, checked.args[1].message
    assert page.peers_table.item(0, 4).text().startswith("OK in ")

    page.peers_table.selectRow(1)
    with qtbot.waitSignal(page.checked, timeout=20000) as checked:
        page.test_button.click()
    assert not checked.args[1].ok
    assert "No DICOM node answered" in checked.args[1].message
    assert page.peers_table.item(1, 4).text().startswith("Failed — ")
    assert "127.0.0.1" in page.peers_table.item(1, 4).text()

    translators = install_translators(qapp, "zh_CN")  # said in the desk's language
    try:
        chinese = QtNodePage(services, workstation.tasks, node_running=True)
        qtbot.addWidget(chinese)
        for row, words in ((0, "已应答"), (1, "没有 DICOM 节点应答")):
            chinese.peers_table.selectRow(row)
            with qtbot.waitSignal(chinese.checked, timeout=20000):
                chinese.test_button.click()
            text = chinese.peers_table.item(row, 4).text()
            assert words in text
            assert "answered" not in text
    finally:
        remove_translators(qapp, translators)
    workstation.shutdown()
