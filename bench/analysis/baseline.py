"""Vectorised numpy/scipy baseline of the per-spectrum analysis, timed on the same spectra as the
TypeScript pipeline (bench/analysis/run.ts writes them to a binary file and runs this script).

Per spectrum, as in ../shared/design/STS-ANALYSIS.md with defaults: Savitzky-Golay dI/dV (window
15, order 3, mode='interp'), band edges by the first-peak rule (scipy.signal.find_peaks with
prominence >= 5 % and height >= 15 % of the side's largest dI/dV, |V| >= 0.1 V), normalisation by
the principal VB peak and the deep-trap integral over [-0.8, 1.0] V (trapezoid).

With a labels file (JSON list, one label or null per spectrum) it also does the group stage as
runPipeline does: per label the mean I(V) and its std, differentiated and measured like a
spectrum, statistics of VBM/CBM/Eg/deep trap, and every ordered pair's deep-trap reduction with a
2,000-resample bootstrap CI.

Usage: python3 baseline.py <bias.f64> <currents.f64> <n> <points> <runs> [labels.json]
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


def groups_stage(bias, currents, vbm, cbm, traps, labels):
    order = np.argsort(bias)
    b = bias[order]
    step = np.median(np.diff(b))
    vbm = np.array([np.nan if v is None else v for v in vbm])
    cbm = np.array([np.nan if v is None else v for v in cbm])
    deep = np.array([np.nan if v is None else v for v in traps])
    names = sorted({l for l in labels if l is not None})
    lab = np.array([l if l is not None else "" for l in labels])
    out = {}
    for name in names:
        m = lab == name
        c = currents[m][:, order]
        avg, _std = c.mean(axis=0), c.std(axis=0, ddof=1)
        d = savgol_filter(avg, 15, 3, deriv=1, delta=step, mode="interp")
        stats = [(np.nanmean(x), np.nanstd(x, ddof=1), np.nanmedian(x))
                 for x in (vbm[m], cbm[m], cbm[m] - vbm[m], deep[m])]
        out[name] = (edges_of(b, d), deep_trap(b, d), stats, deep[m][np.isfinite(deep[m])])
    rng = np.random.default_rng(1)
    for a in names:
        for bb in names:
            if a != bb:
                da, db = out[a][3], out[bb][3]
                ra = da[rng.integers(0, da.size, (2000, da.size))].mean(axis=1)
                rb = db[rng.integers(0, db.size, (2000, db.size))].mean(axis=1)
                np.percentile(1 - rb / ra, [2.5, 97.5])
    return out


def main():
    bias_path, currents_path, n, points, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    labels = None
    if len(sys.argv) > 6:
        with open(sys.argv[6]) as f:
            labels = json.load(f)
    bias = np.fromfile(bias_path, dtype="<f8")
    currents = np.fromfile(currents_path, dtype="<f8").reshape(n, points)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        vbm, cbm, traps = analyse(bias, currents)
        if labels is not None:
            groups_stage(bias, currents, vbm, cbm, traps, labels)
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
