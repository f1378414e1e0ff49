"""Builds IGC Lab's exported PyTorch modules, loads DJL's weights into them and runs them on DJL's input.

Run by the runtime's PyTorchAgreementTest: python3 pytorch_agreement.py FOLDER..., each FOLDER holding model.py (igc export
--format pytorch), manifest.json (the layers with weights in execution order, their tensors' shapes, the input's shape),
weights.bin and input.bin (float32, little-endian). Writes FOLDER/output.bin and prints one JSON line per folder.
"""
import importlib.util
import json
import sys

import torch
from torch import nn

KINDS = {"conv": nn.Conv2d, "batchnorm": nn.BatchNorm2d, "linear": nn.Linear}


def tensors(layer):
    """A layer's weights in the order the manifest lists them."""
    if isinstance(layer, nn.BatchNorm2d):
        return [layer.weight, layer.bias, layer.running_mean, layer.running_var]
    return [t for t in (layer.weight, layer.bias) if t is not None]


def floats(path):
    with open(path, "rb") as f:
        return torch.frombuffer(bytearray(f.read()), dtype=torch.float32)


def run(folder):
    with open(folder + "/manifest.json") as f:
        manifest = json.load(f)
    spec = importlib.util.spec_from_file_location("exported", folder + "/model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.build().eval()
    layers = [m for m in model.modules() if isinstance(m, tuple(KINDS.values()))]
    ops = manifest["ops"]
    if len(layers) != len(ops):
        raise ValueError(f"the module has {len(layers)} layers with weights, DJL {len(ops)}")
    weights = floats(folder + "/weights.bin")
    at = 0
    with torch.no_grad():
        for layer, op in zip(layers, ops):
            if not isinstance(layer, KINDS[op["kind"]]):
                raise ValueError(f"{op['path']}: DJL has a {op['kind']} there, the module a {type(layer).__name__}")
            targets = tensors(layer)
            if [list(t.shape) for t in targets] != op["shapes"]:
                raise ValueError(f"{op['path']}: shapes {[list(t.shape) for t in targets]} in the module, {op['shapes']} in DJL")
            for t in targets:
                t.copy_(weights[at:at + t.numel()].reshape(t.shape))
                at += t.numel()
        if at != weights.numel():
            raise ValueError(f"{weights.numel() - at} of DJL's weights were left over")
        y = model(floats(folder + "/input.bin").reshape(manifest["input"]))
    with open(folder + "/output.bin", "wb") as f:
        f.write(y.contiguous().numpy().astype("<f4").tobytes())


for folder in sys.argv[1:]:
    try:
        run(folder)
        print(json.dumps({"folder": folder}), flush=True)
    except Exception as e:  # the test reports it with the folder's design
        print(json.dumps({"folder": folder, "error": f"{type(e).__name__}: {e}"}), flush=True)
