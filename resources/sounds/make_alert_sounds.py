"""The two alert sounds' source: short, soft sine chimes, written as 16-bit mono WAV.

scripts/build_resources.py calls :func:`write_all` to put them into the package
(``qt/sounds/``); run alone it writes them into the folder given (default: here).

Routine: two descending notes. Urgent: three quick high notes, louder.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050


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


SOUNDS = {  # name: (notes as (Hz, seconds), level)
    "routine.wav": ([(880.0, 0.22), (659.25, 0.30)], 0.45),
    "urgent.wav": ([(1318.5, 0.12)] * 3, 0.7),
}


def write(path: Path, data: bytes) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data)


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (notes, level) in SOUNDS.items():
        write(folder / name, chime(notes, level))
        written.append(folder / name)
    return written


if __name__ == "__main__":
    import sys

    for path in write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent):
        print(path)
