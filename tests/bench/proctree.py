#!/usr/bin/env python3
"""CPU time and memory of a whole process tree, for `make bench` (tests/bench/run.sh).

  proctree.py cpu PID   CPU seconds (user + system) of PID and every process of its tree
  proctree.py pss PID   "PSS_KIB PROCESSES": proportional set size summed over the tree

The tree is PID, its descendants, and every process in PID's process group (a browser's
helpers that were re-parented to init stay in the group). CPU counts each process's own time
plus the time of the children it has reaped (cutime, cstime), so a helper that exits between two
readings is not lost. PSS comes from /proc/N/smaps_rollup: memory shared between the processes
of a multi-process program is counted once in total, not once per process.
"""
import os
import sys

TICKS = os.sysconf("SC_CLK_TCK")


def stat_fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        text = f.read()
    # The command name is in parentheses and may itself hold spaces and parentheses.
    return text[text.rindex(")") + 2:].split()


def tree(root):
    parents = {}
    groups = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = stat_fields(entry)
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
        pid = int(entry)
        parents[pid] = int(fields[1])
        groups[pid] = int(fields[2])
    members = {root} if root in parents else set()
    group = groups.get(root)
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if pid not in members and (parent in members or (group and groups[pid] == group)):
                members.add(pid)
                changed = True
    return sorted(members)


def cpu_seconds(root):
    ticks = 0
    for pid in tree(root):
        try:
            fields = stat_fields(pid)
        except (FileNotFoundError, ProcessLookupError):
            continue
        # Fields 14-17 of proc(5): utime, stime, cutime, cstime (here counted from field 3).
        ticks += sum(int(value) for value in fields[11:15])
    return ticks / TICKS


def pss_kib(root):
    total = 0
    count = 0
    for pid in tree(root):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        count += 1
                        break
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total, count


def main(argv):
    if len(argv) != 3 or argv[1] not in ("cpu", "pss"):
        sys.exit(__doc__)
    root = int(argv[2])
    if argv[1] == "cpu":
        print(f"{cpu_seconds(root):.2f}")
    else:
        total, count = pss_kib(root)
        print(total, count)


if __name__ == "__main__":
    main(sys.argv)
