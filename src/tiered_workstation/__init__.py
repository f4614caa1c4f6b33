"""Tiered Workstation: PACS/RIS for tiered radiology care in a hospital consortium."""

__version__ = "0.2.0"
