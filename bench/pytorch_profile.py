"""Profiles training steps of a module written by `igc export --format pytorch` in PyTorch eager, as
bench/pytorch_training.py times them (random batch, cross-entropy, SGD with momentum 0.9 and weight decay 5e-4, one
intra-op and one inter-op thread), and writes the profiled operations (with their input shapes) as a Chrome trace for bench/profile_table.py.

    /usr/bin/python3 bench/pytorch_profile.py model.py trace.json --batch 32 --steps 3
"""
import argparse
import json

import torch
from torch.profiler import ProfilerActivity, profile

from pytorch_latency import load


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("module")
    p.add_argument("trace")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--steps", type=int, default=3)
    a = p.parse_args()
    module = load(a.module, a.threads)
    model = module.build().train()
    classes = model(torch.rand(2, *module.INPUT_SHAPE)).shape[1]
    sgd = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)
    loss_fn = torch.nn.CrossEntropyLoss()

    def step():
        x = torch.randn(a.batch, *module.INPUT_SHAPE)
        y = torch.randint(0, classes, (a.batch,))
        sgd.zero_grad()
        loss_fn(model(x), y).backward()
        sgd.step()

    for _ in range(2):
        step()
    with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
        for _ in range(a.steps):
            step()
    # the Chrome trace of torch 1.13 leaves the shapes out: write the events with them, in the format DJL's profiler writes
    events = [{"name": e.name, "ph": "X", "ts": e.time_range.start, "dur": e.time_range.elapsed_us(), "tid": e.thread,
               "shape": e.input_shapes} for e in prof.events()]
    with open(a.trace, "w") as f:
        json.dump(events, f)


if __name__ == "__main__":
    main()
