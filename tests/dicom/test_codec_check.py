"""The installation check's codec round trip: every codec this node writes or reads
works here, and the check tells a broken one apart."""

from __future__ import annotations

import pytest

from tiered_workstation.dicom import codec_check


def test_every_codec_round_trips() -> None:
    results = {r.name: r for r in codec_check.check_codecs()}
    assert set(results) == {"JPEG-LS", "JPEG 2000", "RLE", "JPEG baseline"}
    assert all(r.ok for r in results.values()), results


def test_a_codec_that_fails_is_named_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(codec_check.LOSSLESS, "JPEG-LS", "1.2.840.10008.1.2.4.999")
    results = {r.name: r for r in codec_check.check_codecs()}
    assert not results["JPEG-LS"].ok
    assert results["JPEG-LS"].detail
    assert results["RLE"].ok
