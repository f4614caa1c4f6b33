"""The Reading desk's Consultation tab: the thread with the expert group, a reply box
and the conclusion.  Its words keep the desk's translation context."""

from __future__ import annotations

import html
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...review.reading import ReportView


class QtConsultationPanel(QWidget):
    """Shows an exam's consultation; the page wires Send and Record conclusion."""

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self.thread = QTextBrowser()
        self.thread.setObjectName("reportView")
        self.reply = QLineEdit()
        self.reply.setPlaceholderText(QCoreApplication.translate(
            "QtReadingPage", "Your opinion for the expert group"))
        self.post_button = QPushButton(QCoreApplication.translate("QtReadingPage", "Send"))
        self.conclude_button = QPushButton(QCoreApplication.translate(
            "QtReadingPage", "Record conclusion"))
        reply_row = QHBoxLayout()
        reply_row.addWidget(self.reply, 1)
        reply_row.addWidget(self.post_button)
        reply_row.addWidget(self.conclude_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.thread, 1)
        layout.addLayout(reply_row)

    def show_thread(self, view: ReportView) -> None:
        parts = []
        for message in view.messages:
            conclusion = QCoreApplication.translate("QtReadingPage", "Conclusion")
            tag = f" <b>[{html.escape(conclusion)}]</b>" if message.conclusion else ""
            parts.append(f"<p><b>{html.escape(message.author)}</b> "
                         f"<span style='color:#5b6776'>"
                         f"{message.at.astimezone(self._tz):%m-%d %H:%M}</span>{tag}<br/>"
                         f"{html.escape(message.text)}</p>")
        none = QCoreApplication.translate("QtReadingPage", "No consultation.")
        self.thread.setHtml("".join(parts) or f"<p>{html.escape(none)}</p>")
