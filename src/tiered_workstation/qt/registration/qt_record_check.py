"""The registration desk's second look at a typed record number: a number unlike the
site's pattern is shown once as a warning (pressing Register again keeps it), and a
number the database refused is said at the field."""

from __future__ import annotations

from datetime import date

from ...registration.form import FormCheck, Problem
from ...registration.service import RecordNumberTaken
from ...workflow.identifiers import format_record_number
from .qt_field_rows import FieldRows, record_number_words

KEY = "record_number"


class RecordNumberCheck:
    """Remembers which typed number the clerk has already been warned about."""

    def __init__(self, rows: FieldRows, pattern: str, site_code: str) -> None:
        self._rows = rows
        self.pattern = pattern
        self.site_code = site_code
        self._warned = ""

    def reset(self) -> None:
        self._warned = ""

    def stops(self, check: FormCheck, typed: str, today: date) -> bool:
        """Whether to stop at a warning not shown for this number yet (and show it)."""
        problem = check.warnings.get(KEY)
        number = typed.strip()
        if problem is None or number == self._warned:
            return False
        self._warned = number
        example = format_record_number(self.pattern, self.site_code, today, 1)
        self._rows.say(KEY, record_number_words(problem, example=example))
        return True

    def refused(self, exc: BaseException) -> bool:
        """Say a refused record number at its field; False if ``exc`` is something else."""
        if not isinstance(exc, RecordNumberTaken):
            return False
        if exc.known:
            text = record_number_words(Problem.RECORD_NUMBER_OTHER, known=exc.known)
        else:
            text = record_number_words(Problem.RECORD_NUMBER_TAKEN,
                                       other_patient=exc.other_patient)
        self._rows.say(KEY, text)
        return True
