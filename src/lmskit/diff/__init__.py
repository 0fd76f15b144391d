"""`lmskit diff OLD NEW`: what a spec change breaks for the code that consumes the API."""
