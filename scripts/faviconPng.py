"""Rasterises the app's icon (index.html's favicon: a tip over a dI/dV peak) into a 32x32 PNG data
URL. Chromium builds a whole isolated SVG document for an SVG favicon on the page's main thread
(13-48 ms in traces of the page load); a PNG is decoded in well under a millisecond.
Run: python3 scripts/faviconPng.py  (prints the data URL for index.html)."""
import base64
import struct
import zlib

SIZE = 32
SUB = 8  # samples per pixel side (anti-aliasing)
BACKGROUND = (0x1D, 0x23, 0x30)
STROKE = (0xF2, 0xA3, 0x3A)
RADIUS = 6.0
HALF_WIDTH = 1.5


def cubic(p0, p1, p2, p3, steps=64):
    out = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        out.append(tuple(u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * d
                         for a, b, c, d in zip(p0, p1, p2, p3)))
    return out


# M4 24 C10 24 11 8 16 8 S22 24 28 24 (S: the first control point mirrors (11, 8) about (16, 8)).
POLYLINE = cubic((4, 24), (10, 24), (11, 8), (16, 8)) + cubic((16, 8), (21, 8), (22, 24), (28, 24))[1:]


def in_rounded_rect(x, y):
    cx = min(max(x, RADIUS), SIZE - RADIUS)
    cy = min(max(y, RADIUS), SIZE - RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS**2


def near_stroke(x, y):
    for (ax, ay), (bx, by) in zip(POLYLINE, POLYLINE[1:]):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        if (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= HALF_WIDTH**2:
            return True
    return False


def pixel(px, py):
    rect = stroke = 0
    for sy in range(SUB):
        for sx in range(SUB):
            x, y = px + (sx + 0.5) / SUB, py + (sy + 0.5) / SUB
            if in_rounded_rect(x, y):
                rect += 1
                if near_stroke(x, y):
                    stroke += 1
    n = SUB * SUB
    alpha = rect / n
    if rect == 0:
        return (0, 0, 0, 0)
    mix = stroke / rect
    rgb = tuple(round(b * (1 - mix) + s * mix) for b, s in zip(BACKGROUND, STROKE))
    return (*rgb, round(255 * alpha))


def png(rows):
    raw = b''.join(b'\x00' + bytes(v for p in row for v in p) for row in rows)

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))

    header = struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')


data = png([[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)])
print('data:image/png;base64,' + base64.b64encode(data).decode('ascii'))
