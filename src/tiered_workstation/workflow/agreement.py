"""How far a signed final report is from the preliminary it grew from.

The measure is the reviewer's own edit, character by character: Chinese has no spaces,
so a character is the unit, and spacing and punctuation do not count (a reviewer who
only tidies a comma agrees). The distance is Levenshtein's, normalised by the longer
text (0 the same, 1 nothing in common). From it a RADPEER-style grade is proposed,
which the reviewer confirms or changes at sign-off:

- agree: the impression is unchanged and the findings hardly (at most ``MINOR_FINDINGS``);
- major: most of the impression was rewritten (at least ``MAJOR_IMPRESSION``);
- minor: anything between.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from ..storage.enums import PeerReviewGrade

MINOR_FINDINGS = 0.10
MAJOR_IMPRESSION = 0.50
_SPACING = re.compile(r"\s+")


@dataclass(frozen=True)
class Agreement:
    findings_distance: float
    impression_distance: float
    impression_changed: bool
    proposed_grade: PeerReviewGrade


def comparable(text: str) -> str:
    """Text as the measure sees it: no spacing or punctuation, full-width folded, lower
    case (so ``"右肺结节。"`` and ``"右肺 结节"`` are the same)."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in _SPACING.sub("", folded)
                   if not unicodedata.category(c).startswith("P"))


def distance(old: str, new: str) -> float:
    """Normalised character edit distance of two report texts, 0 (same) to 1."""
    return float(Levenshtein.normalized_distance(comparable(old), comparable(new)))


def measure(prelim_findings: str, prelim_impression: str, final_findings: str,
            final_impression: str) -> Agreement:
    """Distances between the preliminary and the final, and the grade they suggest."""
    findings = distance(prelim_findings, final_findings)
    impression = distance(prelim_impression, final_impression)
    changed = comparable(prelim_impression) != comparable(final_impression)
    if not changed and findings <= MINOR_FINDINGS:
        grade = PeerReviewGrade.AGREE
    elif impression >= MAJOR_IMPRESSION:
        grade = PeerReviewGrade.MAJOR
    else:
        grade = PeerReviewGrade.MINOR
    return Agreement(round(findings, 4), round(impression, 4), changed, grade)
