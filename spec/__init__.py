"""Spec tracking: pull upstream's OpenAPI document, apply our overlay, diff, record.

The code lives in `spec.tools` (run it as `python -m spec.tools`); the data it keeps
(`overlay.yaml`, `lock.json`) lives beside this file, so that every correction we make
to upstream is reviewable in one place.
"""
