"""Schema steps, one module each, numbered per database; never edit a released step."""
