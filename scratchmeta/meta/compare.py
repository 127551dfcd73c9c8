"""MAML against the alternatives on one task family, with test-time settings chosen fairly.

Lecture 22, section 1.3 (normal multi-task SGD, section 1.3.1; the
semi-frozen body, section 1.3.4), section 1.4 (Reptile, eq. 22.5; the
closed-form head, eq. 22.6, and ANIL, section 1.4.3; the take-away of
section 1.4.4 that they all "compete against the regular SGD approach"), and
the scribes' wish in section 3 for "demos on MAML compared to alternative
approaches". Finn, Abbeel and Levine (2017), section 5.1, for the sinusoids
and the two baselines (pretrained on all tasks then fine-tuned; from scratch).

The experiment, for one task family:

1. every strategy of :data:`STRATEGIES` is meta-trained by
   ``scratchmeta.meta.training.train`` from the same seed, with its registry
   defaults (so every network starts from the same initialisation, and
   meta-step t of MAML, FOMAML, Reptile, ANIL and the closed form draws the
   very same tasks), on tasks with ``n_support`` support points;
2. its test-time step size ``inner_lr`` and number of test-time steps are
   chosen on *validation* tasks (``scratchmeta.meta.evaluate.select_test_time``,
   seed ``VALIDATION_SEED``), among :data:`CANDIDATES` and 0..``max_steps``;
3. it is then scored on the *test* tasks (seed ``HELD_OUT_SEED``) at the
   chosen step size after 0..``max_steps`` steps: the reported number is the
   test error after the chosen number of steps, with its 95% interval,
   median and fraction of diverged tasks.

Which families. On Finn et al.'s sinusoids A sin(x - phi) =
(A cos phi) sin x - (A sin phi) cos x every task is linear in the two fixed
features sin x and cos x, so a body that has learned them makes a ridge head
(eq. 22.6) exact, and the closed-form strategy wins by a wide margin. On
sinusoids whose frequency varies too (:class:`scratchmeta.more_tasks.SinusoidFrequency`)
no fixed pair of features spans the tasks: that advantage shrinks, and the
ranking of the strategies is set by how well each adapts from 10 points.

Step 0 is not the same thing for every strategy. For ``closed_form`` and
``multitask`` (whose test-time head starts as the ridge fit) the "0 steps"
prediction already includes a ridge fit to the support set; for the others
it is theta0 itself. :func:`fits_at_step_0` tells them apart, and every table
and figure marks those rows.
"""

import time

import numpy as np

from scratchmeta.meta.checks import (check_attributes, check_count, check_mapping, check_names,
                                     check_ordered, check_records, check_strategy,
                                     user_callback)
from scratchmeta.meta.evaluate import HELD_OUT_SEED, VALIDATION_SEED, evaluate, \
    format_result, select_test_time, with_test_time
from scratchmeta.meta.registry import STRATEGIES as REGISTERED, hyperparameters, make_family, \
    make_strategy
from scratchmeta.meta.training import train

#: The strategies compared, in the lecture's order (registry names). The subset
#: strategy has its own experiment (``scratchmeta.meta.compare_subset``): its point
#: needs support sets far larger than 10 points.
STRATEGIES = ("maml", "fomaml", "reptile", "multitask", "closed_form", "anil", "pretrained",
              "scratch")

#: Test-time step sizes tried on the validation tasks, for every strategy alike.
CANDIDATES = (0.001, 0.003, 0.01, 0.03, 0.1)

STEP_0_NOTE = "step 0 includes a ridge head fitted to the support set (eq. 22.6)"


def fits_at_step_0(strategy):
    """True when the strategy's 0-step prediction already fits a head to the support set."""
    check_strategy(strategy)
    return bool(getattr(strategy, "fits_head_at_step_0", False))


def build(name, family, meta_steps, **hyper):
    """The registry's strategy ``name`` for ``family`` with its defaults and ``hyper``.

    A strategy that anneals over its run (Reptile's outer step, Nichol et al.
    2018) is told the run's length.
    """
    check_count("meta_steps", meta_steps, 0)     # 0: a strategy with nothing to learn
    if "n_steps" in hyperparameters(name) and meta_steps > 0 and "n_steps" not in hyper:
        hyper = dict(hyper, n_steps=meta_steps)
    return make_strategy(name, family, **hyper)


def run(family, meta_steps, *, seed=0, strategies=STRATEGIES, n_support=10, n_query=100,
        train_support=None, val_tasks=200, test_tasks=600, max_steps=10, candidates=CANDIDATES,
        test_seed=HELD_OUT_SEED, val_seed=VALIDATION_SEED, progress=None):
    """Train, tune on validation tasks and score on test tasks every strategy, on ``family``.

    ``family`` is a TaskFamily or a registry name; ``meta_steps`` maps each
    strategy to its number of meta-steps (a strategy with nothing to learn
    takes 0). Validation and test tasks have ``n_support`` support and
    ``n_query`` query points; training tasks have ``train_support`` support
    points (None: each strategy's default). Returns {name: dict} with
    ``strategy`` (at the chosen step size), ``state``, ``choice`` (a
    ``TestTimeChoice``), ``test`` (the
    ``Evaluation`` on the test tasks at the chosen step size, 0..max_steps
    steps), ``train_seconds``, ``tune_seconds``, ``test_seconds``,
    ``meta_losses`` and ``step_0_fit`` (see :func:`fits_at_step_0`).
    """
    family = make_family(family) if isinstance(family, str) else family
    check_names("strategies", strategies, REGISTERED, "strategy")    # before any training
    for name, value, minimum in (("seed", seed, 0), ("n_support", n_support, 1),
                                 ("n_query", n_query, 1), ("val_tasks", val_tasks, 2),
                                 ("test_tasks", test_tasks, 2), ("max_steps", max_steps, 0),
                                 ("test_seed", test_seed, 0), ("val_seed", val_seed, 0)):
        check_count(name, value, minimum)
    if train_support is not None:
        check_count("train_support", train_support, 1)
    say = user_callback("progress", progress, "print (a print-like callable) or None")
    check_ordered("candidates", candidates, "[0.01, 0.1] (positive step sizes)")
    check_mapping("meta_steps", meta_steps, "{'maml': 1000, 'scratch': 0}")
    missing = [name for name in strategies if name not in meta_steps]
    if missing:
        raise ValueError(f"meta_steps must give a number of meta-steps for every strategy; "
                         f"missing {missing}")
    if test_seed == val_seed:
        raise ValueError(f"the test tasks' seed must differ from the validation seed, both "
                         f"are {test_seed!r}")
    hyper = {} if train_support is None else {"n_support": train_support}
    # every strategy is built (its settings and its fit to the family checked) before any trains
    built = {name: build(name, family, meta_steps[name], **hyper) for name in strategies}
    results = {}
    for name in strategies:
        strategy = built[name]
        history = []
        t0 = time.perf_counter()
        state = train(strategy, meta_steps[name], seed, history=history)
        t1 = time.perf_counter()
        choice = select_test_time(strategy, state, family, candidates=candidates,
                                  max_steps=max_steps, n_tasks=val_tasks, n_support=n_support,
                                  n_query=n_query, seed=val_seed)
        chosen = with_test_time(strategy, inner_lr=choice.inner_lr)
        t2 = time.perf_counter()
        test = evaluate(chosen, state, family, n_tasks=test_tasks, n_support=n_support,
                        n_query=n_query, n_steps=max_steps, seed=test_seed,
                        on_divergence="record")
        t3 = time.perf_counter()
        results[name] = {"strategy": chosen, "state": state, "choice": choice, "test": test,
                         "train_seconds": t1 - t0, "tune_seconds": t2 - t1,
                         "test_seconds": t3 - t2, "meta_losses": np.array(history),
                         "meta_steps": meta_steps[name], "step_0_fit": fits_at_step_0(chosen)}
        if progress is not None:
            k = choice.n_steps
            say(f"{family.name} {name}: {meta_steps[name]} meta-steps in {t1 - t0:.1f} s; "
                     f"test-time lr {choice.inner_lr:g}, {k} steps: test "
                     f"{test.metric_name} {test.mean[k]:.4g} (median {test.median[k]:.4g})")
    return results


def rows(results):
    """One table row per strategy: chosen settings, test error at 0, 1 and the chosen steps."""
    check_records("results", results, ("test", "choice", "step_0_fit", "train_seconds",
                                       "meta_steps"), "compare.run")
    for name, r in results.items():
        check_attributes(f"results[{name!r}]['test']", r["test"], ("mean", "half_width",
                         "median", "diverged", "worse", "metric_name"), "an Evaluation")
        check_attributes(f"results[{name!r}]['choice']", r["choice"], ("inner_lr", "n_steps"),
                         "a TestTimeChoice (from evaluate.select_test_time)")
    out = []
    for name, r in results.items():
        test, k = r["test"], r["choice"].n_steps
        metric = test.metric_name
        out.append({
            "strategy": name + (" *" if r["step_0_fit"] else ""),
            "test lr": f"{r['choice'].inner_lr:g}",
            "steps": str(k),
            f"{metric} after 0 steps": cell(test, 0),
            f"{metric} after 1 step": cell(test, 1),
            f"{metric} after chosen steps": cell(test, k),
            "median": f"{test.median[k]:.3g}",
            "diverged": f"{test.diverged[k]:.1%}",
            "worse": f"{test.worse[k]:.1%}",
            "ms / meta-step": (f"{1000 * r['train_seconds'] / r['meta_steps']:.2f}"
                               if r["meta_steps"] else "-"),
        })
    return out


def cell(evaluation, k):
    """'mean ± half-width' after k steps, as ``format_result`` writes it (a diverged run too);
    '-' when the evaluation stops before step k (the table's "after 1 step" column of a run
    whose chosen number of test-time steps is 0 and was scored only there)."""
    check_attributes("evaluation", evaluation, ("mean", "half_width"),
                     "an Evaluation (from evaluate.evaluate)")
    check_count("k", k, 0)
    if k >= len(evaluation.mean):
        return "-"
    return format_result(evaluation.mean[k], evaluation.half_width[k])
