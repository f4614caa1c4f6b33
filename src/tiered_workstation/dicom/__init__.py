"""The DICOM node: handlers (echo, store, worklist) as plain functions, SCU helpers,
character sets, the archive indexer and synthetic images."""
