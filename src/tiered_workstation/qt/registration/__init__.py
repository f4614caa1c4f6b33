"""The community registration desk."""
