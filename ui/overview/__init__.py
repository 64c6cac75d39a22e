"""Views of the whole case beside the two panes: the figure table (who says what) and the timeline."""
