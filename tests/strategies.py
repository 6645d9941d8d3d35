"""Hypothesis strategies for newspkg: real-world shaped models and texts.

Each section belongs to one concept; keep them apart so they stay readable.
"""

from __future__ import annotations

# --- models (articles, authors, figures, sources) ------------------------------------------------

# --- end models -----------------------------------------------------------------------------------

# --- texts (word counts and read time) ------------------------------------------------------------

# --- end texts ------------------------------------------------------------------------------------
