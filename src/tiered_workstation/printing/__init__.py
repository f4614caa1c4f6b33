"""Report PDFs and the community's unattended printing."""
