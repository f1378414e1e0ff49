"""Times a training step of a module written by `igc export --format pytorch` in PyTorch eager, the way the planner
bench times one in DJL: a fresh random batch and random labels per step (drawn before the clock starts), forward,
cross-entropy, backward and an SGD step (momentum 0.9, weight decay 5e-4), one intra-op and one inter-op thread;
warm-up and timing as bench/pytorch_latency.py. Prints one JSON object. With --profile, profiles --steps steps
instead and writes the operations (with their input shapes) as a Chrome trace for bench/profile_table.py.

    /usr/bin/python3 bench/pytorch_training.py model.py --batch 32 --threads 1 --name cifar-igcv2-k8-d38
    /usr/bin/python3 bench/pytorch_training.py model.py --batch 32 --threads 1 --profile trace.json --steps 1
"""
import argparse
import json
import time

import torch

from pytorch_latency import load, time_passes


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("module")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--name", default="")
    p.add_argument("--quick", action="store_true", help="a few passes: checks the script, the figure means little")
    p.add_argument("--profile", metavar="TRACE", help="profile the steps instead of timing them, into this file")
    p.add_argument("--steps", type=int, default=1, help="steps profiled")
    a = p.parse_args()
    module = load(a.module, a.threads)
    model = module.build().train()
    classes = model(torch.rand(2, *module.INPUT_SHAPE)).shape[1]
    sgd = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)
    loss_fn = torch.nn.CrossEntropyLoss()

    def draw():
        return torch.randn(a.batch, *module.INPUT_SHAPE), torch.randint(0, classes, (a.batch,))

    def step(x, y):
        sgd.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        sgd.step()
        loss.item()

    if a.profile:
        profile(draw, step, a.steps, a.profile)
        return

    def one():
        x, y = draw()
        start, cpu = time.perf_counter_ns(), time.thread_time_ns()
        step(x, y)
        return (time.perf_counter_ns() - start) / 1e6, (time.thread_time_ns() - cpu) / 1e6

    r = time_passes(one, 0.03, 4 if a.quick else 200, 3 if a.quick else 10, 20)
    r.update({"sample": a.name, "kind": "training", "execution": "pytorch-eager", "batch": a.batch,
              "threads": torch.get_num_threads(), "interopThreads": torch.get_num_interop_threads(), "torch": torch.__version__})
    print(json.dumps(r), flush=True)


def profile(draw, step, steps, trace):
    """Two steps to warm up, then `steps` under torch.profiler, written in the format DJL's profiler writes (the Chrome
    trace of torch 1.13 leaves the input shapes out)."""
    from torch.profiler import ProfilerActivity
    for _ in range(2):
        step(*draw())
    with torch.profiler.profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
        for _ in range(steps):
            step(*draw())
    events = [{"name": e.name, "ph": "X", "ts": e.time_range.start, "dur": e.time_range.elapsed_us(), "tid": e.thread,
               "shape": e.input_shapes} for e in prof.events()]
    with open(trace, "w") as f:
        json.dump(events, f)


if __name__ == "__main__":
    main()
