"""Errors for people: a non-modal strip saying what went wrong and what to do.

The same problem from the same source is shown once with a count; a problem
that has not recurred for ``FORGET_AFTER`` is taken to have passed. Details
stay in the log viewer ("Details" opens it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..problems import ProblemKind
from .log_capture import LogEntry, QtLogCapture
from .problem_words import SERIOUS, problem_words

FORGET_AFTER = timedelta(minutes=15)


@dataclass
class ActiveProblem:
    key: tuple[str, str]
    kind: ProblemKind
    facts: dict[str, str]
    first_at: datetime
    last_at: datetime
    count: int = 1


class QtProblemCenter(QObject):
    """The problems currently worth a person's attention, newest last."""

    changed = Signal()

    def __init__(self, capture: QtLogCapture, parent: QObject | None = None, *,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(parent)
        self._clock = clock
        self.active: dict[tuple[str, str], ActiveProblem] = {}
        capture.problem_reported.connect(self.report)
        self._sweeper = QTimer(self)
        self._sweeper.setInterval(60_000)
        self._sweeper.timeout.connect(self.forget_old)
        self._sweeper.start()

    def report(self, entry: LogEntry) -> None:
        assert entry.problem is not None
        source = entry.facts.get("peer") or entry.facts.get("address") or ""
        key = (entry.problem.value, source)
        now = self._clock()
        known = self.active.pop(key, None)  # re-inserted: the newest is last
        if known is None:
            known = ActiveProblem(key, entry.problem, entry.facts, now, now, 0)
        known.count += 1
        known.last_at = now
        known.facts = entry.facts
        self.active[key] = known
        self.changed.emit()

    def dismiss(self, key: tuple[str, str] | None = None) -> None:
        """Forget one problem (the newest without ``key``)."""
        if not self.active:
            return
        self.active.pop(key if key is not None else next(reversed(self.active)), None)
        self.changed.emit()

    def forget_old(self) -> None:
        cutoff = self._clock() - FORGET_AFTER
        stale = [k for k, p in self.active.items() if p.last_at < cutoff]
        for key in stale:
            del self.active[key]
        if stale:
            self.changed.emit()

    @property
    def newest(self) -> ActiveProblem | None:
        return next(reversed(self.active.values()), None)


class QtProblemBar(QFrame):
    """The newest problem in words, what to do, how many others; Details and Dismiss."""

    details_requested = Signal(object)  # ActiveProblem

    def __init__(self, center: QtProblemCenter, parent: QWidget | None = None, *,
                 tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemBar")
        self._center = center
        self._tz = tz  # the site's zone, as the board's times (None: the machine's)
        self.headline = QLabel()
        self.headline.setObjectName("problemHeadline")
        self.headline.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setObjectName("problemAdvice")
        self.advice.setWordWrap(True)
        self.details = QPushButton(self.tr("Details"))
        self.details.clicked.connect(self._details)
        self.dismiss = QPushButton(self.tr("Dismiss"))
        self.dismiss.clicked.connect(lambda: center.dismiss())
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.headline)
        words.addWidget(self.advice)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(words, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.dismiss)
        center.changed.connect(self.refresh)
        self.hide()

    def refresh(self) -> None:
        problem = self._center.newest
        if problem is None:
            self.hide()
            return
        what, todo = problem_words(problem.kind, problem.facts)
        what = what.rstrip(".。")  # the time follows in brackets
        local = problem.last_at.astimezone(self._tz)
        when = local.strftime("%H:%M")
        if problem.count > 1:
            what = self.tr("{what} ({count} times, last at {when})").format(
                what=what, count=problem.count, when=when)
        else:
            what = self.tr("{what} (at {when})").format(what=what, when=when)
        others = len(self._center.active) - 1
        if others:
            todo = self.tr("{todo}  ·  %n other problem(s)", "", others).format(todo=todo)
        self.headline.setText(what)
        self.advice.setText(todo)
        self.setProperty("serious", problem.kind in SERIOUS)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()

    def _details(self) -> None:
        problem = self._center.newest
        if problem is not None:
            self.details_requested.emit(problem)
