"""Changes between two report versions, character by character, coloured."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from ...workflow.report_diff import DiffOp, DiffSegment, ReportDiff

INSERT_STYLE = "background:#d7f5dd;color:#0b5a1f;text-decoration:none;"
DELETE_STYLE = "background:#fbdada;color:#8a1111;text-decoration:line-through;"


def segments_html(segments: list[DiffSegment]) -> str:
    """Inserted text green, deleted text red and struck through; newlines kept."""
    parts = []
    for segment in segments:
        text = html.escape(segment.text).replace("\n", "<br/>")
        if segment.op is DiffOp.INSERT:
            parts.append(f'<span style="{INSERT_STYLE}">{text}</span>')
        elif segment.op is DiffOp.DELETE:
            parts.append(f'<span style="{DELETE_STYLE}">{text}</span>')
        else:
            parts.append(text)
    return "".join(parts)


class QtDiffView(QTextBrowser):
    """Findings and impression of one comparison."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportView")

    def show_diff(self, title: str, diff: ReportDiff, comment: str = "") -> None:
        comment_label = html.escape(self.tr("Reviewer’s comment"))
        no_changes = html.escape(self.tr("No changes."))
        findings = html.escape(self.tr("Findings"))
        impression = html.escape(self.tr("Impression"))
        note = (f'<p style="color:#5b6776">{comment_label}: {html.escape(comment)}</p>'
                if comment else "")
        unchanged = "" if diff.changed else f"<p><i>{no_changes}</i></p>"
        body = "font-size:15px;line-height:150%"
        self.setHtml(
            f"<h3>{html.escape(title)}</h3>{note}{unchanged}"
            f"<h4>{findings}</h4><p style='{body}'>{segments_html(diff.findings)}</p>"
            f"<h4>{impression}</h4><p style='{body}'>{segments_html(diff.impression)}</p>")
