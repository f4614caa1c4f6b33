"""Write the two alert sounds (short, soft sine chimes) as 16-bit mono WAV files.

    .venv/bin/python scripts/make_alert_sounds.py

Routine: two descending notes. Urgent: three quick high notes, louder.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
FOLDER = Path(__file__).resolve().parents[1] / "src/tiered_workstation/qt/sounds"


def chime(notes: list[tuple[float, float]], level: float) -> bytes:
    frames = bytearray()
    for frequency, seconds in notes:
        count = int(RATE * seconds)
        for n in range(count):
            envelope = min(1.0, n / (0.01 * RATE)) * math.exp(-4.0 * n / count)
            value = level * envelope * math.sin(2 * math.pi * frequency * n / RATE)
            frames += struct.pack("<h", int(value * 32767))
        frames += b"\0\0" * int(RATE * 0.04)
    return bytes(frames)


def write(name: str, data: bytes) -> None:
    with wave.open(str(FOLDER / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data)


if __name__ == "__main__":
    FOLDER.mkdir(parents=True, exist_ok=True)
    write("routine.wav", chime([(880.0, 0.22), (659.25, 0.30)], 0.45))
    write("urgent.wav", chime([(1318.5, 0.12)] * 3, 0.7))
