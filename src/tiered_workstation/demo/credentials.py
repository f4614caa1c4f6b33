"""The one password every demo account shares, as the README and docs say it."""

DEMO_PASSWORD = "Demo-2026"
