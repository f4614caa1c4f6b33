"""The Qt desktop application: everything that imports PySide6 or VTK lives here."""
