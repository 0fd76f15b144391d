"""Reports of a validation run: console (rich), JSON, JUnit XML."""
