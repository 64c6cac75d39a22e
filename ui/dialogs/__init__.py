"""The window's dialogs: each opens without blocking, answers Enter and closes with Esc."""
