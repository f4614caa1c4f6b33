"""Streaming a center's lesson to the desktop's media player.

QtMultimedia's player cannot present a client certificate, so it cannot fetch from
the center's mutual-TLS API itself.  This relay listens on 127.0.0.1 only, at an
unguessable path per lesson, and passes each request on to the center over mutual
TLS as it comes — HTTP ``Range`` included, so the player starts at once, seeks, and
never needs the whole file first.  Nothing it relays is written anywhere.
"""

from __future__ import annotations

import logging
import re
import secrets
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ..sync.client import SyncClient, SyncRejected, SyncUnavailable

LOGGER = logging.getLogger(__name__)
_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


@dataclass(frozen=True)
class _Route:
    url: str  # on the center's API
    size: int
    media_type: str


class LessonRelay:
    def __init__(self, client: SyncClient) -> None:
        self._client = client
        self._routes: dict[str, _Route] = {}
        relay = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                relay._serve(self, body=True)

            def do_HEAD(self) -> None:
                relay._serve(self, body=False)

            def log_message(self, format: str, *args: object) -> None:
                LOGGER.debug("lesson relay: %s", format % args)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        name="lesson-relay", daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def add(self, url: str, size: int, media_type: str) -> str:
        """A local address the player can stream ``url`` (a lesson's media) from."""
        token = secrets.token_urlsafe(24)
        self._routes[token] = _Route(url, size, media_type or "application/octet-stream")
        return f"http://127.0.0.1:{self.port}/{token}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._client.close()

    def _serve(self, request: BaseHTTPRequestHandler, *, body: bool) -> None:
        route = self._routes.get(request.path.lstrip("/"))
        if route is None:
            request.send_error(404, "No such lesson here")
            return
        start, end = 0, route.size - 1
        asked = request.headers.get("Range")
        found = _RANGE.match(asked.strip()) if asked else None
        if found and found.group(1):
            start = int(found.group(1))
            if found.group(2):
                end = min(int(found.group(2)), end)
        elif found and found.group(2):  # the last n bytes
            start = max(0, route.size - int(found.group(2)))
        if start > end and route.size:
            request.send_response(416)
            request.send_header("Content-Range", f"bytes */{route.size}")
            request.end_headers()
            return
        length = end - start + 1 if route.size else 0
        sent = False
        try:
            if not body:
                self._headers(request, route, start, end, length, partial=bool(found))
                return
            with self._client.stream(route.url, start=start) as (resumed, chunks):
                self._headers(request, route, start, end, length, partial=bool(found))
                sent = True
                skip = 0 if resumed or not start else start  # the center sent it all
                for chunk in chunks:
                    if skip:
                        cut = min(skip, len(chunk))
                        chunk, skip = chunk[cut:], skip - cut
                    if not chunk:
                        continue
                    request.wfile.write(chunk[:length])
                    length -= min(length, len(chunk))
                    if not length:
                        break
        except (SyncUnavailable, SyncRejected) as exc:
            LOGGER.warning("lesson relay: %s", exc)
            if not sent:
                request.send_error(502, "The center cannot be reached")
            request.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            pass  # the player seeked or stopped: it asks again

    @staticmethod
    def _headers(request: BaseHTTPRequestHandler, route: _Route, start: int, end: int,
                 length: int, *, partial: bool) -> None:
        request.send_response(206 if partial else 200)
        request.send_header("Content-Type", route.media_type)
        request.send_header("Accept-Ranges", "bytes")
        request.send_header("Content-Length", str(length))
        if partial:
            request.send_header("Content-Range", f"bytes {start}-{end}/{route.size}")
        request.end_headers()
