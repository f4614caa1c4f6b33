"""The diagnostic viewer's widgets (2D now; MPR and 3D to come)."""
