"""The words the viewer writes: window preset names and the corner overlay of a viewport."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...viewer.display import Window
from ...viewer.measure import SpacingSource
from ...viewer.overlay import corner_texts
from .qt_image_view import QtImageView


def preset_label(window: Window) -> str:
    """A preset's name in the user's language, or its width and level."""
    names = {
        "Lung": QCoreApplication.translate("QtViewerPage", "Lung"),
        "Mediastinum": QCoreApplication.translate("QtViewerPage", "Mediastinum"),
        "Bone": QCoreApplication.translate("QtViewerPage", "Bone"),
        "Brain": QCoreApplication.translate("QtViewerPage", "Brain"),
        "Abdomen": QCoreApplication.translate("QtViewerPage", "Abdomen"),
        "full range": QCoreApplication.translate("QtViewerPage", "Full range"),
        "auto": QCoreApplication.translate("QtViewerPage", "Automatic (anatomy)"),
        "Subdural": QCoreApplication.translate("QtViewerPage", "Subdural"),
        "Liver": QCoreApplication.translate("QtViewerPage", "Liver"),
    }
    return names.get(window.name, window.name) or f"W {window.width:.0f} / L {window.center:.0f}"


def overlay_texts(view: QtImageView) -> dict[str, list[str]]:
    """The four corners of a viewport showing an image with a window."""
    assert view.image is not None
    assert view.window is not None
    spacing = {
        SpacingSource.PIXEL_SPACING: QCoreApplication.translate(
            "QtViewerPage", "spacing: in patient"
        ),
        SpacingSource.IMAGER_CORRECTED: QCoreApplication.translate(
            "QtViewerPage", "spacing: detector ÷ magnification"
        ),
        SpacingSource.IMAGER: QCoreApplication.translate("QtViewerPage", "spacing: at detector"),
        SpacingSource.NONE: QCoreApplication.translate("QtViewerPage", "no spacing: pixels"),
    }[view.calibration.source]
    texts = corner_texts(view.image.header)
    texts["bl"] = [
        QCoreApplication.translate("QtViewerPage", "W {width:.0f}  L {center:.0f}").format(
            width=view.window.width, center=view.window.center
        ),
        QCoreApplication.translate("QtViewerPage", "Zoom {zoom:.0f}%").format(
            zoom=view.scale() * 100
        ),
        QCoreApplication.translate("QtViewerPage", "Image {n}/{total}").format(
            n=view.frame + 1, total=view.image.frame_count
        ),
    ]
    texts["br"] = [*texts["br"], spacing]
    return texts
