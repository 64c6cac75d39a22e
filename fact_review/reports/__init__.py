"""Verdict reports: ``data`` says what a report holds (and loads it from the review service), one module
per format renders it (``html``, ``markdown``, ``csv_report``, ``json_report``, ``claimreview``; the PDF is
drawn by Qt in ``ui/reports_pdf.py``), ``formats`` lists them, ``write`` writes files atomically and
``naming`` proposes a safe file name."""
