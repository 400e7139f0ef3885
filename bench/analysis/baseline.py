"""Vectorised numpy/scipy baseline of the per-spectrum analysis, timed on the same spectra as the
TypeScript pipeline (bench/analysis/run.ts writes them to a binary file and runs this script).

Per spectrum, as in ../shared/design/STS-ANALYSIS.md with defaults: Savitzky-Golay dI/dV (window
15, order 3, mode='interp'), band edges by the first-peak rule (scipy.signal.find_peaks with
prominence >= 5 % and height >= 15 % of the side's largest dI/dV, |V| >= 0.1 V), normalisation by
the principal VB peak and the deep-trap integral over [-0.8, 1.0] V (trapezoid).

Usage: python3 baseline.py <bias.f64> <currents.f64> <n> <points> <runs>
Prints one JSON line: {"seconds": median, "runs": [...], "vbmMean": ..., "cbmMean": ...}.
"""
import json
import sys
import time

import numpy as np
from scipy.signal import find_peaks, savgol_filter


def edges_of(bias, didv):
    """VBM, CBM by the first-peak rule on one smoothed dI/dV (None when absent)."""
    result = []
    for side in (-1, 1):
        mask = (bias * side) >= 0.1
        idx = np.nonzero(mask)[0]
        y = didv[idx]
        if y.size < 3:
            result.append(None)
            continue
        top = y.max()
        peaks, props = find_peaks(y, prominence=0.05 * top, height=0.15 * top)
        if peaks.size == 0:
            result.append(None)
            continue
        # VBM: the qualifying peak closest to 0 V on each side.
        k = peaks[-1] if side < 0 else peaks[0]
        i = idx[k]
        if 0 < i < bias.size - 1:
            y0, y1, y2 = didv[i - 1], didv[i], didv[i + 1]
            denom = y0 - 2 * y1 + y2
            shift = 0.5 * (y0 - y2) / denom if denom != 0 else 0.0
            result.append(bias[i] + shift * (bias[1] - bias[0]))
        else:
            result.append(bias[i])
    return result


def deep_trap(bias, didv, lo=-0.8, hi=1.0):
    neg = bias < 0
    peaks, _ = find_peaks(didv[neg])
    if peaks.size == 0:
        return None
    norm = didv / didv[neg][peaks].max()
    inside = (bias > lo) & (bias < hi)
    x = np.concatenate(([lo], bias[inside], [hi]))
    y = np.concatenate(([np.interp(lo, bias, norm)], norm[inside], [np.interp(hi, bias, norm)]))
    return np.trapezoid(y, x)


def analyse(bias, currents):
    order = np.argsort(bias)
    bias = bias[order]
    currents = currents[:, order]
    step = np.median(np.diff(bias))
    didv = savgol_filter(currents, 15, 3, deriv=1, delta=step, axis=1, mode="interp")
    vbm, cbm, traps = [], [], []
    for row in didv:
        v, c = edges_of(bias, row)
        vbm.append(v)
        cbm.append(c)
        traps.append(deep_trap(bias, row))
    return vbm, cbm, traps


def main():
    bias_path, currents_path, n, points, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    bias = np.fromfile(bias_path, dtype="<f8")
    currents = np.fromfile(currents_path, dtype="<f8").reshape(n, points)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        vbm, cbm, _ = analyse(bias, currents)
        times.append(time.perf_counter() - start)
    found_v = [v for v in vbm if v is not None]
    found_c = [c for c in cbm if c is not None]
    print(json.dumps({
        "seconds": float(np.median(times)),
        "runs": times,
        "vbmMean": float(np.mean(found_v)) if found_v else None,
        "cbmMean": float(np.mean(found_c)) if found_c else None,
    }))


if __name__ == "__main__":
    main()
