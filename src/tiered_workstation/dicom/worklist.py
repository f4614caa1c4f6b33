"""Modality Worklist SCP (C-FIND, MWL information model) over the site's exams.

A DR/CT console asks for its scheduled exams; each answer carries the patient,
the accession number, the requested procedure, the Study Instance UID chosen at
registration and one Scheduled Procedure Step, encoded in the character set the
asking device is configured for.
"""

from __future__ import annotations

import logging
import time as clock
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pynetdicom.sop_class import ModalityWorklistInformationFind

from ..config import NodeSettings
from ..storage.database import Database
from . import find_stream
from .answer_text import answer_style
from .pacing import streaming
from .permissions import NOT_AUTHORIZED, requires
from .wire import ElementEncoder
from .worklist_answers import answer_elements, build_answer, requested_keys
from .worklist_rows import WorklistQuery, WorklistRow, candidate_rows, matches

LOGGER = logging.getLogger(__name__)

PENDING = 0xFF00
CANCELLED = 0xFE00
UNSUPPORTED_SOP_CLASS = 0xC000


@dataclass(frozen=True)
class WorklistDependencies:
    database: Database
    settings: NodeSettings


@requires("worklist", (NOT_AUTHORIZED, None))
def handle_worklist_find(event: Any, deps: WorklistDependencies) -> Iterator[Any]:
    """Bound to ``evt.EVT_C_FIND``: yields (status, identifier) pairs."""
    if str(event.request.AffectedSOPClassUID) != ModalityWorklistInformationFind:
        yield UNSUPPORTED_SOP_CLASS, None
        return
    identifier = event.identifier
    sender = event.assoc.requestor.ae_title
    style = answer_style(deps.settings, sender)
    charset, codec, phonetic = style.label, style.codec, style.phonetic
    query = WorklistQuery.from_identifier(identifier)
    tz = deps.settings.timezone
    site = deps.settings.site_code
    count = 0
    top_keys, step_keys = requested_keys(identifier)
    with deps.database.session() as session:
        rows = candidate_rows(session, query, site, tz)
    matched = (row for row in rows if matches(row, query, tz))
    if find_stream.supports(event.context):
        count = yield from _stream_answers(event, matched, ElementEncoder(
            explicit_vr=find_stream.explicit_vr(event.context), charset=codec),
            lambda row: answer_elements(row, tz, site, top_keys, step_keys, charset=charset,
                                        phonetic_names=phonetic, codec=codec, peer=sender))
    else:
        with streaming(event.assoc):
            for row in matched:
                if event.is_cancelled:
                    LOGGER.info("worklist query from %s cancelled after %d answers", sender,
                                count)
                    yield CANCELLED, None
                    return
                count += 1
                yield PENDING, build_answer(row, tz, site, top_keys, step_keys,
                                            charset=charset, phonetic_names=phonetic,
                                            codec=codec, peer=sender)
    LOGGER.info("worklist query from %s: %d answers (%s)", sender, count, query)


CANCEL_CHECK_EVERY = 32


def _stream_answers(event: Any, rows: Iterator[WorklistRow], encoder: ElementEncoder,
                    elements_of: Any) -> Iterator[Any]:
    """Send the answers pre-encoded (``find_stream``); yields only a cancel status.
    Returns how many answers were sent."""
    stream = find_stream.FindResponseStream(event)
    with streaming(event.assoc):  # let the DUL thread read a C-CANCEL promptly
        yield from _send_rows(event, stream, rows, encoder, elements_of)
    return stream.sent


def _send_rows(event: Any, stream: find_stream.FindResponseStream, rows: Iterator[WorklistRow],
               encoder: ElementEncoder, elements_of: Any) -> Iterator[Any]:
    for row in rows:
        if stream.sent % CANCEL_CHECK_EVERY == 0:
            stream.flush()
            if not stream.alive:
                return
            if event.is_cancelled:
                LOGGER.info("worklist query from %s cancelled after %d answers",
                            event.assoc.requestor.ae_title, stream.sent)
                yield CANCELLED, None
                return
            clock.sleep(0)  # hand the GIL to the DUL thread, which may hold a C-CANCEL
        stream.send(encoder.dataset(elements_of(row)))
    stream.flush()
