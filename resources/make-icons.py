#!/usr/bin/env python3
"""Renders Sluice's application icon (a sluice gate holding back water, a stream passing below it) with the Python
standard library only, as sluice.png (Linux), sluice.ico (Windows) and sluice.icns (macOS). Run it from this folder
after changing the drawing; the outputs are committed so the build does not need Python."""
import math
import struct
import zlib

SIZE = 256
SAMPLES = 4  # supersampling per axis, for smooth edges

BLUE = (31, 78, 121)
POST = (217, 226, 236)
GATE = (242, 177, 52)
PLANK = (201, 138, 18)
WATER = (124, 196, 240)


def rounded_rect(x, y, x0, y0, x1, y1, r):
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def wave(x, y, top):
    if not 48 <= x <= 208:
        return False
    crest = top + 6 * math.sin((x - 48) / 40 * 2 * math.pi)
    return crest <= y <= crest + 12


def colour_at(x, y):
    """The colour of the point (x, y), or None outside the icon; later shapes paint over earlier ones."""
    colour = None
    if rounded_rect(x, y, 8, 8, 248, 248, 44):
        colour = BLUE
    if rounded_rect(x, y, 28, 40, 48, 216, 4) or rounded_rect(x, y, 208, 40, 228, 216, 4):
        colour = POST
    if rounded_rect(x, y, 48, 52, 208, 144, 6):
        colour = PLANK if 80 <= y <= 88 or 108 <= y <= 116 else GATE
    if wave(x, y, 168) or wave(x, y, 194):
        colour = WATER
    return colour


def render(size):
    scale = SIZE / size
    rows = []
    for py in range(size):
        row = bytearray([0])  # PNG filter type: none
        for px in range(size):
            r = g = b = a = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    c = colour_at((px + (sx + 0.5) / SAMPLES) * scale, (py + (sy + 0.5) / SAMPLES) * scale)
                    if c:
                        r, g, b, a = r + c[0], g + c[1], b + c[2], a + 1
            n = SAMPLES * SAMPLES
            row += bytes([r // a, g // a, b // a, 255 * a // n]) if a else bytes(4)
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(images):
    """An ICO file whose entries are PNGs (supported since Windows Vista)."""
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, data in images:
        out += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _, data in images)


def icns(images):
    """An ICNS file with PNG entries: ic07 is 128x128, ic08 256x256."""
    kinds = {128: b"ic07", 256: b"ic08"}
    body = b"".join(kinds[size] + struct.pack(">I", 8 + len(data)) + data for size, data in images if size in kinds)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


if __name__ == "__main__":
    images = [(size, render(size)) for size in (256, 128, 48, 32, 16)]
    with open("sluice.png", "wb") as f:
        f.write(images[0][1])
    with open("sluice.ico", "wb") as f:
        f.write(ico(images))
    with open("sluice.icns", "wb") as f:
        f.write(icns(images))
