"""Spec → typed Python client (openapi-python-client), and the drift check of the committed output."""
