"""NumPy reference of bench/evaluation.ts: the same formulas on the same float64 panel, timed per
step (best of 3; uncertainty once). Prints JSON {step: seconds}. Benchmark reference only."""
import json
import sys
import time

import numpy as np

path, U, K, Y, D, S = sys.argv[1], *map(int, sys.argv[2:7])
data = np.fromfile(path, dtype='<f8').reshape(Y, U, K)
cost = np.array([j % 7 == 3 for j in range(K)])
per = K // S
sub = np.minimum(np.arange(K) // per, S - 1)


def best(f, n=3):
    t = float('inf')
    for _ in range(n):
        s = time.perf_counter()
        f()
        t = min(t, time.perf_counter() - s)
    return t


def minmax(x):
    lo, hi = np.nanmin(x, axis=0), np.nanmax(x, axis=0)
    z = (x - lo) / np.where(hi > lo, hi - lo, 1)
    return np.where(cost, 1 - z, z)


def entropy(x):
    y = minmax(x)
    p = y / y.sum(axis=0)
    with np.errstate(divide='ignore', invalid='ignore'):
        plogp = np.where(p > 0, p * np.log(p), 0.0)
    e = -plogp.sum(axis=0) / np.log(x.shape[0])
    d = 1 - e
    return d / d.sum()


def topsis(x, w):
    r = x / np.sqrt((x * x).sum(axis=0))
    v = r * w
    ideal = np.where(cost, v.min(axis=0), v.max(axis=0))
    anti = np.where(cost, v.max(axis=0), v.min(axis=0))
    dp = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    dm = np.sqrt(((v - anti) ** 2).sum(axis=1))
    c = dm / (dp + dm)
    return c, np.argsort(-c)


def rescale(x):
    lo, hi = x.min(axis=0), x.max(axis=0)
    return (x - lo) / np.where(hi > lo, hi - lo, 1)


def coupling_all():
    for y in range(Y):
        m = data[y]
        u = np.zeros((U, S))
        np.add.at(u.T, sub, m.T / per)
        u = rescale(u)
        n = S
        with np.errstate(divide='ignore'):
            c = np.exp((np.log(u).sum(axis=1) - n * np.log(u.sum(axis=1) / n)) / n)
        t = u.mean(axis=1)
        np.sqrt(c * t)


def obstacle(x, w):
    f = w * (1 - rescale(x))
    return f / f.sum(axis=1, keepdims=True)


def disparity_all():
    for y in range(Y):
        x = data[y]
        n = x.shape[0]
        mean = x.mean(axis=0)
        cv = x.std(axis=0) / mean
        s = x / x.sum(axis=0)
        theil = (s * np.log(s * n)).sum(axis=0)
        xs = np.sort(x, axis=0)
        i = np.arange(1, n + 1)[:, None]
        gini = ((2 * i - n - 1) * xs).sum(axis=0) / (n * xs.sum(axis=0))


def uncertainty():
    rng = np.random.default_rng(1)
    x = data[-1]
    z = 1 + 99 * minmax(x)
    w_ent = entropy(x)
    schemes = [np.ones(K), np.ones(K), w_ent]
    ranks = np.empty((D, U))
    for d in range(D):
        w = schemes[rng.integers(3)] * (1 + 0.25 * (2 * rng.random(K) - 1))
        geo = rng.integers(2) == 1
        scores = np.empty((U, S))
        for k in range(S):
            cols = sub == k
            wk = w[cols] / w[cols].sum()
            scores[:, k] = np.exp(np.log(z[:, cols]) @ wk) if geo else z[:, cols] @ wk
        idx = np.exp(np.log(scores).mean(axis=1)) if geo else scores.mean(axis=1)
        ranks[d] = np.argsort(np.argsort(-idx)) + 1
    np.median(ranks, axis=0), np.percentile(ranks, [5, 95], axis=0)


latest = data[-1]
w = np.full(K, 1 / K)
out = {
    'entropy': best(lambda: entropy(data.reshape(Y * U, K))),
    'topsis': best(lambda: topsis(latest, w)),
    'coupling': best(coupling_all),
    'obstacle': best(lambda: obstacle(latest, w)),
    'disparity': best(disparity_all),
    'uncertainty': best(uncertainty, 1),
}
print(json.dumps(out))
