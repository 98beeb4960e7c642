"""Sums up a slice of jobs/s3's request log (target/s3/logs/requests.tsv).

  python3 jobs/s3-requests.py LOG FIRST_LINE PREFIX CHUNKS

Counts the requests from line FIRST_LINE (1-based) on whose key lies under PREFIX (e.g.
/bucket/relufem/x/), and prints one line of key=value figures: requests, by kind (put, upload =
multipart part, mpu = initiate/complete/abort, copy, delete, head, get, list), bytes_uploaded
(PUT and part bodies, less the aws-chunked signing overhead is not removed: what crossed the
wire), bytes_copied (the sizes of the objects COPY requests duplicated, from the sizes this log
saw them written with), and per_chunk values of requests, copy and bytes_copied for CHUNKS chunks.
"""
import sys
import urllib.parse

log, first, prefix, chunks = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
size = {}          # key -> bytes, as written (PUT, completed multipart upload, copy)
parts = {}         # uploadId -> bytes so far
counts = {k: 0 for k in ("put", "upload", "mpu", "copy", "delete", "head", "get", "list")}
total = uploaded = copied = 0
with open(log) as f:
    for n, line in enumerate(f, 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 8:
            continue
        _, method, path, query, source, sent, status, _ = cols
        key = urllib.parse.unquote(path)
        q = urllib.parse.parse_qs(query if query != "-" else "", keep_blank_values=True)
        if not status.startswith("2"):
            kind = None
        elif method == "PUT" and source != "-":
            src = "/" + urllib.parse.unquote(source.lstrip("/"))
            size[key] = size.get(src, 0)
            kind = "copy"
        elif method == "PUT" and "uploadId" in q:
            parts[q["uploadId"][0]] = parts.get(q["uploadId"][0], 0) + int(sent)
            kind = "upload"
        elif method == "PUT":
            size[key] = int(sent)
            kind = "put"
        elif method == "POST" and "uploadId" in q:
            size[key] = parts.pop(q["uploadId"][0], 0)
            kind = "mpu"
        elif method == "POST" and "uploads" in q:
            kind = "mpu"
        elif method == "POST" and "delete" in q:
            kind = "delete"
        elif method == "DELETE":
            kind = "delete"
        elif method == "HEAD":
            kind = "head"
        elif method == "GET" and ("list-type" in q or "prefix" in q or "uploads" in q or key.endswith("/")):
            kind = "list"
        else:
            kind = "get"
        # A listing names its prefix in the query; everything else in the path.
        where = key if "prefix" not in q else key.rstrip("/") + "/" + q["prefix"][0]
        if n < first or not where.startswith(prefix):
            continue
        total += 1
        if kind is None:
            continue
        counts[kind] += 1
        if kind in ("put", "upload"):
            uploaded += int(sent)
        if kind == "copy":
            copied += size.get(key, 0)
c = max(chunks, 1)
print(f"requests={total} " + " ".join(f"{k}={v}" for k, v in counts.items())
      + f" bytes_uploaded={uploaded} bytes_copied={copied} chunks={chunks}"
      + f" per_chunk_requests={total / c:.1f} per_chunk_copy={counts['copy'] / c:.1f}"
      + f" per_chunk_bytes_copied={copied / c:.0f}")
