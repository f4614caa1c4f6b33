"""The viewer's image pipeline on an 18 MB 3000×3000 DX (uncompressed and JPEG-LS) and a
120-slice CT, against a plain pydicom + numpy float windowing measured in the same run.

Printed (medians of --repeat runs):

* open → first display frame: read the file, decode, build the window's lookup
  table, produce the 8-bit frame for a 1920×1080 screen (the image fitted to
  about 1000 px, as the viewer shows it);
* one window/level step: a new lookup table and the 8-bit frame for that view;
* one CT stack-scroll step: the next slice through the same table (512²);
* the baseline: pydicom ``pixel_array`` and float ``(x*slope+b-c)/w`` + clip +
  astype(uint8) over the whole image, per frame;
* with ``--qt``: the same steps through the real 2D view (``QtImageView``,
  1920×1080, offscreen), paint included — window/level drag steps and CT
  wheel-scroll steps, timed around ``repaint()``.

Targets (issue 6): first DX frame < 300 ms uncompressed; W/L and CT scroll
< 16 ms a frame. These figures are the pipeline's share; the Qt paint comes on
top (FIELD-NOTES: ~9 ms for a 1024² pixmap).

    .venv/bin/python bench/viewer.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from pydicom import dcmread
from pydicom.uid import JPEGLSLossless

from tiered_workstation.dicom.synth import Demographics, ct_series, dx_dataset
from tiered_workstation.viewer.display import Window
from tiered_workstation.viewer.frames import load
from tiered_workstation.viewer.view import fit_step

SCREEN = (1080, 1920)


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def baseline_frame(path: Path) -> np.ndarray:
    """What a script would do: decode, float maths over every pixel, 8-bit."""
    ds = dcmread(path)
    pixels = ds.pixel_array.astype(np.float64)
    values = pixels * float(ds.get("RescaleSlope", 1)) + float(ds.get("RescaleIntercept", 0))
    low, high = float(values.min()), float(values.max())
    centre, width = (low + high) / 2, high - low + 1
    return (np.clip((values - centre) / width + 0.5, 0, 1) * 255).astype(np.uint8)


def first_frame(path: Path) -> np.ndarray:
    image = load(path)
    step = fit_step(image.frames.shape[1:3], SCREEN)
    lut = image.display_lut()
    return lut.apply(image.frames[0][::step, ::step])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--qt", action="store_true", help="also time the Qt view, paint "
                                                         "included (offscreen)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        dx = dx_dataset(Demographics(), size=3000, seed=1)
        plain = folder / "dx.dcm"
        dx.save_as(plain, enforce_file_format=True)
        jls = folder / "dx-jls.dcm"
        dx.compress(JPEGLSLossless)
        dx.save_as(jls, enforce_file_format=True)
        print(f"DX 3000×3000: {plain.stat().st_size / 1e6:.1f} MB uncompressed, "
              f"{jls.stat().st_size / 1e6:.1f} MB JPEG-LS")
        for label, path in (("uncompressed", plain), ("JPEG-LS", jls)):
            ours = median_ms(lambda p=path: first_frame(p), args.repeat)
            peer = median_ms(lambda p=path: baseline_frame(p), args.repeat)
            print(f"  open → first frame, {label:12}: {ours:7.1f} ms   baseline "
                  f"{peer:7.1f} ms   ratio {ours / peer:.2f}   (target < 300 ms uncompressed)")

        image = load(plain)
        step = fit_step(image.frames.shape[1:3], SCREEN)
        view = image.frames[0][::step, ::step]
        windows = [Window(2000 + 10 * k, 3000 + 20 * k) for k in range(args.repeat * 4)]
        cursor = iter(windows * 2)
        wl = median_ms(lambda: image.display_lut(next(cursor)).apply(view), args.repeat * 4)
        frame = image.frames[0]
        slope, intercept = image.model.slope, image.model.intercept

        def float_wl() -> np.ndarray:
            values = frame.astype(np.float64) * slope + intercept
            return (np.clip((values - 2000) / 3000 + 0.5, 0, 1) * 255).astype(np.uint8)
        peer_wl = median_ms(float_wl, args.repeat)
        print(f"  window/level step (view {view.shape[1]}×{view.shape[0]}): {wl:6.2f} ms   "
              f"baseline (float, whole image) {peer_wl:6.1f} ms   ratio {wl / peer_wl:.3f}   "
              f"(target < 16 ms)")

        ct_folder = folder / "ct"
        ct_folder.mkdir()
        for n, ds in enumerate(ct_series(Demographics(), slices=120, size=512)):
            ds.save_as(ct_folder / f"{n:03d}.dcm", enforce_file_format=True)
        started = time.perf_counter()
        slices = [load(p) for p in sorted(ct_folder.glob("*.dcm"))]
        stack = np.stack([s.frames[0] for s in slices])
        load_ms = (time.perf_counter() - started) * 1000
        lut = slices[0].display_lut(Window(40, 400, "mediastinum"))
        positions = iter(list(range(120)) * 4)
        scroll = median_ms(lambda: lut.apply(stack[next(positions)]), 100)
        ct_slope, ct_intercept = slices[0].model.slope, slices[0].model.intercept

        def float_scroll() -> np.ndarray:
            values = stack[next(positions)].astype(np.float64) * ct_slope + ct_intercept
            return (np.clip((values - 40) / 400 + 0.5, 0, 1) * 255).astype(np.uint8)
        peer_scroll = median_ms(float_scroll, 100)
        print(f"CT 120 × 512²: loaded in {load_ms:.0f} ms; scroll step {scroll:.2f} ms   "
              f"baseline {peer_scroll:.2f} ms   ratio {scroll / peer_scroll:.2f}   "
              f"(target < 16 ms)")
        if args.qt:
            qt_figures(plain, sorted(ct_folder.glob("*.dcm")), peer_wl, peer_scroll)


def qt_figures(dx_path: Path, ct_paths: list[Path], peer_wl: float, peer_scroll: float) -> None:
    """Window/level and scroll steps through QtImageView with its paint (offscreen)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from tiered_workstation.qt.viewer.qt_image_view import QtImageView
    from tiered_workstation.viewer.series import load_stack

    app = QApplication.instance() or QApplication([])
    view = QtImageView()
    view.resize(SCREEN[1], SCREEN[0])
    view.show()
    app.processEvents()
    started = time.perf_counter()
    view.set_image(load(dx_path))
    view.repaint()
    first = (time.perf_counter() - started) * 1000
    steps = []
    view._drag_start = view.rect().center().toPointF()  # as during a W/L drag
    start = view.window
    for k in range(40):
        started = time.perf_counter()
        view.set_window(view.dragged_window(start, 2.0 * k, 1.0 * k))
        view.repaint()
        steps.append((time.perf_counter() - started) * 1000)
    view._drag_start = None
    wl = statistics.median(steps)
    print(f"Qt view 1920×1080, paint included: DX first frame {first:.0f} ms; "
          f"W/L step {wl:.1f} ms (p90 {sorted(steps)[35]:.1f})   baseline {peer_wl:.1f} ms   "
          f"ratio {wl / peer_wl:.2f}   (target < 16 ms)")
    view.set_image(load_stack(ct_paths))
    view.set_window(Window(40, 400))
    view.repaint()
    steps = []
    for k in range(100):
        started = time.perf_counter()
        view.set_frame((k + 1) % 120)
        view.repaint()
        steps.append((time.perf_counter() - started) * 1000)
    scroll = statistics.median(steps)
    print(f"Qt view CT scroll step {scroll:.1f} ms (p90 {sorted(steps)[90]:.1f})   baseline "
          f"{peer_scroll:.2f} ms (no paint)   (target < 16 ms)")
    view.close()


if __name__ == "__main__":
    main()
