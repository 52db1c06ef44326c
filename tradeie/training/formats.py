"""Read and write annotations: tradeie's own JSONL records and the formats annotators export
from Label Studio, doccano and Prodigy.

One import point for the three modules that do the work:

- :mod:`tradeie.training.records`: the record format, :func:`validate_record`,
  :func:`read_records` and :func:`write_records`;
- :mod:`tradeie.training.importers`: ``from_label_studio``, ``from_doccano``,
  ``from_prodigy`` and :func:`load_annotations`, which tells the format from the content;
- :mod:`tradeie.training.exporters`: ``to_label_studio`` (with
  :func:`label_studio_config`), ``to_doccano`` and ``to_prodigy``.

Malformed input raises :class:`~tradeie.errors.AnnotationError`; its message starts with
``path:line`` and names the problem and the fix.
"""
from __future__ import annotations

from .exporters import label_studio_config, to_doccano, to_label_studio, to_prodigy
from .importers import FORMATS, from_doccano, from_label_studio, from_prodigy, load_annotations
from .records import (
    ENTITY_LABELS,
    RELATION_LABELS,
    PathLike,
    read_records,
    validate_record,
    write_records,
)

__all__ = [
    "ENTITY_LABELS", "FORMATS", "RELATION_LABELS", "PathLike", "from_doccano",
    "from_label_studio", "from_prodigy", "label_studio_config", "load_annotations",
    "read_records", "to_doccano", "to_label_studio", "to_prodigy", "validate_record",
    "write_records",
]
