"""The named baseline of bench:import: a reader that does what nanonispy2's `Spec` does for a
Nanonis .dat (written for this bench from its published behaviour; nanonispy2 itself is not
installed here and PyPI is not used).

Per file, like `nanonispy2.read.Spec(fname)`:
1. find the data start: open the file in binary, loop over its lines, decode each (utf-8, replacing
   bad bytes) and stop at the line holding the `[DATA]` tag; the offset after it is the header size;
2. read that many header bytes again, decode them and split the `key<TAB>value<TAB>` lines into a dict;
3. open the file as text, seek past the header and read the column-name line;
4. parse the number table with `numpy.genfromtxt(fname, delimiter='\\t', skip_header=...)`, which
   reads the file a third time, and map each column name to its column.

Parse only: prints the seconds taken for every file named on stdin (one path a line), after
checking that each gave `points` rows and an Experiment header entry.
"""
import sys
import time

import numpy as np

END_TAG = "[DATA]"


def start_byte(fname):
    """Offset of the first byte after the line holding the end tag."""
    with open(fname, "rb") as f:
        for line in f:
            entry = line.strip().decode("utf-8", errors="replace")
            if END_TAG in entry:
                return f.tell()
    raise ValueError(f"no {END_TAG} tag in {fname}")


def read_raw_header(fname, byte_offset):
    with open(fname, "rb") as f:
        return f.read(byte_offset).decode("utf-8", errors="replace")


def parse_dat_header(header_raw):
    """`key<TAB>value<TAB>` lines (CRLF) up to the blank line and the tag: a dict of strings."""
    header = {}
    for entry in header_raw.split("\r\n")[:-3]:
        if entry.endswith("\t"):
            entry = entry[:-1]
        if "\t" not in entry:
            entry += "\t"
        key, value = entry.split("\t", 1)
        header[key] = value
    return header


def read_spec(fname):
    byte_offset = start_byte(fname)
    header_raw = read_raw_header(fname, byte_offset)
    header = parse_dat_header(header_raw)
    with open(fname, "r", encoding="utf-8", errors="replace") as f:
        f.seek(byte_offset)
        column_names = f.readline().strip("\n").split("\t")
    # nanonispy2 derives the lines to skip from the header (its entry count + 4); counted here from
    # the header text (+1 for the column names) so repeated header keys cannot shift the table.
    skip_header = header_raw.count("\n") + 1
    table = np.genfromtxt(fname, delimiter="\t", skip_header=skip_header)
    return header, {name: table[:, i] for i, name in enumerate(column_names) if i < table.shape[1]}


def main():
    paths = [line.strip() for line in sys.stdin if line.strip()]
    points = int(sys.argv[1])
    start = time.perf_counter()
    for path in paths:
        header, signals = read_spec(path)
        first = next(iter(signals.values()))
        if first.shape[0] != points or "Experiment" not in header:
            raise SystemExit(f"{path}: {first.shape[0]} rows, expected {points}")
    print(time.perf_counter() - start)


if __name__ == "__main__":
    main()
