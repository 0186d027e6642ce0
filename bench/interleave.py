#!/usr/bin/env python3
"""Time commands interleaved (A, B, A, B...) so that a loaded machine disturbs them alike.

Usage: interleave.py RUNS NAME=COMMAND NAME=COMMAND...
Each COMMAND runs in bash, its output discarded. Prints, per command, the median
wall-clock time and the median CPU time (user+sys of the command and its children),
then every command's medians as a ratio of the last command's.
"""
import os, resource, statistics, subprocess, sys, time

runs = int(sys.argv[1])
cmds = [a.split("=", 1) for a in sys.argv[2:]]
wall = {n: [] for n, _ in cmds}
cpu = {n: [] for n, _ in cmds}
for _ in range(runs):
    for name, cmd in cmds:
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(["bash", "-c", cmd], stdout=subprocess.DEVNULL, check=True)
        wall[name].append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[name].append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
base = cmds[-1][0]
for name, _ in cmds:
    w, c = statistics.median(wall[name]), statistics.median(cpu[name])
    print(f"{name:24} wall {w:7.3f} s ({w / statistics.median(wall[base]):5.2f}x {base})"
          f"   cpu {c:7.3f} s ({c / statistics.median(cpu[base]):5.2f}x {base})")
