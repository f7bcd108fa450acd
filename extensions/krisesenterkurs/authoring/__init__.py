"""What editors run besides the build: `check` (check.py) and `new-module` (scaffold.py)."""
