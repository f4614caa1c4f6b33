"""A community's HTTPS client for the center's sync API (mutual TLS, httpx)."""

from __future__ import annotations

import logging
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import httpx

from ..config import TlsSettings
from ..security.tls import client_context
from .schemas import Feed, PatientHistory

LOGGER = logging.getLogger(__name__)


class SyncUnavailable(ConnectionError):
    """The center cannot be reached now (network, TLS, server error): try again later."""


class SyncRejected(ValueError):
    """The center refused the message (4xx): retrying the same message will not help."""

    def __init__(self, status: int, detail: str):
        super().__init__(f"The center refused it ({status}): {detail}")
        self.status = status
        self.detail = detail


def describe_connect_error(exc: Exception, url: str) -> str:
    text = str(exc)
    if isinstance(exc, httpx.ConnectError) and "certificate" in text.lower():
        return (f"The center at {url} did not accept the TLS certificates (ours or theirs "
                f"is not from the consortium CA, expired or revoked): {text}")
    if isinstance(exc, httpx.TimeoutException):
        return f"The center at {url} did not answer in time."
    return f"The center at {url} cannot be reached ({text or type(exc).__name__})."


class SyncClient:
    def __init__(self, base_url: str, tls: TlsSettings | None = None, *,
                 context: ssl.SSLContext | None = None, timeout: float = 30.0):
        if context is None:
            if tls is None:
                raise ValueError("Sync with the center needs this site's TLS identity "
                                 "([dicom.tls] certificate, private_key, ca_certificates).")
            context = client_context(tls.certificate, tls.private_key, tls.ca_certificates)
        self.base_url = base_url
        self._http = httpx.Client(base_url=base_url, verify=context,
                                  timeout=httpx.Timeout(timeout, connect=10.0))

    def close(self) -> None:
        self._http.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._http.request(method, path, **kwargs)
        except (httpx.TransportError, ssl.SSLError, OSError) as exc:
            raise SyncUnavailable(describe_connect_error(exc, self.base_url)) from exc
        self._check(response, path)
        return response.json()

    def _check(self, response: httpx.Response, path: str) -> None:
        if response.status_code >= 500:
            raise SyncUnavailable(f"The center had an internal error ({response.status_code}) "
                                  f"on {path}; will retry.")
        if response.status_code >= 400:
            try:
                detail = str(response.json().get("detail", response.text))
            except ValueError:
                detail = response.text
            raise SyncRejected(response.status_code, detail)

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        return self._request("GET", path, params=params)

    @contextmanager
    def stream(self, path: str, *, start: int = 0) -> Iterator[tuple[bool, Iterator[bytes]]]:
        """A file's bytes from ``start`` (an HTTP Range).  Yields whether the center
        resumed there (206) and the chunks; not resumed means from byte 0."""
        headers = {"Range": f"bytes={start}-"} if start else {}
        request = self._http.build_request("GET", path, headers=headers)
        try:
            response = self._http.send(request, stream=True)
        except (httpx.TransportError, ssl.SSLError, OSError) as exc:
            raise SyncUnavailable(describe_connect_error(exc, self.base_url)) from exc
        try:  # what the caller does with the bytes (a full disk) stays its own error
            if response.status_code >= 400:
                response.read()
                self._check(response, path)
            yield response.status_code == 206, _chunks(response, self.base_url)
        finally:
            response.close()

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        return self._request("POST", path, json=body)

    def health(self) -> dict[str, str]:
        return self._request("GET", "/v1/health")

    def feed(self, after: int, wait: float = 0) -> Feed:
        data = self._request("GET", "/v1/feed", params={"after": after, "wait": wait},
                             timeout=wait + 30)
        return Feed.model_validate(data)

    def lookup(self, *, consortium_id: str | None = None, national_id: str | None = None,
               name: str | None = None, birth_date: date | None = None) -> list[PatientHistory]:
        params = {k: str(v) for k, v in (("consortium_id", consortium_id),
                                         ("national_id", national_id), ("name", name),
                                         ("birth_date", birth_date)) if v}
        return [PatientHistory.model_validate(p)
                for p in self._request("GET", "/v1/patients/lookup", params=params)]


def _chunks(response: httpx.Response, url: str) -> Iterator[bytes]:
    try:
        yield from response.iter_bytes(256 * 1024)
    except (httpx.TransportError, ssl.SSLError, OSError) as exc:
        raise SyncUnavailable(describe_connect_error(exc, url)) from exc
