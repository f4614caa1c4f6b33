"""What each reported problem means for the person at the desk, and what to do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q

from ..problems import ProblemKind

SERIOUS = frozenset({ProblemKind.DISK_FULL, ProblemKind.ARCHIVE_FAILED,
                     ProblemKind.CENTER_REFUSED, ProblemKind.TLS_REFUSED})


def problem_words(kind: ProblemKind, facts: dict[str, str]) -> tuple[str, str]:
    """(what happened, what to do) in the user's language."""
    if kind is ProblemKind.ASSOCIATION_REFUSED and facts.get("reason") == "limit":
        kind_words = (
            Q.translate("Problem", "Device {peer} opened too many connections at once; "
                                   "one was refused."),
            Q.translate("Problem", "The device can retry. If this keeps happening, check "
                                   "its settings."))
    else:
        kind_words = _words(kind)
    values = {"peer": facts.get("peer", "?"), "address": facts.get("address", "?"),
              "accession": facts.get("accession", "?"), "service": facts.get("service", "?")}
    return kind_words[0].format(**values), kind_words[1]


def _words(kind: ProblemKind) -> tuple[str, str]:
    if kind is ProblemKind.CENTER_UNREACHABLE:
        return (Q.translate("Problem", "The center cannot be reached."),
                Q.translate("Problem", "Registrations, images and reports wait here and are "
                                       "sent by themselves when the link is back. If this "
                                       "lasts, check the network or call IT."))
    if kind is ProblemKind.CENTER_REFUSED:
        return (Q.translate("Problem", "The center refused a message about exam {accession}."),
                Q.translate("Problem", "It will not be sent again by itself. Call the "
                                       "center's administrator; the details are in the log."))
    if kind is ProblemKind.ASSOCIATION_REFUSED:
        return (Q.translate("Problem", "A device that is not registered tried to connect: "
                                       "{peer} ({address})."),
                Q.translate("Problem", "If it is one of yours, an administrator adds its AE "
                                       "title under Settings → DICOM devices and nodes."))
    if kind is ProblemKind.SERVICE_REFUSED:
        return (Q.translate("Problem", "Device {peer} asked for a service it may not use "
                                       "({service})."),
                Q.translate("Problem", "Check the device's kind under Settings → DICOM "
                                       "devices and nodes."))
    if kind is ProblemKind.TLS_REFUSED:
        return (Q.translate("Problem", "A secure connection from {address} was refused: its "
                                       "certificate is not from the consortium."),
                Q.translate("Problem", "If this is a consortium site, its certificate may "
                                       "have expired: ask the consortium administrator."))
    if kind is ProblemKind.DISK_FULL:
        return (Q.translate("Problem", "The image disk is full: new images are being "
                                       "refused."),
                Q.translate("Problem", "Images already received are safe. Free space on the "
                                       "archive disk or call IT now; the DR will have to "
                                       "send again."))
    if kind is ProblemKind.ARCHIVE_FAILED:
        return (Q.translate("Problem", "An image from {peer} could not be stored."),
                Q.translate("Problem", "The sender was told to try again. Check the archive "
                                       "disk; the details are in the log."))
    if kind is ProblemKind.INSTANCE_REFUSED:
        return (Q.translate("Problem", "An image from {peer} was refused: it is damaged or "
                                       "not DICOM."),
                Q.translate("Problem", "Send it again from the device. If it keeps failing, "
                                       "call the device's service engineer."))
    if kind is ProblemKind.FORWARD_FAILED:
        return (Q.translate("Problem", "Images could not be sent to the center ({peer})."),
                Q.translate("Problem", "They stay here and are sent again automatically."))
    if kind is ProblemKind.FEED_FAILED:
        return (Q.translate("Problem", "Updates from the center could not be taken in."),
                Q.translate("Problem", "Call the center's administrator; the details are in "
                                       "the log."))
    return (Q.translate("Problem", "A report could not be printed."),
            Q.translate("Problem", "It stays in the print queue. Check the printer; the PDF "
                                   "can be saved from Reports."))
