"""conflictmap: news articles about a war, turned into a sourced, checkable map."""

__version__ = "0.1.0"
