"""Every command and its keys, generated from the registry and the keymap (``?`` / F1)."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ui.commands import CommandRegistry
from ui.keymap import Keymap


class CheatSheet(QDialog):
    def __init__(self, registry: CommandRegistry, keymap: Keymap, titles: dict[str, str],
                 parent: Optional[QWidget] = None) -> None:
        """``titles`` overrides registry titles that depend on the case (verdict keys show the scale's labels)."""
        super().__init__(parent)
        self.setObjectName("cheat-sheet")
        self.setWindowTitle("Keys")
        if parent is not None:  # as tall as the screen allows, never taller: the last rows stay in reach
            available = parent.screen().availableGeometry()
            self.resize(min(620, available.width() - 40), min(720, available.height() - 80))
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Key", "Command", "Id"])
        self.tree.setRootIsDecorated(False)
        for category, commands in registry.by_category():
            header = QTreeWidgetItem([category])
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
            header.setFirstColumnSpanned(False)
            self.tree.addTopLevelItem(header)
            for cmd in commands:
                item = QTreeWidgetItem(header, [keymap.text(cmd.id), titles.get(cmd.id, cmd.title), cmd.id])
                item.setData(0, Qt.ItemDataRole.UserRole, cmd.id)
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def command_ids(self) -> list[str]:
        ids = []
        for i in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(i)
            ids.extend(header.child(j).data(0, Qt.ItemDataRole.UserRole) for j in range(header.childCount()))
        return ids

    def keys_of(self, command_id: str) -> str:
        for i in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(i)
            for j in range(header.childCount()):
                if header.child(j).data(0, Qt.ItemDataRole.UserRole) == command_id:
                    return header.child(j).text(0)
        return ""
