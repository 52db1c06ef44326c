"""``tradeie train``: spaCy training with the project's configs, reproducible by seed."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Optional

from ..errors import TradeieError

CONFIG_NAMES = {"efficient": "efficient.cfg", "accurate": "accurate.cfg"}
REPO = Path(__file__).resolve().parents[2]


def config_path(config: str) -> Path:
    """A config by name (``efficient``, ``accurate``) or by path."""
    path = Path(config)
    if path.suffix == ".cfg" and path.is_file():
        return path
    if config in CONFIG_NAMES:
        for base in (Path.cwd() / "configs", REPO / "configs"):
            if (base / CONFIG_NAMES[config]).is_file():
                return base / CONFIG_NAMES[config]
    raise TradeieError(f"no config {config!r}: give 'efficient', 'accurate' or a path to a .cfg "
                       f"file (configs/ holds the project's)")


def check_transformer_folder(path: Path) -> Path:
    """A local Hugging Face model folder, or an error naming it."""
    path = Path(path)
    if not path.is_dir():
        raise TradeieError(f"transformer folder {path} does not exist; pass a local Hugging Face "
                           f"model folder (config.json, tokenizer files and weights)")
    if not (path / "config.json").is_file():
        raise TradeieError(f"{path} is not a Hugging Face model folder: config.json is missing")
    weights = list(path.glob("*.safetensors")) + list(path.glob("pytorch_model*.bin"))
    if not weights:
        raise TradeieError(f"{path} has no weights (*.safetensors or pytorch_model.bin)")
    tokenizer = [name for name in ("tokenizer.json", "vocab.txt", "vocab.json", "spiece.model",
                                   "sentencepiece.bpe.model") if (path / name).is_file()]
    if not tokenizer:
        raise TradeieError(f"{path} has no tokenizer files (tokenizer.json, vocab.txt, "
                           f"vocab.json+merges.txt or a sentencepiece model); save the tokenizer "
                           f"next to the model with tokenizer.save_pretrained()")
    return path.resolve()


def train_pipeline(config: str, output: Path, corpus: Path, *, seed: int = 0,
                   max_steps: Optional[int] = None, transformer: Optional[Path] = None,
                   gpu_id: int = -1, workdir: Optional[Path] = None) -> Path:
    """Train and copy the last model to ``output/tradeie_<config name>``; return that path."""
    from spacy.cli.train import train as spacy_train

    from .. import registrations  # noqa: F401

    cfg = config_path(config)
    for split in ("train", "valid"):
        if not (corpus / f"{split}.spacy").is_file():
            raise TradeieError(f"{corpus / (split + '.spacy')} is missing; run "
                               f"`tradeie convert corpus/src {corpus}` first")
    # spaCy's "dev" corpus here is a slice of the training data, used only to print progress:
    # the dev split is never seen in training, and the model kept is the last one, not the
    # best-scoring one, so nothing is selected on held-out data.
    overrides = {"paths.train": str(corpus / "train.spacy"), "paths.dev": str(corpus / "valid.spacy"),
                 "system.seed": seed}
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    if transformer is not None:
        overrides["paths.transformer"] = str(check_transformer_folder(transformer))
    elif "transformer" in _config_paths(cfg):
        raise TradeieError(f"{cfg} needs --transformer PATH, a local Hugging Face model folder; "
                           f"see docs/transformer.md")
    name = cfg.stem
    workdir = workdir or Path("training") / name
    spacy_train(cfg, workdir, overrides=overrides, use_gpu=gpu_id)
    best = workdir / "model-last"
    target = Path(output) / f"tradeie_{name}"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(best, target)
    _write_meta(target, name)
    return target


def _config_paths(cfg: Path) -> dict:
    from spacy.util import load_config

    return dict(load_config(cfg, interpolate=False).get("paths", {}))


def _write_meta(target: Path, name: str) -> None:
    from .. import __version__

    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(name=f"tradeie_{name}", version=__version__,
                description=f"tradeie {name} pipeline: trade facts from English news",
                requirements=[f"tradeie>={__version__}"])
    meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")
