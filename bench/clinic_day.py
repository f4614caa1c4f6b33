"""A working morning end to end: 50 exams across two communities and the center.

    .venv/bin/python bench/clinic_day.py [--exams 50] [--speed 60]

Real nodes on loopback (sync over mutual TLS, DICOM TLS forwarding with storage
commitment, auto-print); simulated clerks, DR console, triage, readers and
reviewers act with realistic think times compressed ×speed.  Prints the
turnaround distribution in clinic minutes against the paper's 30-minute target
and checks that every exam printed exactly once.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tiered_workstation.demo.clinic_day import run_clinic_day


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exams", type=int, default=50)
    parser.add_argument("--speed", type=float, default=60.0)
    parser.add_argument("--arrival-minutes", type=float, default=4.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = run_clinic_day(Path(tmp) / "day", exams=args.exams, speed=args.speed,
                                arrival_minutes=args.arrival_minutes)
    once = all(result.prints_per_exam.get(c.accession) == 1 for c in result.cases)
    print("all printed exactly once" if once else "PRINT COUNT WRONG")
    return 0 if once else 1


if __name__ == "__main__":
    sys.exit(main())
