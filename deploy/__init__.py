"""Running Werkstatt on a server: several app processes behind nginx (see deploy/README.md)."""
