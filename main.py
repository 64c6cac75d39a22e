"""Start the Fact Review desktop app: ``python main.py [FILE...]``."""
import sys

from ui.app import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
