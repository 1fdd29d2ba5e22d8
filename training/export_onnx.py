"""Export a trained tagger (weights/<variant>.pt) to the two ONNX graphs the runtime uses.

    python training/export_onnx.py /tmp/newstrace-tagger-default.pt --out newstrace/extract/tagger/weights [--fp16]

<variant>.encoder.onnx: (emb [B,T,384] input embeddings, mask [B,T]) -> (h, cue, source and
                        content logits)
<variant>.features.npy: the surface-feature vectors (core.feature_ids) that the runtime
                        adds to the word embeddings to make the input, when the model has them
<variant>.roles.onnx:   (h, mask, rows, cue_mask, dist, ind) -> role logits per cue
The encoder graph gets onnxruntime's BERT fusions. Weights are quantised to int8 (dynamic
quantisation: int8 weights, activations quantised on the fly; about 1.3x faster on this
CPU, same accuracy on dev), or with --fp16 stored as fp16 initialisers cast to fp32 at
load (fp32 arithmetic).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

from newstrace.extract.tagger.model import TaggerNet  # noqa: E402


class _Enc(torch.nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, emb, mask):
        h = self.net.encode(emb, mask)
        return (h,) + tuple(self.net.token_heads(h))


class _Roles(torch.nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, h, mask, rows, cue_mask, dist, ind):
        return self.net.roles(h, mask, rows, cue_mask, dist, ind)


def fp16_initialisers(path: Path):
    """Store float initialisers as fp16 with a Cast to fp32 after each."""
    import onnx
    from onnx import helper, numpy_helper

    m = onnx.load(str(path))
    g = m.graph
    new_inits, casts = [], []
    for init in g.initializer:
        arr = numpy_helper.to_array(init)
        if arr.dtype.name == "float32" and arr.size >= 1024:
            name16 = init.name + "__fp16"
            new_inits.append(numpy_helper.from_array(arr.astype("float16"), name16))
            casts.append(helper.make_node("Cast", [name16], [init.name], to=onnx.TensorProto.FLOAT))
        else:
            new_inits.append(init)
    del g.initializer[:]
    g.initializer.extend(new_inits)
    nodes = list(g.node)
    del g.node[:]
    g.node.extend(casts + nodes)
    onnx.save(m, str(path))


def export(pt: Path, out: Path, int8: bool = True):
    blob = torch.load(pt, map_location="cpu", weights_only=False)
    net = TaggerNet.from_cfg(blob["cfg"])
    net.load_state_dict({k: v.float() for k, v in blob["state"].items()})
    net.eval()
    variant = pt.name.split(".")[0]
    feat_path = out / f"{variant}.features.npy"
    if net.feat is not None:  # added to the word embeddings before the encoder graph, in numpy
        import numpy as np

        np.save(feat_path, net.feat.weight.detach().numpy().astype(np.float32))
        print(f"wrote {feat_path}", flush=True)
    elif feat_path.exists():
        feat_path.unlink()
    B, T, C = 2, 40, 3
    emb = torch.randn(B, T, 384)
    mask = torch.ones(B, T, dtype=torch.long)
    enc_path, rol_path = out / f"{variant}.encoder.onnx", out / f"{variant}.roles.onnx"
    kw = dict(opset_version=17, dynamo=False, do_constant_folding=True)
    with torch.no_grad():
        torch.onnx.export(_Enc(net), (emb, mask), str(enc_path) + ".tmp",
                          input_names=["emb", "mask"], output_names=["h", "cue", "src", "cnt"],
                          dynamic_axes={"emb": {0: "b", 1: "t"}, "mask": {0: "b", 1: "t"},
                                        "h": {0: "b", 1: "t"}, "cue": {0: "b", 1: "t"},
                                        "src": {0: "b", 1: "t"}, "cnt": {0: "b", 1: "t"}}, **kw)
        h = net.encode(emb, mask)
        args = (h, mask, torch.tensor([0, 1, 1]), torch.zeros(C, T, dtype=torch.long),
                torch.zeros(C, T, dtype=torch.long), torch.zeros(C, T, dtype=torch.long))
        torch.onnx.export(_Roles(net), args, str(rol_path) + ".tmp",
                          input_names=["h", "mask", "rows", "cue_mask", "dist", "ind"],
                          output_names=["roles"],
                          dynamic_axes={"h": {0: "b", 1: "t"}, "mask": {0: "b", 1: "t"},
                                        "rows": {0: "c"}, "cue_mask": {0: "c", 1: "t"},
                                        "dist": {0: "c", 1: "t"}, "ind": {0: "c", 1: "t"},
                                        "roles": {0: "c", 1: "t"}}, **kw)
    for p in (enc_path, rol_path):
        tmp = Path(str(p) + ".tmp")
        if p is enc_path:  # fuse attention, GELU and layer norms (onnxruntime's BERT fusions)
            from onnxruntime.transformers import optimizer

            optimizer.optimize_model(str(tmp), model_type="bert", num_heads=12,
                                     hidden_size=384).save_model_to_file(str(tmp))
        if int8:
            import onnx
            from onnxruntime.quantization import QuantType, quantize_dynamic

            quantize_dynamic(str(tmp), str(tmp) + ".q", weight_type=QuantType.QInt8, per_channel=True,
                             extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
            os.replace(str(tmp) + ".q", tmp)
        else:
            fp16_initialisers(tmp)
        os.replace(tmp, p)
        print(f"wrote {p} ({p.stat().st_size / 1e6:.1f} MB)", flush=True)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pt")
    ap.add_argument("--out", default="")
    ap.add_argument("--fp16", action="store_true", help="fp16-stored fp32 weights, not int8")
    a = ap.parse_args()
    export(Path(a.pt), Path(a.out) if a.out else Path(a.pt).parent, int8=not a.fp16)
