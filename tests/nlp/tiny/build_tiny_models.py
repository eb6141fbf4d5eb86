"""Train tiny real stanza models for Arabic from the hand-written treebank, with stanza's own training code.

Usage: python build_tiny_models.py DATA_DIR OUT_DIR [--jobs N] [--only tokenize,mwt,...]

DATA_DIR is what make_data.py wrote. OUT_DIR receives the standard installed layout, exactly what a user's
`stanza.download("ar")` produces, so `stanza.Pipeline("ar", dir=OUT_DIR, download_method=None)` loads it:

  OUT_DIR/resources.json
  OUT_DIR/ar/{tokenize,mwt,pos,lemma,depparse,ner,pretrain}/tiny.pt

Trainers used (all in-process, CPU, fixed seeds): stanza.models.tokenizer, mwt_expander, tagger, lemmatizer
(dictionary only), parser and ner_tagger. With --jobs 2 (default) the trainers run in two processes, one torch
thread each. Scores printed by stanza are only a mechanics check: the models are tiny.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
# Two groups of roughly equal training time (the tagger trains longest: features need the steps).
GROUPS = (("tokenize", "mwt", "lemma", "ner", "depparse"), ("pos",))
PACKAGE = "tiny"
SHORT = "ar_tiny"


def resources_json() -> dict:
    dep = [{"model": "pretrain", "package": PACKAGE}]
    ar: dict = {"lang_name": "Arabic"}
    for p in ("tokenize", "mwt", "lemma", "pretrain"):
        ar[p] = {PACKAGE: {}}
    for p in ("pos", "depparse", "ner"):
        ar[p] = {PACKAGE: {"dependencies": dep}}
    ar["default_processors"] = {p: PACKAGE for p in PROCESSORS}
    ar["packages"] = {"default": {p: PACKAGE for p in PROCESSORS}}
    return {"ar": ar}


def target(out: Path, processor: str) -> Path:
    return out / "ar" / processor / f"{PACKAGE}.pt"


def build_pretrain(data: Path, out: Path) -> None:
    from stanza.models.common.pretrain import Pretrain

    dest = target(out, "pretrain")
    dest.parent.mkdir(parents=True, exist_ok=True)
    Pretrain(str(dest), str(data / f"{SHORT}.vectors.txt")).load()


def train(processor: str, data: Path, out: Path, work: Path) -> None:
    from stanza.models import lemmatizer, mwt_expander, ner_tagger, parser, tagger, tokenizer

    tr, dev = data / f"{SHORT}.train.conllu", data / f"{SHORT}.dev.conllu"
    pre = str(target(out, "pretrain"))
    save = work / processor
    save.mkdir(parents=True, exist_ok=True)
    common = ["--device", "cpu", "--seed", "1", "--save_dir", str(save), "--save_name", "model.pt"]
    if processor == "tokenize":
        from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data

        tok = work / "tok"
        tok.mkdir(parents=True, exist_ok=True)
        for split, conllu in (("train", tr), ("dev", dev)):
            conllu_to_text.main([str(conllu), str(tok / f"{split}.txt")])
            prepare_tokenizer_data.main([str(tok / f"{split}.txt"), str(conllu), "-o", str(tok / f"{split}.toklabels"),
                                         "-m", str(tok / f"{split}-mwt.json")])
        tokenizer.main(["--mode", "train", "--lang", "ar", "--shorthand", SHORT,
                        "--txt_file", str(tok / "train.txt"), "--label_file", str(tok / "train.toklabels"),
                        "--mwt_json_file", str(tok / "train-mwt.json"),
                        "--dev_txt_file", str(tok / "dev.txt"), "--dev_label_file", str(tok / "dev.toklabels"),
                        "--dev_conll_gold", str(dev), "--conll_file", str(save / "dev.pred.conllu"),
                        "--steps", "600", "--eval_steps", "200", "--report_steps", "200", "--hidden_dim", "32",
                        "--emb_dim", "16", "--rnn_layers", "1", "--max_seqlen", "200", "--batch_size", "16", *common])
    elif processor == "mwt":
        mwt_expander.main(["--mode", "train", "--lang", "ar", "--shorthand", SHORT, "--train_file", str(tr),
                           "--eval_file", str(dev), "--gold_file", str(dev),
                           "--output_file", str(save / "dev.pred.conllu"), "--num_epoch", "30",
                           "--hidden_dim", "32", "--emb_dim", "16", "--batch_size", "16", *common])
    elif processor == "pos":
        tagger.main(["--mode", "train", "--lang", "ar", "--shorthand", SHORT, "--wordvec_pretrain_file", pre,
                     "--train_file", str(tr), "--eval_file", str(dev), "--output_file", str(save / "dev.pred.conllu"),
                     "--hidden_dim", "32", "--char_hidden_dim", "32", "--word_emb_dim", "16", "--char_emb_dim", "16",
                     "--tag_emb_dim", "16", "--deep_biaff_hidden_dim", "64", "--composite_deep_biaff_hidden_dim", "64",
                     "--transformed_dim", "16", "--max_steps", "600", "--eval_interval", "200",
                     "--batch_size", "200", *common])
    elif processor == "lemma":
        lemmatizer.main(["--mode", "train", "--shorthand", SHORT, "--dict_only", "--train_file", str(tr),
                         "--eval_file", str(dev), "--output_file", str(save / "dev.pred.conllu"), *common])
    elif processor == "depparse":
        parser.main(["--mode", "train", "--lang", "ar", "--shorthand", SHORT, "--wordvec_pretrain_file", pre,
                     "--train_file", str(tr), "--eval_file", str(dev), "--output_file", str(save / "dev.pred.conllu"),
                     "--no_checkpoint", "--hidden_dim", "32", "--char_hidden_dim", "32", "--word_emb_dim", "16",
                     "--char_emb_dim", "16", "--tag_emb_dim", "8", "--deep_biaff_hidden_dim", "32",
                     "--transformed_dim", "16", "--max_steps", "300", "--eval_interval", "100",
                     "--batch_size", "500", *common])
    elif processor == "ner":
        from stanza.utils.datasets.ner.prepare_ner_file import process_dataset

        ner = work / "ner"
        ner.mkdir(parents=True, exist_ok=True)
        for split in ("train", "dev"):
            process_dataset(str(data / f"{SHORT}.{split}.bio"), str(ner / f"{split}.json"))
        ner_tagger.main(["--mode", "train", "--shorthand", SHORT, "--wordvec_pretrain_file", pre,
                         "--train_file", str(ner / "train.json"), "--eval_file", str(ner / "dev.json"),
                         "--hidden_dim", "32", "--char_hidden_dim", "32", "--word_emb_dim", "16",
                         "--char_emb_dim", "16", "--max_steps", "400", "--eval_interval", "100",
                         "--batch_size", "32", *common])
    else:
        raise ValueError(f"unknown processor {processor}")
    dest = target(out, processor)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(save / "model.pt", dest)


def run_group(processors: list[str], data: Path, out: Path, work: Path) -> dict[str, float]:
    import torch

    torch.set_num_threads(1)
    logging.getLogger("stanza").setLevel(logging.WARNING)
    times = {}
    for p in processors:
        t0 = time.perf_counter()
        train(p, data, out, work)
        times[p] = round(time.perf_counter() - t0, 1)
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="", help="comma-separated processors (internal: one worker's share)")
    args = ap.parse_args(argv)
    out: Path = args.out
    work = out.parent / (out.name + ".work")
    t0 = time.perf_counter()
    if args.only:
        times = run_group(args.only.split(","), args.data, out, work)
        print("TIMES " + json.dumps(times), flush=True)
        return 0
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    build_pretrain(args.data, out)
    groups = GROUPS if args.jobs > 1 else (PROCESSORS,)
    procs = [subprocess.Popen([sys.executable, __file__, str(args.data), str(out), "--only", ",".join(g)],
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
             for g in groups]
    times: dict[str, float] = {}
    failed = False
    for p in procs:
        stdout, _ = p.communicate()
        failed |= p.returncode != 0
        for line in stdout.splitlines():
            if line.startswith("TIMES "):
                times.update(json.loads(line[6:]))
    if failed:
        print("build failed", file=sys.stderr)
        return 1
    for p in PROCESSORS:
        if not target(out, p).is_file():
            print(f"missing {target(out, p)}", file=sys.stderr)
            return 1
    (out / "resources.json").write_text(json.dumps(resources_json(), indent=1), encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    print(f"built {out} in {time.perf_counter() - t0:.1f} s; per model: {times}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
