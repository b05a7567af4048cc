#!/usr/bin/env python3
"""Prints bench/run's figures as Markdown tables from its results file (one JSON object per line)."""
import json
import sys


def main(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    http = [r for r in rows if r["kind"] == "http"]
    for point in dict.fromkeys(r["point"] for r in http):
        runs = [r for r in http if r["point"] == point]
        for r in runs:
            r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
        base = [r["rps"] for r in runs if r["label"].startswith("baseline")]
        base_rps = sum(base) / len(base)
        print(f"\n{point} reviews: baseline mean {base_rps:,.0f} req/s "
              f"(runs: {', '.join(f'{b:,.0f}' for b in base)})\n")
        print("| endpoint | req/s | p50 ms | p99 ms | ratio to baseline | KB/response | errors |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for r in runs:
            errors = r["status_errors"] + r["timeouts"] + r["connect_errors"] + r["read_errors"] + r["write_errors"]
            print(f"| {r['label']} | {r['rps']:,.0f} | {r['p50_us'] / 1000:.2f} | {r['p99_us'] / 1000:.2f} | "
                  f"{r['rps'] / base_rps:.2f} | {r['bytes'] / max(1, r['requests']) / 1024:.1f} | {errors} |")

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


if __name__ == "__main__":
    if sys.argv[1] == "--line":
        line(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1])
