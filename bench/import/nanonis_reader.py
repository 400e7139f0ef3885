"""A nanonispy2-style reader of Nanonis .dat spectroscopy files, the baseline of bench:import.

Like nanonispy2's Spec: the header's `key<TAB>value` lines up to [DATA] into a dict, then the
column-name line and the number table (numpy) into a dict of named columns. Parse only: prints the
seconds taken to read and parse every file named on stdin (one path a line), after checking
every file gave a table of the expected shape.
"""
import sys
import time

import numpy as np


def read_spec(path):
    header = {}
    with open(path, "r", encoding="latin-1") as f:
        for line in f:
            if line.startswith("[DATA]"):
                break
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) >= 2 and parts[0]:
                header[parts[0]] = parts[1]
        names = f.readline().rstrip("\r\n").split("\t")
        table = np.loadtxt(f, delimiter="\t", ndmin=2)
    return header, {name: table[:, i] for i, name in enumerate(names) if i < table.shape[1]}


def main():
    paths = [line.strip() for line in sys.stdin if line.strip()]
    points = int(sys.argv[1])
    start = time.perf_counter()
    for path in paths:
        header, data = read_spec(path)
        first = next(iter(data.values()))
        if first.shape[0] != points or "Experiment" not in header:
            raise SystemExit(f"{path}: {first.shape[0]} rows, expected {points}")
    print(time.perf_counter() - start)


if __name__ == "__main__":
    main()
