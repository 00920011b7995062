"""The ``svidok`` command. Each command parses input, calls one library function, renders."""

from svidok.cli.app import app, main

__all__ = ["app", "main"]
