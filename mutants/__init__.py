"""Mutation testing of the contract suites: a corpus of vendor faults (``faults``), a launcher that runs one tool
against a fake with one fault (``launch``), and the measurement that compares the kit with plain schemathesis
(``run``; ``nox -s mutants``)."""
