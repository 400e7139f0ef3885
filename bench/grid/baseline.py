"""Vectorised numpy/scipy baseline of the grid maps, timed on the same .3ds file as the TypeScript
bench (bench/grid/run.ts writes it and runs this script).

first map: read the file, decode big-endian float32 (numpy view + astype), the current channel
averaged over the points within +-10 mV of a bias, reshaped to the grid.
gap map: all pixels' forward currents sorted to ascending bias, Savitzky-Golay dI/dV (window 15,
order 3, mode='interp') over the whole array in one call, then per pixel the first-peak band
edges (scipy.signal.find_peaks with prominence >= 5 % and height >= 15 % of the side's largest
dI/dV, |V| >= 0.1 V, parabolic apex) and the deep-trap integral over [-0.8, 1.0] V of dI/dV
normalised by the principal VB peak, as bench/analysis/baseline.py.

Usage: python3 baseline.py <file.3ds> <runs> <bias V>
Prints one JSON line: {"firstMap": median s, "gapMap": median s, "gapFound": n, "gapMean": V}.
"""
import json
import sys
import time

import numpy as np
from scipy.signal import find_peaks, savgol_filter


def read_grid(path):
    raw = open(path, "rb").read()
    end = raw.index(b":HEADER_END:")
    header = {}
    for line in raw[:end].decode("latin-1").splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            header.setdefault(k, v.strip('"'))
    start = end + len(":HEADER_END:")
    while raw[start : start + 1] in (b"\r", b"\n"):
        start += 1
    nx, ny = (int(x) for x in header["Grid dim"].split("x"))
    points = int(header["Points"])
    nparams = int(header["# Parameters (4 byte)"])
    channels = header["Channels"].split(";")
    floats = nparams + len(channels) * points
    count = min(nx * ny, (len(raw) - start) // (4 * floats))
    data = np.frombuffer(raw, dtype=">f4", count=count * floats, offset=start).astype(np.float32)
    return data.reshape(count, floats), nx, ny, points, nparams


def first_map(path, bias_at):
    data, nx, ny, points, nparams = read_grid(path)
    start, end = data[0, 0], data[0, 1]
    bias = np.linspace(start, end, points)
    sel = np.nonzero(np.abs(bias - bias_at) <= 0.01 + 1e-9)[0]
    current = data[:, nparams : nparams + points]
    out = np.full(nx * ny, np.nan)
    out[: data.shape[0]] = current[:, sel].mean(axis=1)
    return out.reshape(ny, nx), data, points, nparams


def edges_of(bias, didv):
    result = []
    for side in (-1, 1):
        idx = np.nonzero((bias * side) >= 0.1)[0]
        y = didv[idx]
        top = y.max()
        peaks, _ = find_peaks(y, prominence=0.05 * top, height=0.15 * top)
        if peaks.size == 0:
            result.append(np.nan)
            continue
        i = idx[peaks[-1] if side < 0 else peaks[0]]
        y0, y1, y2 = didv[i - 1], didv[i], didv[i + 1]
        denom = y0 - 2 * y1 + y2
        shift = 0.5 * (y0 - y2) / denom if denom != 0 else 0.0
        result.append(bias[i] + shift * (bias[1] - bias[0]))
    return result


def deep_trap(bias, didv, lo=-0.8, hi=1.0):
    neg = bias < 0
    peaks, _ = find_peaks(didv[neg])
    if peaks.size == 0:
        return np.nan
    norm = didv / didv[neg][peaks].max()
    inside = (bias > lo) & (bias < hi)
    x = np.concatenate(([lo], bias[inside], [hi]))
    y = np.concatenate(([np.interp(lo, bias, norm)], norm[inside], [np.interp(hi, bias, norm)]))
    return np.trapezoid(y, x)


def gap_map(data, points, nparams):
    start, end = float(data[0, 0]), float(data[0, 1])
    bias = np.linspace(start, end, points)
    current = data[:, nparams : nparams + points].astype(np.float64)
    if end < start:
        bias = bias[::-1]
        current = current[:, ::-1]
    step = bias[1] - bias[0]
    didv = savgol_filter(current, 15, 3, deriv=1, delta=step, axis=1, mode="interp")
    gaps = np.full(data.shape[0], np.nan)
    traps = np.full(data.shape[0], np.nan)
    for k in range(data.shape[0]):
        v, c = edges_of(bias, didv[k])
        gaps[k] = c - v
        traps[k] = deep_trap(bias, didv[k])
    return gaps


def main():
    path, runs, bias_at = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    first, gap = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        _, data, points, nparams = first_map(path, bias_at)
        first.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        gaps = gap_map(data, points, nparams)
        gap.append(time.perf_counter() - t0)
    found = gaps[np.isfinite(gaps)]
    print(json.dumps({
        "firstMap": float(np.median(first)),
        "gapMap": float(np.median(gap)),
        "gapFound": int(found.size),
        "gapMean": float(found.mean()) if found.size else None,
    }))


if __name__ == "__main__":
    main()
