#!/usr/bin/env python3
"""Recompute HR@10, NDCG@10, HR@20, NDCG@20 from an exported top-k file.

Independent of the TypeScript code: reads the dataset's NAME.txt (user item1
item2 ... in time order) and the export (user<TAB>item item ..., 20 ranked
items), takes each user's last item as the target, and averages over all
users in the dataset. A user missing from the export counts as a miss.

    python3 bench/rec/score_topk.py DATA_DIR TOPK_FILE

Standard library only. Exits with status 2 and one line on stderr when the
arguments are wrong, a file is missing or unreadable, or NAME.txt has no user
lines or lists a user twice. Export users that NAME.txt lacks are left out of
the scores, with a warning on stderr.
"""
import math
import os
import sys
from typing import NoReturn

EXIT_INVALID_INPUT = 2


def fail(message: str) -> NoReturn:
    """Print one error line on stderr and exit with EXIT_INVALID_INPUT."""
    print(f"score_topk.py: {message}", file=sys.stderr)
    sys.exit(EXIT_INVALID_INPUT)


def find_sequence_file(data_dir: str) -> str:
    """Return the path of the folder's one NAME.txt, ignoring readme files."""
    if not os.path.isdir(data_dir):
        kind = "is not a folder" if os.path.exists(data_dir) else "not found"
        fail(f"dataset folder {data_dir} {kind}. Pass the folder that contains NAME.txt")
    names = sorted(
        name for name in os.listdir(data_dir)
        if name.endswith(".txt") and "readme" not in name.lower() and os.path.isfile(os.path.join(data_dir, name))
    )
    if len(names) != 1:
        fail(f"expected one NAME.txt in {data_dir}, found {len(names)}: {', '.join(names) or 'none'}")
    return os.path.join(data_dir, names[0])


def read_lines(path: str, role: str) -> list:
    """Return the file's lines, or fail with one line naming the file and its role."""
    try:
        with open(path, encoding="utf8") as f:
            return f.readlines()
    except FileNotFoundError:
        fail(f"{role} {path} not found")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {role} {path}: {error}")


def read_dataset(path: str) -> tuple:
    """Return each user's target (last item) and history (earlier items), failing on a user listed twice."""
    targets = {}
    histories = {}
    first_line = {}
    for number, line in enumerate(read_lines(path, "dataset file"), start=1):
        fields = line.split()
        if len(fields) < 2:
            continue
        user = fields[0]
        if user in first_line:
            fail(f"{path}: user {user} appears on line {first_line[user]} and line {number}, but the file must have one line per user")
        first_line[user] = number
        targets[user] = fields[-1]
        histories[user] = set(fields[1:-1])
    if not targets:
        fail(f"{path} has no user lines")
    return targets, histories


def read_export(path: str) -> dict:
    """Return user -> ranked item ids from a user<TAB>item item ... file."""
    ranked = {}
    for line in read_lines(path, "export file"):
        if not line.strip():
            continue
        user, _, items = line.rstrip("\n").partition("\t")
        ranked[user] = items.split()
    return ranked


def main() -> None:
    if len(sys.argv) != 3:
        fail("usage: score_topk.py DATA_DIR TOPK_FILE")
    data_dir, topk_path = sys.argv[1], sys.argv[2]
    sequence_path = find_sequence_file(data_dir)
    targets, histories = read_dataset(sequence_path)
    ranked = read_export(topk_path)

    unknown = [user for user in ranked if user not in targets]
    if unknown:
        print(
            f"warning: {len(unknown)} of {len(ranked)} users in {topk_path} are not in {sequence_path}"
            f" (first: {unknown[0]}), so they are not scored. Check that the export was made from this dataset.",
            file=sys.stderr,
        )

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
