#!/usr/bin/env bash
# The explorer guide's screenshots, rendered by 'igc explore --snapshot' (offscreen, no display needed) into
# src/site/resources/images: the three the guide opens with, then the window at 1024x700, 1440x900 and 1920x1080 and
# at C = 16, 64, 256 and 4096, and the dark theme. Usage: bench/explorer-screenshots.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-src/site/resources/images}"
mkdir -p "$out"
specs="$(mktemp -d)"
trap 'rm -rf "$specs"' EXIT
shot() { # NAME SIZE SPEC [more options]
  ./igc explore --snapshot "$out/explorer-$1.png" --force --size "$2" --spec "$3" "${@:4}"
}
# the 64-channel sample at another width (and theme), the design shown left to the explorer
variant() { # NAME CHANNELS THEME
  sed -e "s/\"channels\": \"64\"/\"channels\": \"$2\"/" -e 's/"selected": "1,8,8"/"selected": ""/' -e "s/\"logScale\": \"true\"/\"logScale\": \"true\", \"theme\": \"$3\"/" \
    samples/explorer/igcv2-c64.json > "$specs/$1.json"
  echo "$specs/$1.json"
}
shot overview 1440x900 samples/explorer/igcv2-c64.json
shot wiring 1440x900 samples/explorer/wiring-c16.json
shot heatmap 1440x900 samples/explorer/heatmap-c96.json
shot 1024x700 1024x700 samples/explorer/igcv2-c64.json
shot 1920x1080 1920x1080 samples/explorer/igcv2-c64.json
shot c16 1440x900 "$(variant c16 16 light)"
shot c256 1440x900 "$(variant c256 256 light)"
shot c4096 1440x900 "$(variant c4096 4096 light)"
shot dark 1440x900 "$(variant dark 256 dark)"
# whole networks in the Network tab: a network file, and an ONNX model written by igc export
shot network-resnet50 1440x900 samples/explorer/igcv2-c64.json --open samples/networks/resnet50.json
./igc export samples/networks/fashion-igcv2-small.json --format onnx -o "$specs/fashion.onnx" 2>/dev/null
shot network-onnx 1440x900 samples/explorer/igcv2-c64.json --open "$specs/fashion.onnx"
