#!/usr/bin/env bash
# Convert the Universal Dependencies treebanks to spaCy's binary format, from bare git snapshots
# (the search tool's `fetch`, or `git clone --bare`) of the public GitHub repositories.
# Usage: bash training/prepare.sh [MIRROR_ROOT] [LANGS]   (defaults /work/.mirror, "nl en")
# Writes training/corpus/{nl,en}/{train,dev[,test]}.spacy (gitignored; never commit treebank text).
# Copies of the UD repositories may lack their train splits (too large). English: EWT's train
# split is rebuilt from the per-document sources by the treebank's own file lists
# (build_ewt.py, checked against the released dev/test files and train's git blob hash).
set -euo pipefail
cd "$(dirname "$0")"
ROOT="${1:-/work/.mirror}"
LANGS="${2:-nl en}"
show() { git -C "$ROOT/UniversalDependencies+$1/repo" show "HEAD:$2"; }
convert() {  # convert IN.conllu OUT.spacy [extra spacy-convert flags]
  local in="$1" out="$2"; shift 2
  python3 -m spacy convert "$in" corpus/raw --converter conllu --n-sents 10 "$@" >/dev/null
  mv "corpus/raw/$(basename "${in%.conllu}").spacy" "$out"
}
mkdir -p corpus/raw corpus/nl corpus/en
if [[ " $LANGS " == *" nl "* ]]; then
  # Dutch: train = Alpino dev + LassySmall dev + LassySmall test; dev (held out) = Alpino test.
  show UD_Dutch-Alpino nl_alpino-ud-dev.conllu > corpus/raw/nl_train_1.conllu
  show UD_Dutch-LassySmall nl_lassysmall-ud-dev.conllu > corpus/raw/nl_train_2.conllu
  show UD_Dutch-LassySmall nl_lassysmall-ud-test.conllu > corpus/raw/nl_train_3.conllu
  show UD_Dutch-Alpino nl_alpino-ud-test.conllu > corpus/raw/nl_dev.conllu
  cat corpus/raw/nl_train_*.conllu > corpus/raw/nl_train.conllu
  convert corpus/raw/nl_train.conllu corpus/nl/train.spacy --merge-subtokens
  convert corpus/raw/nl_dev.conllu corpus/nl/dev.spacy --merge-subtokens
fi
if [[ " $LANGS " == *" en "* ]]; then
  # English: the full EWT splits, train (12,544 sentences) / dev (early stopping) / test (scores).
  python3 build_ewt.py "$ROOT/UniversalDependencies+UD_English-EWT/repo" corpus/raw/ewt
  # No --merge-subtokens: EWT splits "don't" into do + n't, exactly as spaCy's English tokenizer.
  for split in train dev test; do
    convert "corpus/raw/ewt/en_ewt-ud-$split.conllu" "corpus/en/$split.spacy"
  done
fi
ls -l corpus/*/
