#!/usr/bin/env python3
"""Writes N synthetic orders as NDJSON to stdout, reproducibly (seeded): buyers named by a Tmall OUID, one in
five also by a WeChat unionid, heavy-tailed repeat purchases, some partial and full refunds, some referrals.
Usage: orders.py N [PERSONS] [SEED]"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

n = int(sys.argv[1])
persons = int(sys.argv[2]) if len(sys.argv) > 2 else max(1, n // 4)
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
start = datetime(2024, 11, 1, tzinfo=timezone(timedelta(hours=8)))
out = sys.stdout
for i in range(n):
    person = min(int(rng.paretovariate(1.2)) - 1, persons - 1) if rng.random() < 0.5 else rng.randrange(persons)
    identities = [{"type": "TMALL_OUID", "value": "t%d" % person}]
    if person % 5 == 0:
        identities.append({"type": "WECHAT_UNIONID", "value": "oU%d" % person})
    amount = round(rng.lognormvariate(5, 0.8), 2)
    roll = rng.random()
    order = {"orderId": "o%d" % i, "identities": identities,
             "paidAt": (start + timedelta(seconds=rng.randrange(730 * 86400))).isoformat(),
             "amount": "%.2f" % amount, "status": "PAID", "channel": rng.choice(["TMALL", "MINI_PROGRAM", "STORE"])}
    if roll < 0.05:
        order["status"] = "REFUNDED"
    elif roll < 0.10:
        order["status"] = "PARTIALLY_REFUNDED"
        order["refundedAmount"] = "%.2f" % max(0.01, round(amount / 3, 2))
    if rng.random() < 0.03:
        order["referral"] = {"sharer": {"type": "TMALL_OUID", "value": "t%d" % rng.randrange(persons)}}
    out.write(json.dumps(order, separators=(",", ":")))
    out.write("\n")
