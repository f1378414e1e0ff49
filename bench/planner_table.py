"""Training throughput in DJL under each execution against PyTorch eager on the same design (bench/planner.sh).

    /usr/bin/python3 bench/planner_table.py planner.json pytorch.jsonl
"""
import json
import sys


def main():
    djl = [f for f in json.load(open(sys.argv[1])) if f["kind"] == "training"]
    eager = {r["sample"]: r for r in (json.loads(line) for line in open(sys.argv[2]) if line.strip())}
    print("\ntraining throughput against PyTorch eager %s (same batch, one intra-op and one inter-op thread):"
          % next(iter(eager.values()))["torch"] if eager else "")
    rows = [("sample", "execution", "DJL images/s", "eager images/s", "DJL / eager")]
    for f in djl:
        e = eager.get(f["sample"])
        if e is None:
            continue
        eager_ips = e["batch"] * 1000 / e["medianMs"]
        rows.append((f["sample"], f["execution"], "%.1f" % f["imagesPerSecond"], "%.1f" % eager_ips,
                     "%.2fx" % (f["imagesPerSecond"] / eager_ips)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))


if __name__ == "__main__":
    main()
