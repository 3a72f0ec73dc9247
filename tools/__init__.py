"""Repository tooling: run from a checkout, never installed with the course."""
