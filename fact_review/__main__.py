import sys

from fact_review.cli import main

sys.exit(main())
