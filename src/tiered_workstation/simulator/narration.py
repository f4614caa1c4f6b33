"""A generated narration: speech-like bursts of tone in a 16-bit mono WAV, the voice a
lesson is recorded from where the machine has no microphone (the demo, the tests)."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np


def write_narration(path: Path, seconds: float = 3.0, *, rate: int = 16000) -> Path:
    """Syllables of 180 ms at changing pitch, with short pauses between words."""
    t = np.arange(int(seconds * rate)) / rate
    syllable = (t * 1000 // 180).astype(int)
    pitch = 160 + 40 * np.sin(syllable * 1.7)              # a voice's rise and fall
    envelope = np.sin(np.pi * ((t * 1000) % 180) / 180) ** 2
    envelope[(syllable % 5) == 4] = 0.0                    # a pause after each word
    voice = np.sin(2 * np.pi * pitch * t) + 0.3 * np.sin(4 * np.pi * pitch * t)
    samples = (voice * envelope * 9000).astype("<i2")
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(samples.tobytes())
    return path
