"""A software DR console for pre-deployment testing (as in the paper)."""
