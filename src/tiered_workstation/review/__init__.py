"""Reading and reviewing reports (the Qt-free use cases)."""
