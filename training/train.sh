#!/usr/bin/env bash
# Train one language's tagger, morphologizer and parser on CPU: bash training/train.sh nl|en
# Output: training/output/<lang>/model-best (gitignored; CFG=name picks name.cfg, OUT=dir
# the output folder). One process, one thread, `nice -n 10`;
# TIME_LIMIT (minutes, default 58) stops the run with SIGINT: model-best (saved at every
# evaluation that improved the score) is kept. The held-out score comes from corpus/<lang>/test.spacy
# when it exists (English: EWT test; dev is used for early stopping), else from dev.spacy.
set -euo pipefail
cd "$(dirname "$0")"
lang="$1"
out="${OUT:-$lang}"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
start=$(date +%s)
status=0
timeout --signal=INT "$(( ${TIME_LIMIT:-58} * 60 ))" nice -n "${NICE:-10}" \
  python3 -m spacy train "${CFG:-$lang}.cfg" --output "output/$out" \
  --paths.train "corpus/$lang/train.spacy" --paths.dev "corpus/$lang/dev.spacy" \
  ${MAX_STEPS:+--training.max_steps "$MAX_STEPS"} --nlp.batch_size 256 --gpu-id -1 || status=$?
echo "trained $lang in $(( ($(date +%s) - start) / 60 )) min (exit status $status; 124 = time limit)"
held="corpus/$lang/test.spacy"; [[ -f "$held" ]] || held="corpus/$lang/dev.spacy"
nice -n "${NICE:-10}" python3 -m spacy evaluate "output/$out/model-best" "$held" \
  --output "output/$out/scores.json"
du -sh "output/$out/model-best"
