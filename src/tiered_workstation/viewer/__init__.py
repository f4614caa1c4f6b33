"""The viewer's image pipeline (no Qt): decoding, display lookup tables, series and
volumes, measurements."""
