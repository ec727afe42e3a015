#!/usr/bin/env bash
# Installs what tools/ranker needs from Debian (no PyPI): torch 1.13, onnx 1.12 (opset <= 17), numpy 1.24.
# Use /usr/bin/python3 with them: a pyenv python3 first on PATH cannot see Debian's packages.
set -euo pipefail
if /usr/bin/python3 -c "import torch, onnx, numpy" 2>/dev/null; then
  /usr/bin/python3 -c "import torch, onnx, numpy; print('ok: torch', torch.__version__, '· onnx', onnx.__version__, '· numpy', numpy.__version__)"
  exit 0
fi
sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y python3-torch python3-onnx python3-numpy
/usr/bin/python3 -c "import torch, onnx, numpy; print('ok: torch', torch.__version__, '· onnx', onnx.__version__, '· numpy', numpy.__version__)"
