"""How far a signed final report is from the preliminary it grew from.

The measure is the reviewer's own edit, character by character: Chinese has no spaces,
so a character is the unit, and spacing and punctuation do not count (a reviewer who
only tidies a comma agrees). The distance is Levenshtein's, normalised by the longer
text (0 the same, 1 nothing in common). From it a RADPEER-style grade is proposed,
which the reviewer confirms or changes at sign-off:

- agree: the impression's interpretation is unchanged and the findings hardly (at most
  ``MINOR_FINDINGS``);
- major: most of the interpretation was rewritten (at least ``MAJOR_IMPRESSION``), and
  not only by adding to it: at least ``MAJOR_LOST`` of what the reader wrote is gone;
- minor: anything between.

The interpretation is the impression without its advice: a clause that recommends
(建议…, 请结合临床, 随访, 复查, 必要时…) says what to do next, not what the image shows,
so a reviewer who only adds "建议抗炎治疗后复查" agrees with the reading. The distances
reported are of the whole texts, advice included.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq, Levenshtein

from ..storage.enums import PeerReviewGrade

MINOR_FINDINGS = 0.10
MAJOR_IMPRESSION = 0.50
MAJOR_LOST = 0.30
_SPACING = re.compile(r"\s+")
_CLAUSES = re.compile(r"[，。；;,.!?！？\n]+")
ADVICE = ("建议", "请", "必要时", "随访", "复查", "结合临床", "注意")


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


def lost(old: str, new: str) -> float:
    """The share of ``old`` that ``new`` does not keep (in order): 0 when the reviewer only
    added, 1 when nothing of it is left."""
    before, after = comparable(old), comparable(new)
    return 1 - LCSseq.similarity(before, after) / len(before) if before else 0.0


def interpretation(impression: str) -> str:
    """The impression without its advice clauses (see the module's doc)."""
    clauses = (c.strip() for c in _CLAUSES.split(unicodedata.normalize("NFKC", impression)))
    return "，".join(c for c in clauses if c and not c.startswith(ADVICE))


def measure(prelim_findings: str, prelim_impression: str, final_findings: str,
            final_impression: str) -> Agreement:
    """Distances between the preliminary and the final, and the grade they suggest."""
    findings = distance(prelim_findings, final_findings)
    impression = distance(prelim_impression, final_impression)
    read, signed = interpretation(prelim_impression), interpretation(final_impression)
    read_as = distance(read, signed)
    changed = read_as > 0
    if not changed and findings <= MINOR_FINDINGS:
        grade = PeerReviewGrade.AGREE
    elif read_as >= MAJOR_IMPRESSION and lost(read, signed) >= MAJOR_LOST:
        grade = PeerReviewGrade.MAJOR
    else:
        grade = PeerReviewGrade.MINOR
    return Agreement(round(findings, 4), round(impression, 4), changed, grade)
