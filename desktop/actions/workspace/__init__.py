"""The workspace itself: opening files, recent workspaces, team workspaces."""
