#!/usr/bin/env python3
"""Archive-scale benchmark of `accord extract` (docs/scale.md).

Builds a large mbox archive deterministically (default 1.1 GB) by repeating and varying the
messages of the project's corpora/ (each copy gets its own Message-ID, Date and Subject, and
the copies are interleaved in a fixed pseudo-random order), then runs `accord extract` on it
with --jobs 1 and 2 and prints, per run: MB/s of archive text, documents/s and the peak RSS of
the child (getrusage through wait4). Also measures start-up time: extract on one tiny message
(rules and tables loaded, one document run), the median of several runs.

    tools/bench/bench.py --accord build/accord [--size-mb 1100] [--jobs 1 2] [--workdir DIR]

The archive is written to a temporary folder (removed at the end unless --keep).
"""
import argparse
import glob
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_messages(paths):
    """Splits mbox files into messages (the 'From ' separator line included)."""
    messages = []
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        starts = [m.start() for m in re.finditer(rb"(?m)^From ", data)]
        for i, s in enumerate(starts):
            e = starts[i + 1] if i + 1 < len(starts) else len(data)
            if s == 0 or data[s - 1:s] == b"\n":
                messages.append(data[s:e].rstrip(b"\n") + b"\n\n")
    return messages


HEADER_RE = {
    name: re.compile(rb"(?mi)^" + name + rb":[^\n]*\n")
    for name in (b"Message-ID", b"Date", b"Subject")
}
DAYS = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"]
MONTHS = [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"]


def vary(message, copy, index):
    """One copy of a message: its own Message-ID, Date and Subject; the body is unchanged."""
    head_end = message.find(b"\n\n")
    head, body = message[:head_end + 1], message[head_end + 1:]
    year = 2000 + copy % 25
    month = copy % 12
    day = 1 + copy % 28
    new = {
        b"Message-ID": b"Message-ID: <bench-%d-%d@accord.example>\n" % (copy, index),
        b"Date": b"Date: %s, %d %s %d 12:%02d:00 +0000\n" % (DAYS[copy % 7], day, MONTHS[month], year, index % 60),
    }
    for name, line in new.items():
        head, n = HEADER_RE[name].subn(lambda _m, line=line: line, head, count=1)
        if n == 0:
            head += line
    m = HEADER_RE[b"Subject"].search(head)
    if m:
        head = head[:m.end() - 1] + b" [%d]" % copy + head[m.end() - 1:]
    return head + body


def build_archive(folder, size_bytes, files=8):
    sources = sorted(glob.glob(os.path.join(ROOT, "corpora", "**", "*.mbox"), recursive=True))
    messages = read_messages(sources)
    if not messages:
        sys.exit("no mbox messages under corpora/")
    rng = random.Random(20181117)
    per_file = size_bytes // files
    written = 0
    copy = 0
    paths = []
    for k in range(files):
        path = os.path.join(folder, "archive-%02d.mbox" % k)
        paths.append(path)
        n = 0
        with open(path, "wb") as out:
            while n < per_file:
                order = list(range(len(messages)))
                rng.shuffle(order)
                chunk = b"".join(vary(messages[i], copy, i) for i in order)
                out.write(chunk)
                n += len(chunk)
                copy += 1
        written += n
    return paths, written, len(messages)


def run(cmd):
    """Runs cmd; returns (seconds, peak RSS in MB, stderr, CPU seconds of the child)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in (0, 1):
        sys.exit("%s failed (%d):\n%s" % (" ".join(cmd), p.returncode, err))
    return seconds, usage.ru_maxrss / 1024.0, err, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--accord", default=os.path.join(ROOT, "build", "accord"))
    ap.add_argument("--size-mb", type=int, default=1100)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--workdir")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()

    work = args.workdir or tempfile.mkdtemp(prefix="accord-bench-")
    os.makedirs(work, exist_ok=True)
    try:
        t0 = time.perf_counter()
        paths, size, n_messages = build_archive(work, args.size_mb * 1000 * 1000)
        print("archive: %.2f GB in %d files from %d corpus messages (built in %.1f s)"
              % (size / 1e9, len(paths), n_messages, time.perf_counter() - t0))

        tiny = os.path.join(work, "tiny.mbox")
        with open(tiny, "wb") as f:
            f.write(read_messages(sorted(glob.glob(os.path.join(ROOT, "corpora", "**", "*.mbox"),
                                                   recursive=True)))[0])
        startups = [run([args.accord, "extract", "-q", "-j", "1", tiny, "-o", os.devnull])[0]
                    for _ in range(7)]
        print("start-up (extract one message, median of 7): %.0f ms" % (statistics.median(startups) * 1000))

        base = None
        # On a shared machine wall time depends on the load; MB per CPU-second does not.
        print("load average: %.1f" % os.getloadavg()[0])
        print("%-6s %10s %10s %12s %10s %10s %12s" % ("jobs", "seconds", "MB/s", "documents/s", "peak RSS",
                                                    "speed-up", "MB/CPU-s"))
        for jobs in args.jobs:
            out = os.path.join(work, "out.jsonl")
            seconds, rss, err, cpu = run([args.accord, "extract", "-j", str(jobs), *paths, "-o", out])
            m = re.search(r"(\d+) documents", err)
            docs = int(m.group(1)) if m else 0
            os.remove(out)
            mbs = size / 1e6 / seconds
            base = base or mbs
            print("%-6d %10.1f %10.1f %12.0f %7.0f MB %9.2fx %12.1f"
                  % (jobs, seconds, mbs, docs / seconds, rss, mbs / base, size / 1e6 / cpu))
            sys.stdout.flush()
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
