"""Write tests/data/arviz_reference.npz: draws and ArviZ's diagnostics of them.

Run (from the repository root, with ArviZ installed):

    .venv/bin/python tests/data/make_arviz_reference.py

The file lets ``tests/test_sampling_diagnostics.py`` check, without ArviZ,
that scratchmeta's rank-normalised split R-hat, bulk and tail ESS and MCSE
of the mean and sd equal ArviZ's to 1e-8 relative. The draws are:

* ArviZ's own example posterior ``centered_eight`` (4 chains x 500 draws of
  mu, tau and theta[0]), shipped with ArviZ;
* seeded random inputs: independent normals, AR(1) chains, heavy tails
  (Cauchy), rounded draws with ties, antithetic chains, random walks, in
  shapes from (1, 4) to (4, 1001), odd and even lengths;
* degenerate input: constant chains, one chain, fewer than 4 draws.
"""

import warnings
from pathlib import Path

import arviz as az
import numpy as np

OUT = Path(__file__).with_name("arviz_reference.npz")
NAMES = ("rhat", "ess_bulk", "ess_tail", "ess_mean", "mcse_mean", "mcse_sd")


def arviz_values(x):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.array([float(az.rhat(x)), float(az.ess(x, method="bulk")),
                         float(az.ess(x, method="tail")), float(az.ess(x, method="mean")),
                         float(az.mcse(x, method="mean")), float(az.mcse(x, method="sd"))])


def inputs():
    post = az.load_arviz_data("centered_eight").posterior
    yield "centered_eight mu", post["mu"].values
    yield "centered_eight tau", post["tau"].values
    yield "centered_eight theta[0]", post["theta"].values[:, :, 0]
    rng = np.random.default_rng(20261130)
    for m in (1, 2, 4):
        for n in (4, 5, 7, 10, 20, 21, 100, 1001):
            yield f"normal {m}x{n}", rng.standard_normal((m, n))
            ar = np.zeros((m, n))
            ar[:, 0] = rng.standard_normal(m)
            for t in range(1, n):
                ar[:, t] = 0.9 * ar[:, t - 1] + rng.standard_normal(m)
            yield f"ar1(0.9) {m}x{n}", ar
            yield f"rounded {m}x{n}", np.round(rng.standard_normal((m, n)))
            anti = rng.standard_normal((m, n))
            anti[:, 1::2] = -anti[:, 0::2][:, :n // 2]
            yield f"antithetic {m}x{n}", anti
    yield "cauchy 4x50", rng.standard_cauchy((4, 50))
    yield "random walk 4x200", np.cumsum(rng.standard_normal((4, 200)), axis=1)
    yield "stuck chains 4x100", rng.standard_normal((4, 100)) + np.arange(4)[:, None]
    yield "constant 4x100", np.zeros((4, 100))
    yield "constant per chain 4x100", np.repeat(np.arange(4.0)[:, None], 100, axis=1)
    yield "one chain 1x100", rng.standard_normal((1, 100))
    yield "three draws 4x3", rng.standard_normal((4, 3))


def main():
    labels, draws, values = [], [], []
    for label, x in inputs():
        labels.append(label)
        draws.append(np.asarray(x, dtype=np.float64))
        values.append(arviz_values(x))
    np.savez_compressed(OUT, labels=np.array(labels), names=np.array(NAMES),
                        values=np.array(values), arviz_version=az.__version__,
                        **{f"draws_{i}": x for i, x in enumerate(draws)})
    print(f"wrote {OUT} ({len(labels)} inputs, ArviZ {az.__version__})")


if __name__ == "__main__":
    main()
