#!/usr/bin/python3
"""What the package test asks the X server (the app's window has no WebDriver there):
  window TITLE      prints the id and WM_CLASS of the visible top-level window titled TITLE
  focus             prints the title of the top-level window that has the input focus
  unfocus           gives the input focus to the root window (away from every app)
  screenshot FILE   writes the whole screen as a PNG, then prints how many colours the window
                    titled argv[3] (if given) shows, so a blank window can be told apart
Exits 1 (with a message) when the window is not there."""
import struct
import sys
import zlib

from Xlib import X, display


def title(win):
    try:
        name = win.get_wm_name()
    except Exception:  # a window that went away while we looked
        return None
    return name if isinstance(name, str) else None


def find(win, wanted):
    if title(win) == wanted and win.get_attributes().map_state == X.IsViewable:
        return win
    for child in win.query_tree().children:
        found = find(child, wanted)
        if found:
            return found
    return None


def toplevel_title(d, win):
    """The first window with a title on the way from `win` up to the root."""
    root = d.screen().root
    while win and win != root and win.id != X.PointerRoot and win.id != X.NONE:
        name = title(win)
        if name:
            return name
        win = win.query_tree().parent
    return ""


def png(path, width, height, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + row for row in rows)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        out.write(chunk(b"IDAT", zlib.compress(raw, 6)))
        out.write(chunk(b"IEND", b""))


def screenshot(d, path, wanted):
    root = d.screen().root
    geo = root.get_geometry()
    image = root.get_image(0, 0, geo.width, geo.height, X.ZPixmap, 0xFFFFFFFF)
    data = image.data if isinstance(image.data, bytes) else image.data.encode("latin-1")
    stride = len(data) // geo.height  # 4 bytes a pixel: B, G, R, unused
    rows = []
    for y in range(geo.height):
        line = data[y * stride : y * stride + geo.width * 4]
        rgb = bytearray(geo.width * 3)
        rgb[0::3] = line[2::4]
        rgb[1::3] = line[1::4]
        rgb[2::3] = line[0::4]
        rows.append(bytes(rgb))
    png(path, geo.width, geo.height, rows)
    if wanted:
        win = find(root, wanted)
        if win is None:
            sys.exit(f"no visible window titled {wanted!r}")
        pos = win.translate_coords(root, 0, 0)
        g = win.get_geometry()
        x0, y0 = -pos.x, -pos.y
        colours = set()
        for y in range(max(y0, 0), min(y0 + g.height, geo.height), 4):
            row = rows[y]
            for x in range(max(x0, 0), min(x0 + g.width, geo.width), 4):
                colours.add(row[x * 3 : x * 3 + 3])
        print(len(colours))


def main():
    d = display.Display()
    root = d.screen().root
    command = sys.argv[1]
    if command == "window":
        win = find(root, sys.argv[2])
        if win is None:
            sys.exit(f"no visible window titled {sys.argv[2]!r}")
        wm_class = win.get_wm_class() or ()
        print(hex(win.id), " ".join(wm_class))
    elif command == "focus":
        print(toplevel_title(d, d.get_input_focus().focus))
    elif command == "unfocus":
        root.set_input_focus(X.RevertToPointerRoot, X.CurrentTime)
        d.sync()
    elif command == "screenshot":
        screenshot(d, sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    else:
        sys.exit(f"unknown command {command!r}")


if __name__ == "__main__":
    main()
