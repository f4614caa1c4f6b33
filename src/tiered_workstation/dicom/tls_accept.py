"""TLS handshakes for the DICOM server: off the accept thread, bounded in time,
and every refusal reported.

pynetdicom's server wraps each accepted socket with the handshake inside
``get_request``, on the one thread that accepts connections: a client that
connects and says nothing holds up everybody behind it, and a handshake that
fails (wrong CA, expired or missing certificate) is dropped by ``socketserver``
without a word.  ``harden`` changes one running server so the handshake runs
on the connection's own thread with a deadline, and failures reach
``on_refused`` with a reason a technician can read.
"""

from __future__ import annotations

import logging
import socket
import ssl
from collections.abc import Callable
from typing import Any

from ..problems import ProblemKind, problem
from ..security.tls import describe_tls_failure

LOGGER = logging.getLogger(__name__)

HANDSHAKE_TIMEOUT_S = 10.0

RefusedCallback = Callable[[str, str], None]  # (peer "host:port", reason)


def harden(server: Any, on_refused: RefusedCallback,
           timeout: float = HANDSHAKE_TIMEOUT_S) -> None:
    """Move ``server``'s TLS handshakes to the connection threads (a pynetdicom
    ``ThreadedAssociationServer`` started with an ``ssl_context``)."""
    context: ssl.SSLContext = server.ssl_context
    run_connection = server.process_request_thread

    def get_request() -> tuple[socket.socket, tuple[str, int]]:
        client, address = server.socket.accept()
        return context.wrap_socket(client, server_side=True,
                                   do_handshake_on_connect=False), address

    def process_request_thread(request: ssl.SSLSocket, address: tuple[str, int]) -> None:
        who = f"{address[0]}:{address[1]}"
        try:
            request.settimeout(timeout)
            request.do_handshake()
            request.settimeout(None)
        except (OSError, ValueError) as exc:
            reason = describe_tls_failure(exc)
            LOGGER.warning("TLS connection from %s refused: %s", who, reason,
                           extra=problem(ProblemKind.TLS_REFUSED, address=who))
            LOGGER.debug("TLS handshake error from %s", who, exc_info=exc)
            server.shutdown_request(request)
            try:
                on_refused(who, reason)
            except Exception:
                LOGGER.exception("could not record the refused TLS connection from %s", who)
            return
        run_connection(request, address)

    server.get_request = get_request
    server.process_request_thread = process_request_thread
