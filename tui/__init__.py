"""The gzreview terminal app and command line, the only layer that talks to users."""
