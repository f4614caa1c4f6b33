"""Application wiring: the one place that turns a configuration into services."""
