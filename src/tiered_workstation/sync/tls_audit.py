"""Failed TLS handshakes on the sync API, reported with the peer's address.

asyncio drops a server-side connection whose handshake fails (wrong CA, an
expired or revoked certificate, none at all) and says nothing unless the loop
runs in debug mode; uvicorn never hears of it.  The API's thread therefore runs
on this event loop, which watches every server-side TLS handshake and passes
each failure, with the address it came from and a reason in plain words, to
``on_refused`` (the API audits it as ``sync.tls.refused``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from ..security.tls import describe_tls_failure

LOGGER = logging.getLogger(__name__)

RefusedCallback = Callable[[str, str], None]  # (peer "host:port", reason)


class HandshakeWatchingLoop(asyncio.SelectorEventLoop):
    """A selector event loop that reports failed server-side TLS handshakes."""

    def __init__(self, on_refused: RefusedCallback):
        super().__init__()
        self._on_refused = on_refused

    def _make_ssl_transport(self, rawsock: Any, protocol: Any, sslcontext: Any,
                            waiter: asyncio.Future[Any] | None = None, **kwargs: Any) -> Any:
        if waiter is not None and kwargs.get("server_side"):
            peer = (kwargs.get("extra") or {}).get("peername")
            who = f"{peer[0]}:{peer[1]}" if isinstance(peer, tuple) else "an unknown address"
            waiter.add_done_callback(lambda done: self._handshake_done(done, who))
        return super()._make_ssl_transport(  # type: ignore[misc]
            rawsock, protocol, sslcontext, waiter, **kwargs)

    def _handshake_done(self, done: asyncio.Future[Any], who: str) -> None:
        if done.cancelled() or done.exception() is None:
            return
        error = done.exception()
        assert error is not None
        reason = describe_tls_failure(error)
        LOGGER.warning("HTTPS connection from %s refused: %s", who, reason)
        try:
            self._on_refused(who, reason)
        except Exception:
            LOGGER.exception("could not record the refused HTTPS connection from %s", who)
