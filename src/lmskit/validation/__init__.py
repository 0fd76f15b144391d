"""Validating captured vendor responses against the specs: files, folders, HAR captures, stdin."""
