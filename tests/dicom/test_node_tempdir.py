"""Nodes of one process (the demo's two sites, tests) claim the temporary folder for
chunked receives and give it back in any order: the newest running node's folder is in
use, and the original returns when the last one stops (a stopped node's folder, which
may be deleted, is never left behind for ``tempfile``)."""

from __future__ import annotations

import tempfile

from tiered_workstation.dicom.node import _claim_tempdir, _release_tempdir


def test_nodes_stopped_in_any_order_restore_the_original_tempdir(tmp_path) -> None:
    original = tempfile.tempdir
    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    _claim_tempdir(a)
    _claim_tempdir(b)
    assert tempfile.tempdir == b
    _release_tempdir(a)  # the first node stops while the second still listens
    assert tempfile.tempdir == b
    _release_tempdir(b)
    assert tempfile.tempdir == original
    _claim_tempdir(a)
    _claim_tempdir(b)
    _release_tempdir(b)
    assert tempfile.tempdir == a
    _release_tempdir(a)
    assert tempfile.tempdir == original
