"""What the clerk can do in the window, one module per noun (Anki's aqt/operations).

Each action reads the widget, runs one workspace call through :mod:`desktop.operations`
and shows the result; none holds a business rule.  An action takes the window as its
first argument and keeps the dialog it opens on the window (``window.allocation_dialog``),
so that the dialog lives as long as it is open and tests can reach it.
"""
