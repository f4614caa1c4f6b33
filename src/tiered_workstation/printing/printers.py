"""Where printed reports go: a CUPS queue (``lp``), or only the site's PDF folder.

The PDF folder (``DATA_DIR/prints``) is always written: it is the record of
what was printed and where a clerk saves or re-sends a report from when no
printer works.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

PDF_ONLY = ""
TIMEOUT = 30.0


class PrintError(RuntimeError):
    """The printer did not take the job (message in words for the desk)."""


@dataclass(frozen=True)
class Submission:
    printer: str
    reference: str  # CUPS request id, or the PDF path for the PDF folder


def system_printers() -> list[str]:
    """CUPS queues this machine knows (empty without CUPS)."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return []
    try:
        done = subprocess.run([lpstat, "-e"], capture_output=True, text=True, timeout=TIMEOUT,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


def submit(printer: str, pdf: Path, *, title: str, copies: int = 1,
           paper: str = "A4") -> Submission:
    """Send ``pdf`` to ``printer`` (a CUPS queue), or keep it in the folder (PDF_ONLY)."""
    if printer == PDF_ONLY:
        return Submission(PDF_ONLY, str(pdf))
    lp = shutil.which("lp")
    if lp is None:
        raise PrintError(f"Printer {printer!r} is chosen but this computer has no printing "
                         "system (CUPS); the report is kept as a PDF.")
    try:
        done = subprocess.run([lp, "-d", printer, "-t", title, "-n", str(copies),
                               "-o", f"media={paper}", str(pdf)], capture_output=True,
                              text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise PrintError(f"Printer {printer!r} did not answer within {TIMEOUT:.0f} s.") from exc
    except OSError as exc:
        raise PrintError(f"The printing system could not be started: {exc}") from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
        raise PrintError(f"Printer {printer!r} refused the report: {detail}")
    reference = done.stdout.strip().removeprefix("request id is ").split(" ")[0]
    return Submission(printer, reference)
