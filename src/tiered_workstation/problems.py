"""Problems people must hear about, tagged on the log records that report them.

Services log as usual and add ``extra=problem(kind, ...)``; the desktop app's
log handler turns tagged records into a plain-words message with what to do
(in the user's language), and every record stays in the log viewer.  Facts are
short strings (a peer's AE title, an accession number), never patient data.

    LOGGER.warning("outbox: %s", error, extra=problem(ProblemKind.CENTER_UNREACHABLE))
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Any


class ProblemKind(StrEnum):
    CENTER_UNREACHABLE = "center_unreachable"      # sync cannot reach the center
    CENTER_REFUSED = "center_refused"              # the center answered "no" to a message
    ASSOCIATION_REFUSED = "association_refused"    # an unknown or over-limit DICOM peer
    SERVICE_REFUSED = "service_refused"            # a known peer asked for a service it lacks
    TLS_REFUSED = "tls_refused"                    # a TLS handshake with a wrong certificate
    DISK_FULL = "disk_full"                        # the archive's disk has no space left
    ARCHIVE_FAILED = "archive_failed"              # an image could not be stored (not space)
    INSTANCE_REFUSED = "instance_refused"          # a malformed image was refused
    FORWARD_FAILED = "forward_failed"              # images could not be sent to the center
    FEED_FAILED = "feed_failed"                    # a feed event could not be applied here
    PRINT_FAILED = "print_failed"                  # a report could not be printed
    SIGNATURE_FAILED = "signature_failed"          # a report's signature does not verify


def problem(kind: ProblemKind, **facts: Any) -> dict[str, Any]:
    """``extra=`` for a log call: marks the record as ``kind`` with ``facts``."""
    return {"problem": kind.value, "facts": {k: str(v) for k, v in facts.items()}}


def problem_of(record: logging.LogRecord) -> tuple[ProblemKind, dict[str, str]] | None:
    """The problem a log record reports, if it was tagged with one."""
    value = getattr(record, "problem", None)
    if not value:
        return None
    try:
        kind = ProblemKind(value)
    except ValueError:
        return None
    facts = getattr(record, "facts", None)
    return kind, dict(facts) if isinstance(facts, dict) else {}
