"""Times a module written by `igc export --format pytorch` in PyTorch eager, the way `igc evaluate` times it in DJL.

Same method: inference mode, one intra-op and one inter-op thread unless told otherwise, warm-up until two windows
of 5 passes agree within 5% (at most 50 passes or a third of the time cap), then timed passes until the median's
95% order-statistic confidence half-width is within 3% of the median (at least 10, at most 200 passes, 20 s).
A fresh random input per pass, drawn before the clock starts. Prints one JSON object per batch size.

    /usr/bin/python3 bench/pytorch_latency.py model.py --batch 1,32 --threads 1
"""
import argparse
import importlib.util
import json
import math
import statistics
import time

import torch


def median_interval(times, confidence=0.95):
    """(median, lower, upper) with the binomial order-statistic interval; lower/upper None under 6 passes."""
    s = sorted(times)
    n = len(s)
    alpha = 1 - confidence
    k = 0
    while k + 1 <= (n + 1) // 2 and 2 * sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n <= alpha:
        k += 1
    med = statistics.median(s)
    return (med, None, None) if k == 0 else (med, s[k - 1], s[n - k])


def time_batch(model, shape, batch, target, max_runs, min_runs, max_seconds):
    def one():
        x = torch.rand(batch, *shape)
        start, cpu = time.perf_counter_ns(), time.thread_time_ns()
        model(x)
        return (time.perf_counter_ns() - start) / 1e6, (time.thread_time_ns() - cpu) / 1e6

    r = time_passes(one, target, max_runs, min_runs, max_seconds)
    r["batch"] = batch
    return r


def time_passes(one, target, max_runs, min_runs, max_seconds):
    """Warms up, then times one() (returning wall and thread CPU milliseconds) to the target half-width."""
    warm, started = [], time.monotonic()
    while len(warm) < 50 and time.monotonic() - started < max_seconds / 3:
        warm.append(one()[0])
        w = len(warm) // 5
        if w >= 2:
            a, b = statistics.median(warm[(w - 2) * 5:(w - 1) * 5]), statistics.median(warm[(w - 1) * 5:w * 5])
            if abs(a - b) <= 0.05 * b:
                break
    times, cpu, started, stop = [], [], time.monotonic(), None
    while stop is None:
        t, c = one()
        times.append(t)
        cpu.append(c / t if t > 0 else 1)
        med, lo, hi = median_interval(times)
        if len(times) >= min_runs and lo is not None and (hi - lo) / 2 <= target * med:
            stop = "target met"
        elif len(times) >= max_runs:
            stop = "run cap"
        elif time.monotonic() - started >= max_seconds:
            stop = "time cap"
    med, lo, hi = median_interval(times)
    return {"warmup": len(warm), "runs": len(times), "medianMs": med,
            "halfWidthMs": None if lo is None else (hi - lo) / 2, "stop": stop,
            "cpuShare": statistics.median(cpu)}


def load(path, threads):
    """The exported module at path, with PyTorch on `threads` intra-op and one inter-op thread, seeded."""
    # the inter-op pool must be sized before any parallel work
    torch.set_num_interop_threads(1)
    torch.set_num_threads(threads)
    spec = importlib.util.spec_from_file_location("exported", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    torch.manual_seed(42)
    return module


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("module")
    p.add_argument("--batch", default="1,32")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--target", type=float, default=3.0, help="percent")
    p.add_argument("--max-runs", type=int, default=200)
    p.add_argument("--min-runs", type=int, default=10)
    p.add_argument("--max-seconds", type=float, default=20)
    a = p.parse_args()
    module = load(a.module, a.threads)
    model = module.build().eval()
    with torch.inference_mode():
        for b in (int(x) for x in a.batch.split(",")):
            r = time_batch(model, module.INPUT_SHAPE, b, a.target / 100, a.max_runs, a.min_runs, a.max_seconds)
            r.update({"threads": torch.get_num_threads(), "interopThreads": torch.get_num_interop_threads(),
                      "torch": torch.__version__})
            print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()
