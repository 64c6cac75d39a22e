"""Data files of Fact Review (keymap, style sheet, report templates, the demo case, icons).

Installed as the package ``fact_review.resources`` (see ``[tool.setuptools.package-dir]`` in
pyproject.toml) and read with ``importlib.resources``, so they are found in a wheel as in the source tree.
"""
