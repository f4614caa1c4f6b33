"""Linked scrolling: which slice of one stack matches the slice shown in another.

Two series of one acquisition (a thin and a thick reconstruction, say) share a
frame of reference, so the slice nearest in position is the same anatomy.
A prior from another day does not: the table moved. There the same fraction
of the way through each stack is the usual, honest guess.
"""

from __future__ import annotations

from .frames import DecodedImage


def linked_frame(source: DecodedImage, frame: int, target: DecodedImage) -> int:
    """The frame of ``target`` that goes with ``frame`` of ``source``."""
    if target.frame_count <= 1:
        return 0
    same_space = str(source.header.get("FrameOfReferenceUID", "") or "") == str(
        target.header.get("FrameOfReferenceUID", "") or "x") and source.positions and \
        target.positions and 0 <= frame < len(source.positions)
    if same_space:
        place = source.positions[frame]
        return min(range(len(target.positions)),
                   key=lambda n: abs(target.positions[n] - place))
    if source.frame_count <= 1:
        return 0
    fraction = min(max(frame, 0), source.frame_count - 1) / (source.frame_count - 1)
    return round(fraction * (target.frame_count - 1))
