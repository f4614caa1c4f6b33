"""De-identifying a teaching case's CT series: time per instance, against its peers.

Three passes over the same files, in this process, on the same disk:

- floor: read and write each file with pydicom, nothing changed;
- dicognito alone: its Basic Profile replacements (what a bare `dicognito` run does);
- ours: the whole teaching pipeline (Table E.1-1 row by row, dicognito, text scrubbing
  of the patient's names in every character set, the profile's marking attributes).

    .venv/bin/python bench/deid.py [--slices 500] [--size 512]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pydicom
from dicognito.anonymizer import Anonymizer
from pydicom import config
from pydicom.dataset import Dataset

from tiered_workstation.dicom.synth import Demographics, ct_series
from tiered_workstation.teaching.deidentify import CaseDeidentifier
from tiered_workstation.teaching.text_scrub import CaseIdentities


def write_series(folder: Path, slices: int, size: int) -> list[Path]:
    demo = Demographics(patient_name="张伟", patient_phonetic="Zhang^Wei",
                        patient_id="P7788123", birth_date="19520317",
                        accession_number="CM01A0042")
    paths = []
    for n, ds in enumerate(ct_series(demo, slices=slices, size=size)):
        ds.SpecificCharacterSet = "GB18030"
        ds.PatientName = "ZHANG^WEI=张^伟"
        ds.ImageComments = "患者张伟 P7788123"
        path = folder / f"ct{n:04d}.dcm"
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    return paths


def run(paths: list[Path], out: Path, change: Callable[[Dataset], object]) -> float:
    """Seconds per instance to read, change and write every file."""
    out.mkdir(exist_ok=True)
    started = time.perf_counter()
    for path in paths:
        ds = pydicom.dcmread(path)
        change(ds)
        ds.save_as(out / path.name, enforce_file_format=True)
    return (time.perf_counter() - started) / len(paths)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slices", type=int, default=500)
    parser.add_argument("--size", type=int, default=512)
    args = parser.parse_args()
    config.INVALID_KEY_BEHAVIOR = "IGNORE"  # dicognito's misses would warn in both passes
    with tempfile.TemporaryDirectory(prefix="tw-deid-") as tmp:
        folder = Path(tmp)
        paths = write_series(folder, args.slices, args.size)
        identities = CaseIdentities.from_dataset(pydicom.dcmread(paths[0]))
        floor = run(paths, folder / "floor", lambda ds: None)
        bare = run(paths, folder / "dicognito",
                   Anonymizer(id_prefix="TC", seed="bench").anonymize)
        ours = run(paths, folder / "ours",
                   CaseDeidentifier("bench", identities).deidentify)
        check = pydicom.dcmread(folder / "ours" / paths[-1].name)
        assert "张" not in str(check.get("ImageComments", "")), "name left in the output"
    print(f"{args.slices} CT instances of {args.size}x{args.size}, per instance:")
    print(f"  read + write only (floor)   {floor * 1000:7.2f} ms")
    print(f"  dicognito alone             {bare * 1000:7.2f} ms  "
          f"({bare / floor:.2f}x floor)")
    print(f"  teaching pipeline (ours)    {ours * 1000:7.2f} ms  "
          f"({ours / floor:.2f}x floor, {ours / bare:.2f}x dicognito)")
    print(f"  a 500-instance series takes {ours * 500:.1f} s")


if __name__ == "__main__":
    main()
