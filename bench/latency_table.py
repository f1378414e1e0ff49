"""Prints the repeatability table (DJL as designed, which is what the exported PyTorch module computes, and under the
planner's auto execution) from the files bench/latency-repeatability.sh wrote (any python3: json only).

    python3 bench/latency_table.py bench/target/latency
"""
import glob
import json
import os
import sys


def djl(path, execution):
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return {l["batch"]: l for l in json.load(f)["latency"] if l["execution"] in (execution, "sparse" if execution == "designed" else None)}


def torch(path):
    out = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if line.startswith("{"):
                    r = json.loads(line)
                    out[r["batch"]] = r
    return out


def cell(l):
    hw = "±?" if l.get("halfWidthMs") is None else "±%.1f%%" % (100 * l["halfWidthMs"] / l["medianMs"])
    return "%.2f %s" % (l["medianMs"], hw)


def main(folder):
    rows = []
    names = sorted({os.path.basename(p)[:-len("-1.json")] for p in glob.glob(os.path.join(folder, "*-1.json"))})
    for name, execution in [(n, e) for n in names for e in ("designed", "auto")]:
        first, second = djl(os.path.join(folder, name + "-1.json"), execution), djl(os.path.join(folder, name + "-2.json"), execution)
        eager = torch(os.path.join(folder, name + "-torch.jsonl"))
        for batch in sorted(first):
            a, b = first[batch], second.get(batch)
            spread = "" if b is None else "%.1f%%" % (100 * abs(a["medianMs"] - b["medianMs"]) / min(a["medianMs"], b["medianMs"]))
            verdicts = a["verdict"] + ("" if b is None else "/" + b["verdict"])
            e = eager.get(batch)
            mean = a["medianMs"] if b is None else (a["medianMs"] + b["medianMs"]) / 2
            ratio = "" if e is None else "%.2f" % (mean / e["medianMs"])
            rows.append([name, execution, str(batch), cell(a) + " (cpu/wall %.2f)" % a["cpuShare"],
                         "" if b is None else cell(b) + " (cpu/wall %.2f)" % b["cpuShare"], spread, verdicts,
                         "%s/%s" % (a["runnable"] if a.get("runnable") is not None else "-",
                                    "-" if b is None or b.get("runnable") is None else b["runnable"]),
                         "" if e is None else cell(e), "" if e is None else "%.2f" % e["cpuShare"], ratio])
    header = ["network", "execution", "batch", "DJL 1st ms", "DJL 2nd ms", "spread", "verdict", "runnable", "PyTorch eager ms", "eager cpu/wall",
              "DJL/eager"]
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    for r in [header, ["-" * w for w in widths]] + rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/target/latency")
