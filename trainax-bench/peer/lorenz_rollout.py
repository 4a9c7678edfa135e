"""The Lorenz MLP of the shared peer's lorenz.py, timed at rollout lengths r = 1 and 10 (the shared
peer times only r = 1 over 20,000 steps). Same data, initial parameters, windowing, minibatch order,
loss and Adam settings as the shared peer, whose common.py and lorenz.py it imports:

    /usr/bin/python3 trainax-bench/peer/lorenz_rollout.py --peer ../shared/peer --threads 1
"""
import argparse
import copy
import os
import sys

import numpy as np
import torch

STEPS = {1: 1000, 10: 300}   # timed steps per rollout length, after the warm-up
WARMUP = 20


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peer", required=True, help="the shared peer's folder (common.py, lorenz.py, data/)")
    ap.add_argument("--threads", default="1", help="comma-separated torch.set_num_threads values")
    args = ap.parse_args()
    sys.path.insert(0, os.path.abspath(args.peer))
    from common import banner, timing, train_supervised
    from lorenz import mlp

    banner()
    data_dir = os.path.join(args.peer, "data")
    data = torch.from_numpy(np.fromfile(os.path.join(data_dir, "lorenz.f32"), dtype="<f4").reshape(9, 1000, 3))
    flat = torch.from_numpy(np.fromfile(os.path.join(data_dir, "lorenz_mlp_init.f32"), dtype="<f4"))
    init = mlp()
    offset = 0
    with torch.no_grad():
        for p in init.parameters():   # named_parameters order, each C order, as save_params wrote them
            p.copy_(flat[offset:offset + p.numel()].reshape(p.shape))
            offset += p.numel()
    assert offset == flat.numel(), f"{flat.numel()} initial values for {offset} parameters"
    for n in [int(t) for t in args.threads.split(",")]:
        torch.set_num_threads(n)
        for r, steps in STEPS.items():
            model = copy.deepcopy(init)
            losses, secs = train_supervised(model, data, num_rollout_steps=r, lr=3e-4,
                                            num_training_steps=WARMUP + steps, batch_size=32, shuffle_seed=42)
            med, mean, total = timing(secs, WARMUP)
            print(f"threads={n} r={r} loss first5={losses[:5].mean():.4e} last5={losses[-5:].mean():.4e} "
                  f"median={med:.3f} ms/step mean={mean:.3f} ms/step ({steps} timed steps after {WARMUP} warm-up, "
                  f"all: {total:.2f} s)")


if __name__ == "__main__":
    main()
