#!/usr/bin/env python3
"""Writes resources/icon.png (512 x 512 RGBA): the app's favicon design (src/renderer/index.html)
rasterised with numpy: a dark rounded square and an orange dI/dV peak (a tip over a band edge).

    python3 scripts/makeIcon.py

Antialiased by 4 x 4 supersampling (the stroke drawn as discs along the curve); PNG written with zlib (no imaging library needed).
"""
import os
import struct
import zlib

import numpy as np

SIZE = 512
SUPER = 4
UNIT = SIZE / 32  # the favicon's viewBox is 32 x 32
BACKGROUND = np.array([0x1D, 0x23, 0x30], float)
STROKE = np.array([0xF2, 0xA3, 0x3A], float)


def cubic(p0, p1, p2, p3, n=120):
    t = np.linspace(0, 1, n)[:, None]
    return (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t**2 * p2 + t**3 * p3


# M4 24 C10 24 11 8 16 8 S22 24 28 24 (the S reflects (11, 8) about (16, 8) to (21, 8)).
P = lambda x, y: np.array([x, y], float)
curve = np.vstack([cubic(P(4, 24), P(10, 24), P(11, 8), P(16, 8), 800), cubic(P(16, 8), P(21, 8), P(22, 24), P(28, 24), 800)])
curve *= UNIT * SUPER  # supersampled pixel units, points well under a pixel apart

N = SIZE * SUPER
centres = np.arange(N) + 0.5
Y, X = np.meshgrid(centres, centres, indexing="ij")
radius = 6 * UNIT * SUPER
cx = np.clip(X, radius, N - radius)
cy = np.clip(Y, radius, N - radius)
inside = (X - cx) ** 2 + (Y - cy) ** 2 <= radius**2
# The stroke (width 3 units) as the union of discs along the curve.
stroke = np.zeros((N, N), bool)
half = 1.5 * UNIT * SUPER
for x, y in curve:
    x0, x1 = int(max(0, x - half - 1)), int(min(N, x + half + 2))
    y0, y1 = int(max(0, y - half - 1)), int(min(N, y + half + 2))
    stroke[y0:y1, x0:x1] |= (X[y0:y1, x0:x1] - x) ** 2 + (Y[y0:y1, x0:x1] - y) ** 2 <= half**2
stroke &= inside
fill = inside.reshape(SIZE, SUPER, SIZE, SUPER).mean((1, 3))
ink = stroke.reshape(SIZE, SUPER, SIZE, SUPER).mean((1, 3))
share = (ink / np.maximum(fill, 1e-9))[..., None]
rgba = np.zeros((SIZE, SIZE, 4))
rgba[..., :3] = BACKGROUND * (1 - share) + STROKE * share
rgba[..., 3] = fill * 255

pixels = np.clip(np.round(rgba), 0, 255).astype(np.uint8)
raw = b"".join(b"\0" + row.tobytes() for row in pixels)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "icon.png")
with open(out, "wb") as f:
    f.write(png)
print(out, len(png), "bytes")
