#!/usr/bin/env bash
# Train one language's tagger, morphologizer and parser on CPU: bash training/train.sh nl|en
# Output: training/output/<lang>/model-best (gitignored); training/package.sh copies it into
# the app. One run fits in 60 minutes on 2 cores (see README.md for measured times and scores).
set -euo pipefail
cd "$(dirname "$0")"
lang="$1"
start=$(date +%s)
python3 -m spacy train "$lang.cfg" --output "output/$lang" \
  --paths.train "corpus/$lang/train.spacy" --paths.dev "corpus/$lang/dev.spacy" \
  --training.max_steps "${MAX_STEPS:-8000}" --nlp.batch_size 256 --gpu-id -1
echo "trained $lang in $(( ($(date +%s) - start) / 60 )) min"
python3 -m spacy evaluate "output/$lang/model-best" "corpus/$lang/dev.spacy" --output "output/$lang/scores.json"
