# Independent reader for the CSV writer's tests: Python's csv module (RFC 4180 dialect) reads the
# file given as argv[1], skipping "#" comment lines, and prints the comments and rows as JSON.
import csv
import io
import json
import sys

with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    text = handle.read()
comments = []
body = []
for line in io.StringIO(text, newline=""):
    # Comment lines are whole lines at the top; quoted fields never start a line with "#".
    if not body and line.startswith("# "):
        comments.append(line[2:].rstrip("\n"))
    else:
        body.append(line)
rows = list(csv.reader(io.StringIO("".join(body), newline=""), strict=True))
json.dump({"comments": comments, "rows": rows}, sys.stdout, ensure_ascii=False)
