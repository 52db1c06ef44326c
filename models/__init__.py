"""Trained tradeie pipelines shipped with the package (installed as ``tradeie.models``)."""
