"""Reusable widgets of the doorbraak app."""
