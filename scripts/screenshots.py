"""Render every page of the desktop app to PNG, in English and Chinese, at two sizes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

A center site with a busy morning (``app/demo_board.py``) is created in a
temporary folder; nothing else is touched.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from tiered_workstation.app.alerts import AlertKind
from tiered_workstation.app.bootstrap import bootstrap
from tiered_workstation.app.demo_board import seed_board
from tiered_workstation.app.site_setup import InitRequest, init_site
from tiered_workstation.config import load_settings
from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.qt.i18n import install_translators
from tiered_workstation.qt.qt_login import Session
from tiered_workstation.qt.theme import DARK, LIGHT, apply_theme
from tiered_workstation.storage.enums import Role

SIZES = ((1440, 900), (1920, 1080))
PEERS = [{"ae_title": "DR01", "host": "127.0.0.1", "port": 1, "kind": "modality",
          "charset": "GB18030"},
         {"ae_title": "CM01_PACS", "host": "127.0.0.1", "port": 2, "kind": "node",
          "site": "CM01", "tls": True}]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def settle(app: QApplication, until=None, seconds: float = 10.0) -> None:
    """Process events until ``until()`` holds (or, without it, for ``seconds``)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if until is not None and until():
            return
        time.sleep(0.02)
    if until is not None:
        raise RuntimeError("the page did not finish loading")


def save(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        _, config = init_site(InitRequest(mode="center", site_code="CH01",
                                          data_dir=Path(tmp) / "center",
                                          name="市中心医院 City Center Hospital",
                                          dicom_port=free_port(), api_port=free_port(),
                                          extra={"peers": PEERS}))
        services = bootstrap(load_settings(config))
        seed_board(services, datetime.now(UTC).replace(microsecond=0))
        session = Session("rev.chest", "刘主任", "CH01", (Role.REVIEWER,), Role.REVIEWER)
        try:
            for language in ("en", "zh_CN"):
                translators = install_translators(app, language)
                for theme in (LIGHT, DARK):
                    apply_theme(app, theme)
                    shoot(app, services, session, language, theme, Path(tmp), args.out)
                for translator in translators:
                    app.removeTranslator(translator)
        finally:
            services.close()


def shoot(app: QApplication, services, session: Session, language: str, theme: str,
          tmp: Path, out: Path) -> None:
    station = QtWorkstation(services, settings_store("CH01", tmp / f"ui-{language}.ini"))
    station.start_node(long_poll_seconds=1)
    settle(app, lambda: station.node_running)
    try:
        if theme == LIGHT:
            dialog = station.login_dialog()
            dialog.resize(460, 300)
            dialog.username.setText("rev.chest")
            save(dialog, out / f"login-{language}.png")
        window = station.open_main_window(session)
        board = window.pages["status"]
        settle(app, lambda: board.proxy.rowCount() > 0)
        sizes = SIZES if theme == LIGHT else SIZES[:1]
        for width, height in sizes:
            window.resize(width, height)
            window.show()
            board.close_drawer()
            settle(app, seconds=0.2)
            suffix = f"{language}-{width}x{height}" + ("" if theme == LIGHT else "-dark")
            save(window, out / f"status-{suffix}.png")
            board.table.selectRow(4)
            settle(app, lambda: board.drawer.isVisible())
            settle(app, seconds=0.3)
            save(window, out / f"status-drawer-{suffix}.png")
        if theme == LIGHT:
            window.resize(*SIZES[0])
            board.close_drawer()
            urgent = next(r for r in board.model.rows() if r.priority.value != "routine")
            station.alerts._raise(AlertKind.NEW_EXAM, urgent, {"CM01": "第一社区卫生服务中心"})
            settle(app, seconds=0.3)
            save(window, out / f"status-alert-{language}-{SIZES[0][0]}x{SIZES[0][1]}.png")
            station.alerts.acknowledge()
            window.show_page("node")
            node = window.pages["node"]
            settle(app, lambda: node.services_table.rowCount() > 0)
            node.peers_table.selectRow(0)
            node.test_button.click()
            settle(app, lambda: node.peers_table.item(0, 4).text().startswith(("OK", "Fail",
                                                                                "成功", "失败")))
            save(window, out / f"node-{language}-{SIZES[0][0]}x{SIZES[0][1]}.png")
            window.show_page("status")
            admin = station.open_main_window(Session("admin", "系统管理员", "CH01",
                                                     (Role.ADMIN,), Role.ADMIN))
            admin.resize(*SIZES[0])
            admin.show_page("settings")
            admin.show()
            settle(app, seconds=0.3)
            save(admin, out / f"settings-{language}-{SIZES[0][0]}x{SIZES[0][1]}.png")
            admin.close()
        window.close()
    finally:
        station.bridge.close()
        station.tasks.shutdown()
        services.node.stop()


if __name__ == "__main__":
    main()
