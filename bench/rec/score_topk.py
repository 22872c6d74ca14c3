#!/usr/bin/env python3
"""Recompute HR@10, NDCG@10, HR@20, NDCG@20 from an exported top-k file.

Independent of the TypeScript code: reads the dataset's NAME.txt (user item1
item2 ... in time order) and the export (user<TAB>item item ..., 20 ranked
items), takes each user's last item as the target, and averages over all
users in the dataset. A user missing from the export counts as a miss.

    python3 bench/rec/score_topk.py DATA_DIR TOPK_FILE
"""
import glob
import math
import os
import sys


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: score_topk.py DATA_DIR TOPK_FILE")
    data_dir, topk_path = sys.argv[1], sys.argv[2]
    files = [f for f in glob.glob(os.path.join(data_dir, "*.txt")) if "readme" not in f.lower()]
    if len(files) != 1:
        sys.exit(f"expected one NAME.txt in {data_dir}, found {files}")

    targets = {}
    histories = {}
    with open(files[0], encoding="utf8") as f:
        for line in f:
            fields = line.split()
            if len(fields) >= 2:
                targets[fields[0]] = fields[-1]
                histories[fields[0]] = set(fields[1:-1])

    ranked = {}
    with open(topk_path, encoding="utf8") as f:
        for line in f:
            user, _, items = line.rstrip("\n").partition("\t")
            ranked[user] = items.split()

    totals = {"HR@10": 0.0, "NDCG@10": 0.0, "HR@20": 0.0, "NDCG@20": 0.0}
    for user, target in targets.items():
        items = ranked.get(user, [])
        if target not in items:
            continue
        rank = items.index(target) + 1
        for k in (10, 20):
            if rank <= k:
                totals[f"HR@{k}"] += 1
                totals[f"NDCG@{k}"] += 1 / math.log2(rank + 1)
    # The protocol excludes each user's earlier items from the ranking; count violations.
    leaks = sum(1 for user, items in ranked.items() if histories.get(user, set()) & set(items))
    for name, total in totals.items():
        print(f"{name} {total / len(targets):.4f}")
    print(f"users {len(targets)}, exported {len(ranked)}, lists containing an earlier item of the user {leaks}")


if __name__ == "__main__":
    main()
