"""The first start of a new site: make its first administrator, then sign in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ..app.first_admin import FirstAdminProblem, first_admin_problem
from .tasks import TaskRunner
from .widgets import dialog_card


class QtFirstAdminDialog(QDialog):
    """User name, name and password (twice) of the site's first administrator.

    ``create(username, display_name, password)`` runs in a database worker and
    returns a :class:`FirstAdminProblem` or None; the dialog accepts when it is done.
    """

    def __init__(self, create: Callable[..., FirstAdminProblem | None], site_code: str,
                 site_name: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._create = create
        self._tasks = tasks
        self.created: str | None = None
        self.setWindowTitle(self.tr("Tiered Workstation — first start"))
        self.setMinimumWidth(460)
        title = QLabel(self.tr("Welcome to Tiered Workstation"))
        title.setObjectName("pageTitle")
        site = QLabel(f"{site_name} ({site_code})")
        site.setObjectName("muted")
        intro = QLabel(self.tr(
            "This site has no accounts yet. Make its first administrator: they sign in "
            "next and add the other users (technicians, doctors, reviewers)."))
        intro.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. admin"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("e.g. 张伟 (IT)"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.make = QPushButton(self.tr("Create administrator"))
        self.make.setObjectName("primary")
        self.make.setDefault(True)
        self.make.clicked.connect(self._submit)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        dialog_card(self, title, site, 6, intro, 6, form, self.error,
                    (self.make, Qt.AlignmentFlag.AlignRight))

    def problem_text(self, problem: FirstAdminProblem) -> str:
        return {
            FirstAdminProblem.USERNAME: self.tr(
                "The user name needs 2 to 32 lower-case letters, digits, '.', '_' or '-', "
                "starting with a letter."),
            FirstAdminProblem.SHORT_PASSWORD: self.tr(
                "The password must have at least 8 characters."),
            FirstAdminProblem.PLAIN_PASSWORD: self.tr(
                "The password must mix letters with digits or symbols."),
            FirstAdminProblem.PASSWORDS_DIFFER: self.tr("The two passwords differ."),
            FirstAdminProblem.ALREADY_DONE: self.tr(
                "Someone has made an account here meanwhile: sign in with it."),
        }[problem]

    def _submit(self) -> None:
        username = self.username.text().strip()
        problem = first_admin_problem(username, self.password.text(), self.repeat.text())
        if problem is not None:
            self.error.setText(self.problem_text(problem))
            return
        self.make.setEnabled(False)
        self.error.setText(self.tr("Creating…"))
        self._tasks.db(self._create, username=username,
                       display_name=self.display_name.text(),
                       password=self.password.text()).success(
            lambda result: self._done(username, result)).failure(self._failed)

    def _done(self, username: str, problem: FirstAdminProblem | None) -> None:
        self.make.setEnabled(True)
        if problem is not None:
            self.error.setText(self.problem_text(problem))
            if problem is FirstAdminProblem.ALREADY_DONE:
                self.reject()
            return
        self.created = username
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.make.setEnabled(True)
        self.error.setText(self.tr("The account could not be made: {error}").format(
            error=error))
