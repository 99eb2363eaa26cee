#!/usr/bin/env python3
"""Holds the scorer's event date accuracy (a secondary figure, not an F1 area of its --min) at
the floors of a file like `seeds=0.9,dev=0.8`.

Usage: check_event_dates.py FLOORS NAME=SCORE.json ...
Exit 1 when a set's accuracy is below its floor, 2 on unusable input.
"""
import json
import sys


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        floors = {
            k: float(v)
            for k, v in (item.split("=") for item in open(sys.argv[1]).read().strip().split(","))
        }
        scores = {k: json.load(open(v)) for k, v in (a.split("=", 1) for a in sys.argv[2:])}
    except (OSError, ValueError) as e:
        print(f"check_event_dates: {e}", file=sys.stderr)
        return 2
    failed = []
    for name, floor in sorted(floors.items()):
        if name not in scores:
            print(f"check_event_dates: no score for {name}", file=sys.stderr)
            return 2
        got = scores[name]["events"]["date_accuracy"]
        print(f"{'ok ' if got >= floor else 'LOW'} event date accuracy {name}: {got:.3f} (floor {floor})")
        if got < floor:
            failed.append(name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
