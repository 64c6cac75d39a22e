"""Who the app is to a Linux desktop: its application id, icon files and the article types it opens."""
from __future__ import annotations

# Reverse-DNS id (freedesktop and AppStream): the .desktop file, the metainfo and the icon are named after it,
# and the window says it (QGuiApplication.setDesktopFileName) so the desktop pairs the window with its entry.
APP_ID = "org.factreview.FactReview"
APP_NAME = "Fact Review"

ICON_SVG_NAME = "fact-review.svg"
ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256, 512)

# What `fact-review open FILE...` reads (fact_review.articles): web pages, plain text and Markdown.
# text/x-markdown is the older name some desktops still use.
ARTICLE_MIME_TYPES: tuple[str, ...] = (
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown",
)


def icon_png_name(size: int) -> str:
    return f"fact-review-{size}.png"
