"""The screens of the doorbraak app, one per module."""
