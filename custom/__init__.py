"""The hand-written, ergonomic layer over the generated client."""
