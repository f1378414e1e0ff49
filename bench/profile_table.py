"""Sums a libtorch profiler trace (Chrome format, as DJL's JniUtils.stopProfile or torch.profiler's
export_chrome_trace write) by operation: self time per step, each convolution named by its kind (depthwise 3x3,
grouped 1x1, dense 1x1, dense 3x3) from its weight's shape.

    python3 bench/profile_table.py trace.json --steps 3
"""
import argparse
import collections
import json


def conv_kind(shapes, by_shape=False):
    """The kind of a convolution from its input and weight shapes (forward: x, w; backward: grad, x, w)."""
    dims = [s for s in shapes if isinstance(s, list) and len(s) == 4]
    if len(dims) < 2:
        return "?"
    x, w = dims[-2], dims[-1]
    per_group, k = w[1], w[2]
    kind = "depthwise" if per_group == 1 and x[1] > 1 else ("dense" if per_group == x[1] else "grouped")
    return "%s %dx%d" % (kind, k, k) + (", input %dx%dx%d" % tuple(x[1:]) if by_shape else "")


def self_times(events):
    """Each event's duration less its direct children's, nesting by time within each thread."""
    by_thread = collections.defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and "dur" in e:
            by_thread[e.get("tid")].append(e)
    out = []
    for evs in by_thread.values():
        evs.sort(key=lambda e: (e["ts"], -e["dur"]))
        stack = []
        for e in evs:
            while stack and stack[-1][0]["ts"] + stack[-1][0]["dur"] <= e["ts"]:
                out.append(stack.pop())
            if stack:
                stack[-1][1] -= e["dur"]
            stack.append([e, e["dur"]])
        out.extend(stack)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("trace")
    p.add_argument("--steps", type=int, default=1)
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--by-shape", action="store_true", help="convolutions by input shape too")
    a = p.parse_args()
    data = json.load(open(a.trace))
    events = data["traceEvents"] if isinstance(data, dict) else data
    totals = collections.Counter()
    calls = collections.Counter()
    for e, own in self_times(events):
        name = e["name"]
        shapes = e.get("shape") or e.get("args", {}).get("Input Dims")
        if "conv" in name and shapes:
            name += " [" + conv_kind(shapes, a.by_shape) + "]"
        totals[name] += own / 1000 / a.steps
        calls[name] += 1 / a.steps
    whole = sum(totals.values())
    print("%-70s %10s %7s %7s" % ("operation (self time)", "ms/step", "share", "calls"))
    for name, ms in totals.most_common(a.top):
        print("%-70s %10.1f %6.1f%% %7.0f" % (name[:70], ms, 100 * ms / whole, calls[name]))
    print("%-70s %10.1f" % ("all operations", whole))


if __name__ == "__main__":
    main()
