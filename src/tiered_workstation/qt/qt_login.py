"""Login: user name and password checked against the site's argon2 hashes, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ..app.sign_in import Account, AuthenticationError
from ..storage.enums import Role
from .i18n import CHINESE, ENGLISH
from .labels import role_label
from .tasks import TaskRunner
from .widgets import dialog_card


@dataclass(frozen=True)
class SignedIn(Account):
    """Who is signed in, and in which of their roles they work now."""

    role: Role


LANGUAGE_CHANGED = 2  # the dialog's result when the user switched language: show it anew
LANGUAGE_NAMES = {CHINESE: "简体中文", ENGLISH: "English"}  # each in its own language


class QtLoginDialog(QDialog):
    """Asks for user name and password; ``logged_in`` carries the session.

    The language switch closes the dialog with ``LANGUAGE_CHANGED`` and the chosen
    language in ``language``; the caller installs it and shows a new dialog.
    """

    logged_in = Signal(object)

    def __init__(self, check: Callable[[str, str], Account], site_code: str, site_name: str,
                 tasks: TaskRunner, parent: QWidget | None = None, *,
                 language: str = ENGLISH) -> None:
        super().__init__(parent)
        self._check = check  # (user name, password) → the account, or AuthenticationError
        self._site_code = site_code
        self._tasks = tasks
        self._user: Account | None = None
        self.session: SignedIn | None = None
        self.language = language
        self.setWindowTitle(self.tr("Tiered Workstation — sign in"))
        self.setMinimumWidth(420)

        brand = QLabel(self.tr("Tiered Workstation"))
        brand.setObjectName("pageTitle")
        site = QLabel(f"{site_name} ({site_code})")
        site.setObjectName("muted")
        self.language_box = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.language_box.setToolTip(self.tr("Language"))
        self.language_box.activated.connect(self._switch_language)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("user name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("password"))
        self.role = QComboBox()
        self.role.hide()
        self.role_label = QLabel(self.tr("Work as"))
        self.role_label.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.sign_in = QPushButton(self.tr("Sign in"))
        self.sign_in.setObjectName("primary")
        self.sign_in.setDefault(True)
        self.sign_in.clicked.connect(self._submit)

        form = QFormLayout()
        form.addRow(self.tr("User"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.role_label, self.role)
        head = QHBoxLayout()
        head.addWidget(brand, 1)
        head.addWidget(self.language_box, 0, Qt.AlignmentFlag.AlignTop)
        dialog_card(self, head, site, 8, form, self.error,
                    (self.sign_in, Qt.AlignmentFlag.AlignRight))

    def _switch_language(self, index: int) -> None:
        chosen = self.language_box.itemData(index)
        if chosen != self.language:
            self.language = chosen
            self.done(LANGUAGE_CHANGED)

    def _submit(self) -> None:
        if self._user is not None:  # the second step: a role was chosen
            self._finish(self._user, Role(self.role.currentData()))
            return
        name, password = self.username.text().strip(), self.password.text()
        if not name or not password:
            self.error.setText(self.tr("Enter your user name and password."))
            return
        self.sign_in.setEnabled(False)
        self.error.setText(self.tr("Checking…"))
        self._tasks.db(self._check, name, password).success(
            self._on_user).failure(self._on_refused)

    def _on_user(self, user: Account) -> None:
        self.sign_in.setEnabled(True)
        self.error.clear()
        roles = list(user.working_roles)
        if not roles:
            self.error.setText(self.tr("This account has no role at this site; ask the "
                                       "administrator to give it one."))
            return
        if len(roles) == 1:
            self._finish(user, roles[0])
            return
        self._user = user
        self.role.clear()
        for role in roles:
            self.role.addItem(role_label(role), role.value)
        self.role.show()
        self.role_label.show()
        self.username.setEnabled(False)
        self.password.setEnabled(False)
        self.sign_in.setText(self.tr("Continue"))
        self.role.setFocus()

    def _on_refused(self, error: BaseException) -> None:
        self.sign_in.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(error, AuthenticationError):
            text = str(error)
            if text.startswith("Too many wrong passwords"):
                self.error.setText(self.tr("Too many wrong passwords: this account is locked "
                                           "for a while. An administrator can set a new "
                                           "password to unlock it."))
            else:
                self.error.setText(self.tr("Unknown user name or wrong password."))
        else:
            self.error.setText(self.tr("The site database cannot be read: {error}").format(
                error=error))

    def _finish(self, user: Account, role: Role) -> None:
        self.session = SignedIn(user.username, user.display_name, user.site_code, user.roles,
                                role)
        self.logged_in.emit(self.session)
        self.accept()
