"""What must vanish from a teaching case, and removing it from free text.

A patient's name reaches us in many forms: the DICOM PN components (alphabetic,
ideographic, phonetic), with or without the ``^`` and spaces, in pinyin of any case.
Report text and presentation-state labels are scrubbed of every form, of the IDs
(patient ID, record number, admission ID, accession) and of the birth date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from pydicom.dataset import Dataset
from pydicom.valuerep import PersonName

NAME_PLACEHOLDER = "[患者]"
ID_PLACEHOLDER = "[编号]"
DATE_PLACEHOLDER = "[日期]"
# ISO 2022 designations left in decoded text (ESC $ ) A before GB 2312, ESC ( B after)
_ESCAPES = re.compile(r"\x1b[\x20-\x2f]+[\x30-\x7e]")


def strip_escapes(text: str) -> str:
    """Text without ISO 2022 escape sequences (meaningless once the text is Unicode)."""
    return _ESCAPES.sub("", text)


@dataclass(frozen=True)
class CaseIdentities:
    """The names, identifiers and birth date of the patient a case came from."""

    names: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()
    birth_date: date | None = None
    _patterns: list[tuple[re.Pattern[str], str]] = field(default_factory=list, compare=False,
                                                         repr=False)

    @classmethod
    def of(cls, *, names: Iterable[str] = (), identifiers: Iterable[str] = (),
           birth_date: date | None = None) -> CaseIdentities:
        variants = sorted({v for n in names for v in name_variants(n)}, key=len, reverse=True)
        ids = sorted({i.strip() for i in identifiers if i and len(i.strip()) >= 2},
                     key=len, reverse=True)
        return cls(tuple(variants), tuple(ids), birth_date)

    @classmethod
    def from_dataset(cls, ds: Dataset, *, names: Iterable[str] = (),
                     identifiers: Iterable[str] = ()) -> CaseIdentities:
        """The identities a dataset carries (before de-identification), plus any known
        from the registration (record number, admission ID, the Chinese name)."""
        found_names = list(names)
        pn = ds.get("PatientName")
        if pn:
            person = pn if isinstance(pn, PersonName) else PersonName(str(pn))
            found_names += [person.alphabetic, person.ideographic, person.phonetic]
        for keyword in ("OtherPatientNames", "PatientBirthName", "PatientMotherBirthName"):
            value = ds.get(keyword)
            if value:
                found_names += [str(v) for v in (value if isinstance(value, list) else [value])]
        found_ids = list(identifiers)
        for keyword in ("PatientID", "AccessionNumber", "AdmissionID", "OtherPatientIDs",
                        "StudyID", "MedicalRecordLocator"):
            value = ds.get(keyword)
            if value:
                found_ids += [str(v) for v in (value if isinstance(value, list) else [value])]
        birth = None
        raw = str(ds.get("PatientBirthDate", "") or "")
        if re.fullmatch(r"\d{8}", raw):
            birth = date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
        return cls.of(names=found_names, identifiers=found_ids, birth_date=birth)

    def scrub(self, text: str) -> str:
        """``text`` with every form of the names, the identifiers and the birth date
        replaced by neutral placeholders."""
        if not text:
            return text
        text = strip_escapes(text)
        for pattern, placeholder in self._compiled():
            text = pattern.sub(placeholder, text)
        return text

    def _compiled(self) -> list[tuple[re.Pattern[str], str]]:
        if not self._patterns:
            patterns = self._patterns
            for name in self.names:
                patterns.append((_loose(name), NAME_PLACEHOLDER))
            for ident in self.identifiers:
                patterns.append((re.compile(re.escape(ident), re.IGNORECASE), ID_PLACEHOLDER))
            if self.birth_date:
                d = self.birth_date
                forms = [f"{d:%Y%m%d}", f"{d:%Y-%m-%d}", f"{d:%Y/%m/%d}", f"{d:%Y.%m.%d}",
                         f"{d.year}年{d.month}月{d.day}日", f"{d.year}年{d:%m}月{d:%d}日"]
                patterns.append((re.compile("|".join(re.escape(f) for f in forms)),
                                 DATE_PLACEHOLDER))
        return self._patterns


def name_variants(name: str) -> set[str]:
    """The forms one PN component is written in: ``ZHANG^WEI`` also as ``ZHANG WEI``,
    ``ZHANGWEI`` and ``WEI ZHANG``; ``张^伟`` also as ``张伟``."""
    name = strip_escapes(str(name or "")).strip().rstrip("^")
    if not name:
        return set()
    parts = [p.strip() for p in re.split(r"[\^\s]+", name) if p.strip()]
    variants = {name, " ".join(parts), "".join(parts), "^".join(parts)}
    if len(parts) >= 2:
        variants.add(" ".join(reversed(parts[:2])))
        variants.add("".join(reversed(parts[:2])))
    # one CJK character alone (a surname) would scrub every other 张 in the report
    return {v for v in variants if len(v) >= 2}


def _loose(name: str) -> re.Pattern[str]:
    """A name with optional spaces between its characters, case-insensitive: 张 伟, Zhang Wei."""
    chars = [re.escape(c) for c in name if not c.isspace()]
    return re.compile(r"\s*".join(chars), re.IGNORECASE)
