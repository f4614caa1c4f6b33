"""Light and dark looks: a calm, dense, clinical palette and one style sheet.

Reading rooms are dim, so the dark theme is a first-class citizen. Colours are
chosen for contrast of small text (WCAG AA on the table's body text).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

LIGHT, DARK = "light", "dark"


@dataclass(frozen=True)
class Colours:
    window: str
    surface: str
    alternate: str
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str
    sidebar: str
    sidebar_text: str
    sidebar_active: str
    selection: str


THEMES = {
    LIGHT: Colours(window="#f3f5f8", surface="#ffffff", alternate="#f7f9fb", text="#1d2733",
                   muted="#5b6775", border="#d5dbe3", accent="#1d6fb8", accent_text="#ffffff",
                   sidebar="#15283d", sidebar_text="#c9d6e3", sidebar_active="#2b6cb0",
                   selection="#d7e8f8"),
    DARK: Colours(window="#12161c", surface="#1a2029", alternate="#1e2530", text="#e3e8ee",
                  muted="#98a4b3", border="#2c3542", accent="#4c9be8", accent_text="#0d1117",
                  sidebar="#0b0f14", sidebar_text="#aab6c4", sidebar_active="#2b6cb0",
                  selection="#24415f"),
}


def apply_theme(app: QApplication, name: str) -> None:
    """Give ``app`` the palette and style sheet of theme ``name`` (light or dark)."""
    c = THEMES.get(name, THEMES[LIGHT])
    app.setStyle("Fusion")
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window, QPalette.ColorRole.Base: c.surface,
        QPalette.ColorRole.AlternateBase: c.alternate, QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.WindowText: c.text, QPalette.ColorRole.Button: c.surface,
        QPalette.ColorRole.ButtonText: c.text, QPalette.ColorRole.Highlight: c.selection,
        QPalette.ColorRole.HighlightedText: c.text, QPalette.ColorRole.ToolTipBase: c.surface,
        QPalette.ColorRole.ToolTipText: c.text, QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Link: c.accent,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    font = QFont()
    font.setFamilies(["Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
                      "PingFang SC", "DejaVu Sans", "Sans Serif"])
    font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(style_sheet(c))
    app.setProperty("tw_theme", name if name in THEMES else LIGHT)


def style_sheet(c: Colours) -> str:
    return f"""
QMainWindow, QDialog {{ background: {c.window}; }}
QWidget#sidebar {{ background: {c.sidebar}; }}
QLabel#brand {{ color: #ffffff; font-size: 15px; font-weight: 700; padding: 14px 16px 2px 16px; }}
QLabel#brandSite {{ color: {c.sidebar_text}; font-size: 12px; padding: 0 16px 12px 16px; }}
QListWidget#navigation {{ background: {c.sidebar}; border: none; color: {c.sidebar_text};
    font-size: 13px; outline: 0; }}
QListWidget#navigation::item {{ padding: 9px 16px; border-left: 3px solid transparent; }}
QListWidget#navigation::item:selected {{ background: rgba(255,255,255,0.08); color: #ffffff;
    border-left: 3px solid {c.sidebar_active}; }}
QListWidget#navigation::item:hover:!selected {{ background: rgba(255,255,255,0.04); }}
QLabel#navSection {{ color: #7f93a8; font-size: 11px; font-weight: 600;
    padding: 14px 16px 4px 16px; }}
QLabel#userBox {{ color: {c.sidebar_text}; font-size: 12px; padding: 10px 16px; }}
QLabel#pageTitle {{ font-size: 18px; font-weight: 600; color: {c.text}; }}
QLabel#muted, QLabel#counts {{ color: {c.muted}; }}
QLabel#sectionHeading {{ color: {c.muted}; font-size: 11px; font-weight: 700;
    text-transform: uppercase; padding-top: 8px; }}
QLabel#drawerTitle {{ font-size: 16px; font-weight: 600; }}
QFrame#drawer, QFrame#card {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 6px; }}
QFrame#banner {{ border-radius: 6px; padding: 2px; }}
QFrame#headerBar {{ background: {c.surface}; border-bottom: 1px solid {c.border}; }}
QTableView, QTreeWidget, QListWidget {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 4px; gridline-color: {c.border};
    selection-background-color: {c.selection}; selection-color: {c.text}; }}
QTableView::item {{ padding: 0 6px; }}
QHeaderView::section {{ background: {c.alternate}; color: {c.muted}; border: none;
    border-bottom: 1px solid {c.border}; padding: 6px; font-weight: 600; }}
QAbstractSpinBox {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 4px;
    padding-left: 6px; min-height: 26px; color: {c.text}; }}
QLineEdit, QComboBox, QPlainTextEdit, QTextEdit {{
    background: {c.surface}; border: 1px solid {c.border}; border-radius: 4px;
    padding: 5px 8px; min-height: 20px; color: {c.text}; }}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QAbstractSpinBox:focus {{
    border: 1px solid {c.accent}; }}
QLineEdit[invalid="true"] {{ border: 1px solid #b3261e; }}
QPushButton {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 4px;
    padding: 6px 14px; color: {c.text}; }}
QPushButton:hover {{ border-color: {c.accent}; }}
QPushButton#primary {{ background: {c.accent}; color: {c.accent_text}; border: none;
    font-weight: 600; }}
QPushButton#primary:disabled {{ background: {c.border}; color: {c.muted}; }}
QToolButton {{ border: none; padding: 4px; color: {c.muted}; }}
QWidget#viewerTools QToolButton {{ border: 1px solid transparent; border-radius: 4px; }}
QWidget#viewerTools QToolButton:hover {{ border-color: {c.border}; }}
QWidget#viewerTools QToolButton:checked {{ background: {c.selection}; border-color: {c.accent}; }}
QLabel#error, QLabel#fieldError {{ color: #d23b30; }}
QLabel#fieldError {{ font-size: 12px; }}
QLabel#chip {{ background: {c.selection}; color: {c.text}; border-radius: 10px;
    padding: 3px 10px; }}
QFrame#problemBar {{ background: #fff4e0; border-bottom: 1px solid #f0c36d; }}
QFrame#problemBar[serious="true"] {{ background: #fde7e5; border-bottom: 1px solid #e8a29b; }}
QLabel#problemHeadline {{ color: #5c3b00; font-weight: 600; }}
QFrame#problemBar[serious="true"] QLabel#problemHeadline {{ color: #8c1d18; }}
QLabel#problemAdvice {{ color: #4a4a4a; }}
QPlainTextEdit#logDetails {{ font-family: "DejaVu Sans Mono", monospace; font-size: 12px; }}
QLabel#outcome {{ background: {c.selection}; color: {c.text}; border-radius: 6px;
    padding: 8px 12px; }}
QLabel#outcome[error="true"] {{ background: #fbe3e1; color: #8c1d18; }}
QLabel#scanPreview {{ background: {c.alternate}; border: 1px solid {c.border};
    border-radius: 4px; color: {c.muted}; }}
QStatusBar {{ background: {c.surface}; border-top: 1px solid {c.border}; color: {c.muted}; }}
"""
