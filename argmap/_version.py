"""The version of argmap."""

__version__ = "0.1.0"
