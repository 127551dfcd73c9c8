"""A PyTorch second-order MAML reference, trained and scored like ours.

Run:  python benchmarks/torch_maml_reference.py [--steps 70000] [--seed 0] [--out runs/torch_maml.npz]
      python -m scratchmeta.meta.compare_reproduction --checkpoint runs/torch_maml.npz

Finn et al.'s sinusoid hyperparameters (1-40-40-1 ReLU, meta-batch 25, 10
support and 10 query points, one inner SGD step of lr 0.01, Adam 1e-3, 70,000
meta-steps), from the package's default initialisation (not Finn et al.'s: see
``scratchmeta.meta.compare_reproduction``). This script trains that model with
torch.func (vmap over tasks, grad inside) on tasks drawn by our own
`Sinusoid` family, then saves the parameters in the checkpoint format of
`python -m scratchmeta train`, so that `python -m scratchmeta evaluate
--checkpoint runs/torch_maml.npz` scores it on exactly the held-out tasks our
MAML is scored on. It needs PyTorch; it is a benchmark, not part of the package.
"""

import argparse
import time

import numpy as np

from scratchmeta.memory import keep_freed_memory
from scratchmeta.meta.protocol import describe
from scratchmeta.meta.registry import make_strategy
from scratchmeta.meta.training import init_rng, save_checkpoint, step_rng


def main():
    # The same allocator setting as the command line, for every contender in this
    # process (scratchmeta/memory.py explains why NumPy-heavy code needs it).
    keep_freed_memory()
    import torch
    from torch.func import grad, vmap

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=70000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="runs/torch_maml.npz")
    args = parser.parse_args()

    torch.set_num_threads(1)        # small ops: threads only contend (and spin) here
    strategy = make_strategy("maml")                      # same init and task family as ours
    state = strategy.init_state(init_rng(args.seed))       # the init `train` uses
    params = [torch.tensor(p, requires_grad=True) for p in state["params"]]
    opt = torch.optim.Adam(params, lr=1e-3)

    def mlp(p, x):
        h = torch.relu(x @ p[0] + p[1])
        h = torch.relu(h @ p[2] + p[3])
        return h @ p[4] + p[5]

    def task_loss(p, xs, ys, xq, yq):
        g = grad(lambda q: ((mlp(q, xs) - ys) ** 2).mean())(p)
        adapted = [w - 0.01 * gw for w, gw in zip(p, g)]                 # eq. 22.4, K = 1
        return ((mlp(adapted, xq) - yq) ** 2).mean()

    batched = vmap(task_loss, in_dims=(None, 0, 0, 0, 0))
    losses, start = [], time.time()
    for step in range(args.steps):
        batch = strategy.family.sample(step_rng(args.seed, step), 25, 10, 10)
        loss = batched(params, *(torch.tensor(a) for a in batch)).mean()   # eq. 22.3
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
        if (step + 1) % max(1, args.steps // 20) == 0:
            print(f"step {step + 1}/{args.steps}  meta-loss {np.mean(losses[-1000:]):.4f}  "
                  f"{(step + 1) / (time.time() - start):.0f} steps/s", flush=True)
    final = {"params": [p.detach().numpy() for p in params]}   # evaluation needs only theta0
    save_checkpoint(args.out, final, step=args.steps, seed=args.seed,
                    config=describe(strategy), meta_losses=np.array(losses))
    print(f"saved {args.out} after {time.time() - start:.0f} s; score it with: "
          f"python -m scratchmeta evaluate --checkpoint {args.out}")


if __name__ == "__main__":
    main()
