"""`lmskit proxy`: a validating reverse proxy in front of a vendor."""
