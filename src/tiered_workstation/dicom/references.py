"""Referenced SOP items, as storage commitment and MPPS messages list instances."""

from __future__ import annotations

from collections.abc import Iterable

from pydicom.dataset import Dataset


def referenced_sops(pairs: Iterable[tuple[str, str]]) -> list[Dataset]:
    """Items with Referenced SOP Class UID and Referenced SOP Instance UID."""
    items = []
    for sop_class, sop_instance in pairs:
        item = Dataset()
        item.ReferencedSOPClassUID = sop_class
        item.ReferencedSOPInstanceUID = sop_instance
        items.append(item)
    return items
