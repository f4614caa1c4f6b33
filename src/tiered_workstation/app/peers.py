"""Registering the DICOM devices and nodes a site talks to (kept in site.toml)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..config import PeerNode, Settings
from .bootstrap import read_settings
from .site_edit import save_settings


def _rewrite(config_path: Path, settings: Settings, peers: tuple[PeerNode, ...]) -> Settings:
    # validated exactly as the loader will (same messages for a bad AE title or port)
    return save_settings(config_path, dataclasses.replace(settings, peers=peers))


def add_peer(config_path: Path, peer: PeerNode, *, replace: bool = False) -> Settings:
    """Add (or with ``replace`` update) a peer; the node sees it at its next start."""
    settings = read_settings(config_path)
    known = settings.peer(peer.ae_title)
    if known is not None and not replace:
        raise ValueError(f"{peer.ae_title} is already registered ({known.host}:{known.port}); "
                         "use --replace to change it.")
    peers = (*(p for p in settings.peers if p.ae_title != peer.ae_title), peer)
    return _rewrite(config_path, settings, peers)


def remove_peer(config_path: Path, ae_title: str) -> Settings:
    settings = read_settings(config_path)
    if settings.peer(ae_title) is None:
        raise LookupError(f"No peer with AE title {ae_title} is registered.")
    return _rewrite(config_path, settings,
                    tuple(p for p in settings.peers if p.ae_title != ae_title))
