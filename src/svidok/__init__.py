"""svidok: a local-first evidence workbench for testimonies and the official record."""

__version__ = "0.1.0"
