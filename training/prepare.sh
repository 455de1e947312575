#!/usr/bin/env bash
# Convert the Universal Dependencies treebanks to spaCy's binary format, from bare git snapshots
# (the search tool's `fetch`, or `git clone --bare`) of the public GitHub repositories.
# Usage: bash training/prepare.sh [MIRROR_ROOT]   (default /work/.mirror)
# Writes training/corpus/{nl,en}/{train,dev}.spacy (gitignored). Copies of the UD repositories
# may lack their train splits (too large): this recipe trains on what every copy holds.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="${1:-/work/.mirror}"
show() { git -C "$ROOT/UniversalDependencies+$1/repo" show "HEAD:$2"; }
mkdir -p corpus/raw corpus/nl corpus/en
# Dutch: train = Alpino dev + LassySmall dev + LassySmall test; dev (held out) = Alpino test.
show UD_Dutch-Alpino nl_alpino-ud-dev.conllu > corpus/raw/nl_train_1.conllu
show UD_Dutch-LassySmall nl_lassysmall-ud-dev.conllu > corpus/raw/nl_train_2.conllu
show UD_Dutch-LassySmall nl_lassysmall-ud-test.conllu > corpus/raw/nl_train_3.conllu
show UD_Dutch-Alpino nl_alpino-ud-test.conllu > corpus/raw/nl_dev.conllu
# English: train = EWT dev; dev (held out) = EWT test.
show UD_English-EWT en_ewt-ud-dev.conllu > corpus/raw/en_train_1.conllu
show UD_English-EWT en_ewt-ud-test.conllu > corpus/raw/en_dev.conllu
for lang in nl en; do
  cat corpus/raw/${lang}_train_*.conllu > corpus/raw/${lang}_train.conllu
  for split in train dev; do
    python3 -m spacy convert corpus/raw/${lang}_${split}.conllu corpus/raw --converter conllu \
      --n-sents 10 --merge-subtokens >/dev/null
    mv corpus/raw/${lang}_${split}.spacy corpus/${lang}/${split}.spacy
  done
done
ls -l corpus/nl corpus/en
