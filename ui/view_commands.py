"""Commands that reach every part of the window from the keyboard: the menu bar (F10), the command palette,
find in the article text, and the views of the case. A mixin of the main window (``self`` is the
MainWindow)."""
from __future__ import annotations

from ui.commands import REGISTRY, command
from ui.dialogs.command_palette import CommandPalette
from ui.find_bar import count_in, find_in
from ui.menus import plain_text

VIEW_COMMANDS = ("view-panes", "view-figures", "view-timeline")  # in the order of the centre's tabs
KEYS_NAMED_IN_VIEWS = (*VIEW_COMMANDS, "verdict-1", "verdict-5", "note-edit", "verdict-final", "fact-split",
                       "fact-merge")


class ViewCommands:
    @command("menu-open", title="Open the menu bar", category="Help")
    def menu_open(self) -> None:
        bar = self.menuBar()
        bar.setFocus()
        bar.setActiveAction(bar.actions()[0])

    @command("command-palette", title="Find a command by name…", category="Help", hint="commands")
    def command_palette(self) -> None:
        titles = {cid: plain_text(action.text()) for cid, action in self.actions.items()}
        palette = CommandPalette(REGISTRY, self.keymap, titles, self)
        palette.chosen.connect(lambda cid: self.run_command(REGISTRY[cid]))
        self._open_dialog(palette)

    # --- find ----------------------------------------------------------------------------------------
    @command("find", title="Find in the article…", category="Edit")
    def find(self) -> None:
        self.show_panes()
        self.center.side_by_side.find_bar.open()

    @command("find-next", title="Find the next occurrence", category="Edit")
    def find_next(self) -> None:
        self._find_again(backwards=False)

    @command("find-prev", title="Find the previous occurrence", category="Edit")
    def find_prev(self) -> None:
        self._find_again(backwards=True)

    def _find_again(self, backwards: bool) -> None:
        text = self.center.side_by_side.find_bar.text()
        if not text:
            self.find()
            return
        self.find_text(text, backwards)

    def find_text(self, text: str, backwards: bool) -> None:
        """Select the next occurrence of ``text`` in the active pane, from its cursor, wrapping at the end."""
        pane, bar = self.active_pane, self.center.side_by_side.find_bar
        if not text or pane.article_id is None:
            return
        selection = pane.selection()
        here = (selection[0] if backwards else selection[1]) if selection else pane.cursor_offset()
        found = find_in(pane.text, text, here, backwards)
        if found is None:
            bar.show_result("not in this article")
            self.message(f"“{text}” is not in {self.state.article_name(pane.article_id)}")
            return
        pane.select_span(*found)
        before = count_in(pane.text[:found[0]], text)
        bar.show_result(f"{before + 1} of {count_in(pane.text, text)}")

    # --- views ---------------------------------------------------------------------------------------
    def open_case_views(self, state) -> None:
        figures, timeline = self.center.set_case(state)
        figures.claimChosen.connect(self.set_current_claim)
        timeline.claimChosen.connect(self.set_current_claim)
        self.follow_figure_table(figures)
        self.describe_view_keys()

    def describe_view_keys(self) -> None:
        """The keys the views name (tab tooltips, the figure table's line of keys), from the keymap."""
        first = {cid: self.keymap.text(cid).split(" / ")[0] for cid in KEYS_NAMED_IN_VIEWS}
        self.center.set_tab_keys(tuple(first[cid] for cid in VIEW_COMMANDS))
        self.center.figures.set_keys(first)

    def show_panes(self) -> None:
        self.center.show_view(self.center.side_by_side)

    def _show_overview(self, page) -> None:
        self.center.show_view(page)
        self._on_view_tab(self.center.tabs.currentIndex())  # also when the view was shown already

    @command("view-panes", title="Show the two articles side by side", category="View")
    def view_panes(self) -> None:
        self.show_panes()
        self.active_pane.setFocus()

    @command("view-figures", title="Show the figure table: who says what", category="View")
    def view_figures(self) -> None:
        self._show_overview(self.center.figures)

    @command("view-timeline", title="Show the timeline of the case's dates", category="View")
    def view_timeline(self) -> None:
        self._show_overview(self.center.timeline)
