"""Captures without secrets or learners' personal data: always on in ``lmskit record`` and ``lmskit proxy``, and
``lmskit redact`` for captures made elsewhere (exchange envelopes and HAR files)."""
