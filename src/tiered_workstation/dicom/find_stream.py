"""Pending C-FIND responses sent as pre-encoded P-DATA, bypassing pynetdicom's
per-response DIMSE path.

pynetdicom turns every yielded answer into a response primitive, a command
dataset, two P-DATA primitives and a trip through its DUL thread: about 1 ms
per answer, so a 3,000-item worklist took 3–4 s where dcmtk's ``wlmscpfs``
takes 1.  Every pending response of one request carries the same command set,
so it is encoded once; each answer's identifier comes already encoded
(``wire.py``) and travels with its command in one P-DATA-TF PDU, as one
message per PDU (pynetdicom's own receiver reads no further than the end of
a message within a PDU).

On a plain TCP connection the PDUs are written to the socket in batches from
the association thread; the DUL thread only reads during that time, which a
TCP socket allows.  A TLS socket must not be read and written by two threads
at once, so there the PDUs go through the DUL's queue.  The final status is
left to pynetdicom, which sends it after the handler returns, behind these.
"""

from __future__ import annotations

import logging
import ssl
import struct
from typing import Any

from pydicom.uid import UID
from pynetdicom.pdu_primitives import P_DATA

from .wire import command_set

LOGGER = logging.getLogger(__name__)

C_FIND_RSP = 0x8020
PENDING = 0xFF00
DATASET_PRESENT = 0x0000  # anything but 0x0101
BATCH_BYTES = 256 * 1024
COMMAND_LAST, DATA, DATA_LAST = 0x03, 0x00, 0x02


def supports(context: Any) -> bool:
    """Only Little Endian without deflate is encoded here; others take pynetdicom's path."""
    syntax = UID(context.transfer_syntax)
    return syntax.is_little_endian and not syntax.is_deflated


def explicit_vr(context: Any) -> bool:
    return not UID(context.transfer_syntax).is_implicit_VR


def _pdv(context_id: int, header: int, fragment: bytes) -> bytes:
    return struct.pack(">IBB", len(fragment) + 2, context_id, header) + fragment


def _pdu(pdvs: list[bytes]) -> bytes:
    body = b"".join(pdvs)
    return struct.pack(">BxI", 0x04, len(body)) + body


def _fragments(data: bytes, size: int) -> list[bytes]:
    return [data[i:i + size] for i in range(0, len(data), size)] or [b""]


class FindResponseStream:
    """Send pending responses for one C-FIND request on one association."""

    def __init__(self, event: Any):
        assoc = event.assoc
        self._assoc = assoc
        self._dul = assoc.dul
        self._context_id = int(event.context.context_id)
        self._max_pdu = int(assoc.requestor.maximum_length or 0)  # 0 = no limit
        request = event.request
        self._command = command_set([
            (0x00000002, "UI", str(request.AffectedSOPClassUID)),
            (0x00000100, "US", C_FIND_RSP),
            (0x00000120, "US", int(request.MessageID)),
            (0x00000800, "US", DATASET_PRESENT),
            (0x00000900, "US", PENDING),
        ])
        raw = getattr(self._dul.socket, "socket", None)
        self._direct = raw is not None and not isinstance(raw, ssl.SSLSocket)
        self._buffer: list[bytes] = []
        self._buffered = 0
        self.sent = 0

    def send(self, identifier: bytes) -> None:
        """Queue one pending response carrying ``identifier`` (encoded dataset bytes)."""
        pdus = self._pdus(identifier)
        self.sent += 1
        if not self._direct:
            for pdvs in pdus:
                primitive = P_DATA()
                primitive.presentation_data_value_list = [[self._context_id, p[5:]]
                                                          for p in pdvs]
                self._dul.send_pdu(primitive)
            return
        for pdvs in pdus:
            data = _pdu(pdvs)
            self._buffer.append(data)
            self._buffered += len(data)
        if self._buffered >= BATCH_BYTES:
            self.flush()

    @property
    def alive(self) -> bool:
        return bool(self._assoc.is_established)

    def flush(self) -> None:
        if self._buffer:
            self._dul.socket.send(b"".join(self._buffer))
            self._buffer.clear()
            self._buffered = 0

    def _pdus(self, identifier: bytes) -> list[list[bytes]]:
        cx = self._context_id
        whole = [_pdv(cx, COMMAND_LAST, self._command), _pdv(cx, DATA_LAST, identifier)]
        if not self._max_pdu or sum(len(p) for p in whole) <= self._max_pdu:
            return [whole]
        # the peer takes smaller PDUs: one fragment per PDU, as pynetdicom does
        size = self._max_pdu - 6
        commands = _fragments(self._command, size)
        data = _fragments(identifier, size)
        out = [[_pdv(cx, COMMAND_LAST if i == len(commands) - 1 else 0x01, f)]
               for i, f in enumerate(commands)]
        out += [[_pdv(cx, DATA_LAST if i == len(data) - 1 else DATA, f)]
                for i, f in enumerate(data)]
        return out
