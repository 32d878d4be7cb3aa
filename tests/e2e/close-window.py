#!/usr/bin/python3
"""Asks the X11 window titled argv[1] to close, as a window manager's close button does
(a WM_DELETE_WINDOW client message), so the app goes through its normal exit path.
WebDriver cannot do this: closing the last window through it kills the app process."""
import sys

from Xlib import X, display, protocol


def find(win, title):
    name = win.get_wm_name()
    if name == title and win.get_attributes().map_state == X.IsViewable:
        return win
    for child in win.query_tree().children:
        found = find(child, title)
        if found:
            return found
    return None


def main():
    title = sys.argv[1]
    d = display.Display()
    win = find(d.screen().root, title)
    if win is None:
        sys.exit(f"no visible window titled {title!r}")
    wm_protocols = d.intern_atom("WM_PROTOCOLS")
    wm_delete = d.intern_atom("WM_DELETE_WINDOW")
    event = protocol.event.ClientMessage(
        window=win, client_type=wm_protocols, data=(32, [wm_delete, X.CurrentTime, 0, 0, 0])
    )
    win.send_event(event, event_mask=X.NoEventMask)
    d.sync()


if __name__ == "__main__":
    main()
