package org.igclab.analyzer.export;

/** The fixed parts of an exported Python file: imports, the helper modules, and the self-check. */
final class PyTorchPrelude {

    private PyTorchPrelude() {
    }

    static String header(String name, long params) {
        return String.format("""
                \"\"\"%s, exported by IGC Lab (igc export --format pytorch).

                Parameters: %,d, PyTorch's sum(p.numel() for p in model.parameters()) (BatchNorm running statistics are
                buffers). Run this file to build the model and print its parameter count and output shape.
                \"\"\"
                import json
                from collections import OrderedDict

                import torch
                from torch import nn


                class ChannelShuffle(nn.Module):
                    \"\"\"ShuffleNet's shuffle: view the channels as (groups, C / groups), transpose, flatten.\"\"\"

                    def __init__(self, groups: int):
                        super().__init__()
                        self.groups = groups

                    def forward(self, x):
                        n, c, h, w = x.shape
                        return x.reshape(n, self.groups, c // self.groups, h, w).transpose(1, 2).reshape(n, c, h, w)


                class ChannelPermute(nn.Module):
                    \"\"\"An explicit channel permutation: output channel j is input channel source[j].\"\"\"

                    def __init__(self, source):
                        super().__init__()
                        self.register_buffer("source", torch.tensor(source, dtype=torch.long), persistent=False)

                    def forward(self, x):
                        return x.index_select(1, self.source)


                class Residual(nn.Module):
                    \"\"\"body(x) + shortcut(x); no shortcut module means the identity.\"\"\"

                    def __init__(self, body: nn.Module, shortcut):
                        super().__init__()
                        self.body = body
                        self.shortcut = shortcut

                    def forward(self, x):
                        return self.body(x) + (x if self.shortcut is None else self.shortcut(x))


                class Mul(nn.Module):
                    \"\"\"body(x) * other(x), broadcasting a C x 1 x 1 factor; no other module means x itself.\"\"\"

                    def __init__(self, body: nn.Module, other):
                        super().__init__()
                        self.body = body
                        self.other = other

                    def forward(self, x):
                        return self.body(x) * (x if self.other is None else self.other(x))


                class Concat(nn.Module):
                    \"\"\"Every branch reads the input; outputs are concatenated along channels.\"\"\"

                    def __init__(self, branches):
                        super().__init__()
                        self.branches = nn.ModuleList(branches)

                    def forward(self, x):
                        return torch.cat([b(x) for b in self.branches], 1)


                class Split(nn.Module):
                    \"\"\"The channels are split into parts; branch i reads part i; outputs are concatenated.\"\"\"

                    def __init__(self, sizes, branches):
                        super().__init__()
                        self.sizes = list(sizes)
                        self.branches = nn.ModuleList(branches)

                    def forward(self, x):
                        parts = torch.split(x, self.sizes, 1)
                        return torch.cat([b(p) for b, p in zip(self.branches, parts)], 1)


                class FlatLinear(nn.Linear):
                    \"\"\"A fully connected layer on the flattened input.\"\"\"

                    def forward(self, x):
                        return super().forward(torch.flatten(x, 1))""", name.isEmpty() ? "A network" : name.replace("\"", "'"), params);
    }

    static final String MAIN = """


            if __name__ == "__main__":
                model = build().eval()
                with torch.no_grad():
                    y = model(torch.randn(2, *INPUT_SHAPE))
                print(json.dumps({
                    "parameters": sum(p.numel() for p in model.parameters()),
                    "analyzer_parameters": ANALYZER_PARAMETERS,
                    "output_shape": list(y.shape[1:]),
                }))
            """;
}
