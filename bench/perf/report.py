#!/usr/bin/env python3
"""Prints bench/run's figures as Markdown tables from its results file (one JSON object per line)."""
import json
import sys


def main(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    http = [r for r in rows if r["kind"] == "http"]
    for r in http:
        r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
    for point in dict.fromkeys(r["point"] for r in http):
        runs = [r for r in http if r["point"] == point]
        base = [r["rps"] for r in runs if r["label"].startswith("baseline")]
        print(f"\n{point} reviews: baseline {sum(base) / len(base):,.0f} req/s on average over {len(base)} runs "
              f"(from {min(base):,.0f} to {max(base):,.0f})\n")
        print("| endpoint | req/s | p50 ms | p99 ms | baseline req/s (runs before and after) | ratio | KB/response | errors |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for i, r in enumerate(runs):
            if r["label"].startswith("baseline"):
                continue
            # The baseline runs right before and after this one (else the mean of all of this point's baseline runs).
            near = [runs[j]["rps"] for j in (i - 1, i + 1) if 0 <= j < len(runs) and runs[j]["label"].startswith("baseline")] or base
            reference = sum(near) / len(near)
            errors = r["status_errors"] + r["timeouts"] + r["connect_errors"] + r["read_errors"] + r["write_errors"]
            print(f"| {r['label']} | {r['rps']:,.0f} | {r['p50_us'] / 1000:.2f} | {r['p99_us'] / 1000:.2f} | "
                  f"{reference:,.0f} | {r['rps'] / reference:.2f} | {r['bytes'] / max(1, r['requests']) / 1024:.1f} | {errors} |")
        b = [r for r in runs if r["label"].startswith("baseline")]
        print(f"| baseline (one row by primary key), median run | {sorted(x['rps'] for x in b)[len(b) // 2]:,.0f} | "
              f"{sorted(x['p50_us'] for x in b)[len(b) // 2] / 1000:.2f} | {sorted(x['p99_us'] for x in b)[len(b) // 2] / 1000:.2f} | | 1 | "
              f"{b[0]['bytes'] / max(1, b[0]['requests']) / 1024:.1f} | {sum(x['status_errors'] + x['timeouts'] for x in b)} |")

    other = [r for r in rows if r["kind"] != "http"]
    if other:
        print("\n| measurement | figure |")
        print("|---|---|")
        for r in other:
            print(f"| {r['label']} | {r['figure']} |")


def line(text, label):
    r = json.loads(text)
    rps = r["requests"] / (r["duration_us"] / 1e6)
    print(f"   {label}: {rps:,.0f} req/s, p50 {r['p50_us'] / 1000:.2f} ms, p99 {r['p99_us'] / 1000:.2f} ms, "
          f"errors {r['status_errors'] + r['timeouts']}")


def explain():
    plan = json.load(sys.stdin)[0]
    print(f"{plan['Execution Time']:.2f} ms, {plan['Plan']['Plans'][0]['Actual Rows']} index entries")


if __name__ == "__main__":
    if sys.argv[1] == "--explain":
        explain()
    elif sys.argv[1] == "--line":
        line(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1])
