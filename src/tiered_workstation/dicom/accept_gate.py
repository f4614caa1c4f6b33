"""Connections that say nothing hold no association slot.

pynetdicom makes an association of every accepted socket at once, and counts
it against ``maximum_associations`` while it waits (up to the ACSE timeout)
for an A-ASSOCIATE-RQ.  A port scanner, a load balancer's health check or a
broken device that opens 30 sockets and sends nothing would lock out every
real modality for that long ("Rejected Transient: Local Limit Exceeded").

``gate`` changes one running server so each connection first waits, on its
own thread and for a few seconds at most, for its first bytes; only then does
pynetdicom see it.  A socket that stays silent is closed without ever being an
association, and the number of silent sockets waiting at once is bounded.
"""

from __future__ import annotations

import logging
import select
import socket
import ssl
import threading
from typing import Any

LOGGER = logging.getLogger(__name__)

FIRST_BYTES_TIMEOUT_S = 3.0
MAX_WAITING = 256  # silent sockets held at once (each is only a sleeping thread)


def _has_data(request: socket.socket, timeout: float) -> bool:
    if isinstance(request, ssl.SSLSocket) and request.pending():
        return True
    try:
        readable, _, _ = select.select([request], [], [], timeout)
    except (OSError, ValueError):
        return False
    return bool(readable)


def gate(server: Any, timeout: float = FIRST_BYTES_TIMEOUT_S,
         max_waiting: int = MAX_WAITING) -> None:
    """Make ``server`` (a pynetdicom ``ThreadedAssociationServer``) hand a connection to
    pynetdicom only once it has sent something."""
    run_connection = server.process_request_thread
    waiting = threading.BoundedSemaphore(max_waiting)

    def process_request_thread(request: socket.socket, address: tuple[str, int]) -> None:
        if not waiting.acquire(blocking=False):
            LOGGER.warning("closed a connection from %s:%d: %d connections are already "
                           "waiting to say something", address[0], address[1], max_waiting)
            server.shutdown_request(request)
            return
        try:
            ready = _has_data(request, timeout)
        finally:
            waiting.release()
        if not ready:
            LOGGER.info("closed a connection from %s:%d that sent nothing in %.0f s",
                        address[0], address[1], timeout)
            server.shutdown_request(request)
            return
        run_connection(request, address)

    server.process_request_thread = process_request_thread
