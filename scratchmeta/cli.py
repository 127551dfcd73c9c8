"""The command line of scratchmeta: ``python -m scratchmeta {demo,...} --help``."""

import argparse

import numpy as np


def demo(args):
    """Chapter 1 demo: nth derivatives of tanh by nested grad, against closed forms."""
    from scratchmeta import autodiff as ad

    def closed_forms(x):
        t = np.tanh(x)
        s = 1.0 - t * t                                   # sech^2 x
        return [t, s, -2 * t * s, s * (6 * t * t - 2), 8 * t * s * (2 - 3 * t * t)]

    print("Derivatives of tanh by nested grad (engine) and by closed form:")
    print(f"{'x':>6s} {'n':>2s} {'engine':>22s} {'closed form':>22s} {'|error|':>9s}")
    for x in (-1.5, 0.3, 2.0):
        f = ad.tanh
        for n in range(1, 5):
            f = ad.grad(f)
            got, want = float(f(x)), closed_forms(x)[n]
            print(f"{x:6.2f} {n:2d} {got:22.15f} {want:22.15f} {abs(got - want):9.1e}")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m scratchmeta",
                                     description="Lecture 22 (MAML and sampling) from scratch.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="nth derivatives of tanh by nested grad").set_defaults(run=demo)
    args = parser.parse_args(argv)
    return args.run(args)
