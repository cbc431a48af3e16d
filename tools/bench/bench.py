#!/usr/bin/env python3
"""Archive-scale benchmark of `accord extract` (docs/scale.md).

Builds a large mbox archive deterministically (default 1.1 GB) by repeating and varying the
messages of the project's corpora/ (each copy gets its own Message-ID, Date and Subject, and
the copies are interleaved in a fixed pseudo-random order), then runs `accord extract` on it
with --jobs 1 and 2 and prints MB/s of archive text, documents/s and the peak RSS of the child
(getrusage through wait4): each setting is run once per round, rounds back to back (--repeat,
default 3), and the table gives medians, since on a shared machine one run's wall time depends
on the load of the moment. --pair adds a row "1+1": two single-thread processes at once, each on
half of the files, which shows what two cores give to two fully independent copies of the work. Also measures start-up time: extract on one tiny message
(rules and tables loaded, one document run), the median of several runs.

    tools/bench/bench.py --accord build/accord [--size-mb 1100] [--jobs 1 2] [--repeat 3] [--pair]
                         [--workdir DIR]

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


def run_pair(accord, paths, work):
    """Two single-thread runs at once, each on half of the files; returns the pair's figures
    as one run (wall seconds until both ended, larger peak RSS, summed CPU and documents)."""
    halves = [paths[:len(paths) // 2], paths[len(paths) // 2:]]
    t0 = time.perf_counter()
    procs = []
    for k, half in enumerate(halves):
        out = os.path.join(work, "pair-%d.jsonl" % k)
        procs.append((subprocess.Popen([accord, "extract", "-j", "1", *half, "-o", out],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE), out))
    rss, cpu, docs = 0.0, 0.0, 0
    for p, out in procs:
        err = p.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(p.pid, 0)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit("pair run failed:\n" + err)
        m = re.search(r"(\d+) documents", err)
        docs += int(m.group(1)) if m else 0
        rss = max(rss, usage.ru_maxrss / 1024.0)
        cpu += usage.ru_utime + usage.ru_stime
        os.remove(out)
    return time.perf_counter() - t0, rss, cpu, docs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--accord", default=os.path.join(ROOT, "build", "accord"))
    ap.add_argument("--size-mb", type=int, default=1100)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--workdir")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="rounds of runs; the table shows medians")
    ap.add_argument("--pair", action="store_true",
                    help="also run two single-thread processes at once on the two halves of the "
                         "files (row 1+1): the machine's own ceiling for two threads")
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

        # On a shared machine wall time depends on the load of the moment; the settings are
        # therefore run in rounds, each round running every setting once, back to back, and the
        # figures are medians over the rounds. The speed-up is the median of the per-round
        # ratios, each taken between runs made a few seconds apart.
        print("load average: %.1f" % os.getloadavg()[0])
        settings = [str(j) for j in args.jobs] + (["1+1"] if args.pair else [])
        results = {s: [] for s in settings}  # setting -> [(seconds, rss, cpu, docs)]
        out = os.path.join(work, "out.jsonl")
        for r in range(args.repeat):
            for setting in settings:
                if setting == "1+1":
                    results[setting].append(run_pair(args.accord, paths, work))
                    continue
                seconds, rss, err, cpu = run([args.accord, "extract", "-j", setting, *paths, "-o", out])
                m = re.search(r"(\d+) documents", err)
                os.remove(out)
                results[setting].append((seconds, rss, cpu, int(m.group(1)) if m else 0))
                print("round %d, jobs %s: %.1f MB/s" % (r + 1, setting, size / 1e6 / seconds))
                sys.stdout.flush()
            if args.pair:
                print("round %d, jobs 1+1: %.1f MB/s" % (r + 1, size / 1e6 / results["1+1"][-1][0]))

        print()
        print("medians of %d rounds:" % args.repeat)
        print("%-6s %10s %10s %13s %12s %10s %10s %10s" % ("jobs", "seconds", "MB/s", "(min-max)",
              "documents/s", "peak RSS", "speed-up", "MB/CPU-s"))
        first = results[settings[0]]
        for setting in settings:
            runs = results[setting]
            mbs = [size / 1e6 / r[0] for r in runs]
            ratios = [(f[0] / r[0]) for f, r in zip(first, runs)]
            seconds = statistics.median(r[0] for r in runs)
            print("%-6s %10.1f %10.1f %13s %12.0f %7.0f MB %9.2fx %10.1f"
                  % (setting, seconds, statistics.median(mbs), "(%.1f-%.1f)" % (min(mbs), max(mbs)),
                     statistics.median(r[3] / r[0] for r in runs), max(r[1] for r in runs),
                     statistics.median(ratios), statistics.median(size / 1e6 / r[2] for r in runs)))
        if args.pair:
            print("(1+1: two single-thread processes at once, each on half of the files: the most "
                  "two cores of this machine give to two independent copies of the work)")
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
