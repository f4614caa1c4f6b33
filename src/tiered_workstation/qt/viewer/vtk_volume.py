"""Volume rendering with VTK, offscreen (EGL + Mesa where there is no display).

Imported only when a 3D view is asked for, so the application starts without
VTK. Each call builds its own render window, renders, reads the pixels back
and releases it, so it can run on any worker thread. The CPU ray-cast mapper
is used: on a software GL it is the fast one (FIELD-NOTES: ~70 ms a frame for
256³ after the first).
"""

from __future__ import annotations

import os

os.environ.setdefault("VTK_DEFAULT_OPENGL_WINDOW", "vtkEGLRenderWindow")

from enum import StrEnum

import numpy as np
import vtkmodules.vtkRenderingOpenGL2
import vtkmodules.vtkRenderingVolumeOpenGL2  # noqa: F401 - and its volume mappers
from vtkmodules.util.numpy_support import numpy_to_vtk, vtk_to_numpy
from vtkmodules.vtkCommonDataModel import vtkImageData, vtkPiecewiseFunction
from vtkmodules.vtkRenderingCore import (
    vtkColorTransferFunction,
    vtkRenderer,
    vtkRenderWindow,
    vtkVolume,
    vtkVolumeProperty,
    vtkWindowToImageFilter,
)
from vtkmodules.vtkRenderingVolume import vtkFixedPointVolumeRayCastMapper

from ...viewer.series import Volume


class Preset(StrEnum):
    BONE = "bone"
    SOFT_TISSUE = "soft_tissue"
    LUNG = "lung"


# (HU, r, g, b) colour points and (HU, opacity) points per preset
TRANSFER = {
    Preset.BONE: ([(-1000, 0, 0, 0), (150, 0.85, 0.55, 0.35), (400, 1.0, 0.95, 0.85),
                   (1500, 1, 1, 1)],
                  [(-1000, 0), (150, 0), (300, 0.6), (1500, 0.9)]),
    Preset.SOFT_TISSUE: ([(-1000, 0, 0, 0), (-100, 0.75, 0.45, 0.35), (80, 0.95, 0.7, 0.6),
                          (400, 1, 1, 0.95)],
                         [(-1000, 0), (-150, 0), (0, 0.15), (100, 0.35), (400, 0.8)]),
    Preset.LUNG: ([(-1000, 0, 0, 0), (-900, 0.3, 0.5, 0.8), (-500, 0.8, 0.85, 1.0),
                   (100, 1, 0.8, 0.7)],
                  [(-1000, 0), (-950, 0), (-750, 0.12), (-400, 0.25), (-200, 0)]),
}


def render_volume(volume: Volume, preset: Preset = Preset.BONE, size: tuple[int, int] = (512,
                  512), azimuth: float = 0.0, elevation: float = 0.0) -> np.ndarray:
    """An RGB picture (height, width, 3) of ``volume`` seen from the front (anterior),
    head up, turned by ``azimuth``/``elevation`` degrees."""
    voxels = np.ascontiguousarray(volume.voxels)
    depth, rows, columns = voxels.shape
    image = vtkImageData()
    image.SetDimensions(columns, rows, depth)
    dz, dy, dx = volume.spacing
    image.SetSpacing(dx, dy, dz)
    image.GetPointData().SetScalars(numpy_to_vtk(voxels.ravel(), deep=True))
    mapper = vtkFixedPointVolumeRayCastMapper()
    mapper.SetInputData(image)
    colours, opacities = TRANSFER[preset]
    colour = vtkColorTransferFunction()
    for hu, r, g, b in colours:
        colour.AddRGBPoint(hu, r, g, b)
    opacity = vtkPiecewiseFunction()
    for hu, alpha in opacities:
        opacity.AddPoint(hu, alpha)
    prop = vtkVolumeProperty()
    prop.SetColor(colour)
    prop.SetScalarOpacity(opacity)
    prop.SetInterpolationTypeToLinear()
    actor = vtkVolume()
    actor.SetMapper(mapper)
    actor.SetProperty(prop)
    renderer = vtkRenderer()
    renderer.SetBackground(0, 0, 0)
    renderer.AddVolume(actor)
    camera = renderer.GetActiveCamera()
    # Patient coordinates: x to the left, y to the back, z to the head. Look from the
    # front (−y) with the head up, as a radiologist faces the patient.
    centre = actor.GetCenter()
    camera.SetFocalPoint(*centre)
    camera.SetPosition(centre[0], centre[1] - 1000, centre[2])
    camera.SetViewUp(0, 0, 1)
    camera.Azimuth(azimuth)
    camera.Elevation(elevation)
    renderer.ResetCamera()
    window = vtkRenderWindow()
    window.SetOffScreenRendering(1)
    window.AddRenderer(renderer)
    window.SetSize(*size)
    try:
        window.Render()
        window.Render()  # the first frame of a fresh EGL context can come back empty
        grab = vtkWindowToImageFilter()
        grab.SetInput(window)
        grab.ReadFrontBufferOff()
        grab.Update()
        output = grab.GetOutput()
        width, height, _ = output.GetDimensions()
        pixels = vtk_to_numpy(output.GetPointData().GetScalars()).reshape(height, width, -1)
        return np.ascontiguousarray(pixels[::-1, :, :3])  # VTK's rows run bottom-up
    finally:
        window.Finalize()
