"""The live status board shared by both sites' desks."""
