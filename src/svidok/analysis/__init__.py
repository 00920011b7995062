"""Text analysis: personal data, places, units, themes and risk; language; search lemmas.

``analyze(text)`` is the entry point; see docs/ANALYSIS.md for what each recogniser does.
"""

from svidok.analysis.engine import analyze

__all__ = ["analyze"]
