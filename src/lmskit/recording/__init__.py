"""`lmskit record`: a tenant's read-only answers, kept as redacted exchange envelopes."""
