"""Activation functions, ELI5: the one implementation behind every notebook, check and grade.

Layers, each importing only those before it: facts -> engine -> ui, and facts -> engine -> tasks ->
grading. CONTRIBUTING.md draws them; tests/test_layers.py keeps them honest.
"""

__version__ = "0.1.0"
