"""Activation functions, ELI5: the one implementation behind every notebook, check and grade."""

__version__ = "0.1.0"
