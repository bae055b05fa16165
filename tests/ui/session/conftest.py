"""The session layer: real key, mouse and wheel events on the real window."""
