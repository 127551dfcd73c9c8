"""Figure 22.2: "normal SGD" with a shared body and task heads, beside MAML.

Lecture 22, section 1.3.1 (Figure 22.2) and the test-time heads of section
1.4.4 (zero, random, or fitted to the frozen body, eq. 22.6); Finn, Abbeel
and Levine (2017) for MAML.

Why not the plane of :mod:`scratchmeta.figures.fig22_1`. There the learner
``MLP((1, 1))`` is a single linear layer: it has no body, only a head, so
giving every task its own head would leave nothing shared and nothing for
normal SGD to learn across tasks. So we keep fig22_1's tasks (the lines
``y = a x + c`` of :class:`~scratchmeta.tasks.LinearRegression`, 10 support
and 10 query points) and give the learner a small body:
``MLP((1, 20, 1), tanh)``, one hidden layer of 20 tanh units (the features
Phi) and a linear head. Both learners start from the same initialisation and
take Adam steps of the same size, a meta-batch of 10 tasks per step:

* :class:`~scratchmeta.meta.multitask.Multitask` (normal SGD, Figure 22.2):
  one head per task of a fixed pool of training tasks; each step pools the
  data of 10 of them and takes the gradient of the pooled loss *at the
  current parameters*. The body gets gradient from every task, a head only
  from its own task.
* :class:`~scratchmeta.meta.maml.MAML` (eq. 22.3): each step fine-tunes
  theta0 tentatively on each task's support set (K = 1 step of eq. 22.4) and
  takes the gradient of the query loss *at theta0, through that step*.

Left panel: the loss each one descends, step by step. For MAML we also score
theta0 itself on the same tasks (K = 0), which MAML does not try to make
small. Middle panel: both meet held-out tasks and are fine-tuned by SGD with
MAML's inner_lr. A new task has no head, so normal SGD starts one as zero,
random, or the ridge fit on the frozen body's features (eq. 22.6), takes
``HEAD_STEPS`` steps on the head alone, then fine-tunes everything
(section 1.4.4, "heads first"); for contrast, the zero and the random head
are also fine-tuned together with the body from the first step
(``ALL_AT_ONCE``). Right panel: one held-out task, drawn.
"""


import numpy as np

from scratchmeta.figures import style
from scratchmeta.meta.checks import check_count, check_rng
from scratchmeta.meta import adapt, maml
from scratchmeta.meta.evaluate import interval
from scratchmeta.meta.multitask import Multitask, MultitaskConfig
from scratchmeta.nn import MLP
from scratchmeta.tasks import LinearRegression, TaskBatch

FULL = dict(train_steps=2000, eval_tasks=500, smooth=50)
QUICK = dict(train_steps=300, eval_tasks=50, smooth=15)

SIZES = (1, 20, 1)          # 20 tanh features Phi, then a linear head
ACTIVATION = "tanh"
N_SUPPORT = N_QUERY = 10    # as in fig22_1
N_POINTS = N_SUPPORT        # normal SGD: points per task and step (no support/query split)
N_TEST_QUERY = 100         # query points per held-out task in the fine-tuning curves
META_BATCH = 10             # tasks per training step, for both learners
N_TRAIN_TASKS = 50          # normal SGD's fixed pool of training tasks, one head each
LR = 0.01                   # Adam on the body and on MAML's theta0
HEADS_LR = 0.03             # Adam on the training heads (multitask default)
INNER_LR = 0.1              # eta_inner of eq. 22.4 (MAML), and every test-time SGD step
INNER_STEPS = 1             # K
HEAD_STEPS = 5              # test time, normal SGD: steps on the new head alone first
RIDGE = 0.01                # lambda of eq. 22.6 for the closed-form head
TEST_STEPS = 20             # test-time SGD steps drawn
SHOWN_STEPS = 1             # test-time steps of the fits drawn on the right
HEAD_INITS = ("closed_form", "zero", "random")
#: Section 1.4.4's contrast: the same zero and random heads, but everything fine-tuned from
#: the first step (no head-only steps first). Keys of the returned curves: "<init>_all".
ALL_AT_ONCE = ("zero", "random")
NOISE_FLOOR = LinearRegression().noise ** 2      # the MSE of the true line itself


def strategies(model, family):
    """MAML, and normal SGD with each way of starting a new task's head (one trained state)."""
    multitask = {init: Multitask(model, family, MultitaskConfig(
        n_train_tasks=N_TRAIN_TASKS, meta_batch=META_BATCH, n_support=N_POINTS, meta_lr=LR,
        head_meta_lr=HEADS_LR, head_init=init, lam=RIDGE, head_steps=HEAD_STEPS,
        head_inner_lr=INNER_LR, inner_lr=INNER_LR)) for init in HEAD_INITS}
    for init in ALL_AT_ONCE:
        multitask[f"{init}_all"] = Multitask(model, family, MultitaskConfig(
            n_train_tasks=N_TRAIN_TASKS, meta_batch=META_BATCH, n_support=N_POINTS, meta_lr=LR,
            head_meta_lr=HEADS_LR, head_init=init, lam=RIDGE, head_steps=0,
            head_inner_lr=INNER_LR, inner_lr=INNER_LR))
    return maml.MAML(model, family, maml.MAMLConfig(
        inner_lr=INNER_LR, inner_steps=INNER_STEPS, meta_lr=LR, meta_batch=META_BATCH,
        n_support=N_SUPPORT, n_query=N_QUERY)), multitask


def train_maml(strategy, state, rng, n_steps):
    """MAML's state after n_steps, its meta-loss per step, and theta0's own loss per step.

    Before each update, theta0 is scored on the update's own batch without
    adapting (K = 0).
    """
    check_rng("rng", rng), check_count("n_steps", n_steps, 0)
    meta_losses, theta0_losses = [], []
    for step in range(n_steps):
        batch = strategy.sample_batch(rng, state)
        at_theta0 = float(maml.meta_loss(state["params"], batch, strategy.model,
                                         inner_lr=INNER_LR, inner_steps=0))
        state, loss = strategy.update(state, batch, rng, step)
        meta_losses.append(loss)
        theta0_losses.append(at_theta0)
    return state, np.array(meta_losses), np.array(theta0_losses)


def train_multitask(strategy, state, rng, n_steps):
    """Normal SGD's state after n_steps and its pooled training loss per step."""
    check_rng("rng", rng), check_count("n_steps", n_steps, 0)
    losses = []
    for step in range(n_steps):
        state, loss = strategy.update(state, strategy.sample_batch(rng, state), rng, step)
        losses.append(loss)
    return state, np.array(losses)


def running_mean(values, window):
    """Mean of the last ``window`` values at each step (fewer at the start)."""
    values = style.check_numbers("values", values, (None,), "a 1-D array of finite numbers")
    check_count("window", window, 1)
    sums = np.cumsum(np.concatenate([[0.0], values]))
    ends = np.arange(1, len(values) + 1)
    starts = np.maximum(ends - window, 0)
    return (sums[ends] - sums[starts]) / (ends - starts)


def make(out_dir, *, quick=False, seed=0):
    """Draw fig22_2_normal_sgd.png; return the training losses, fine-tuning curves and fits."""
    cfg = QUICK if quick else FULL
    model, family = MLP(SIZES, activation=ACTIVATION), LinearRegression()
    maml_strategy, multitask = strategies(model, family)

    # The same initial network for both: Multitask.init_state splits it into a body
    # and draws its heads and task pool after it, from the same generator.
    maml_state = maml_strategy.init_state(np.random.default_rng([seed, 0]))
    mt_state = multitask["closed_form"].init_state(np.random.default_rng([seed, 0]))
    maml_state, maml_losses, theta0_losses = train_maml(
        maml_strategy, maml_state, np.random.default_rng([seed, 1]), cfg["train_steps"])
    mt_state, mt_losses = train_multitask(multitask["closed_form"], mt_state,
                                          np.random.default_rng([seed, 4]), cfg["train_steps"])

    # Held-out tasks: fine-tuning curves (query MSE after 0..TEST_STEPS SGD steps).
    test = family.sample(np.random.default_rng([seed, 2]), cfg["eval_tasks"], N_SUPPORT,
                         N_TEST_QUERY)
    per_task = {"maml": adapt.curve(maml_strategy, maml_state, test, TEST_STEPS)}
    for init, strategy in multitask.items():
        per_task[f"multitask_{init}"] = adapt.curve(strategy, mt_state, test, TEST_STEPS)
    for name, curve in per_task.items():
        if not np.all(np.isfinite(curve)):
            raise FloatingPointError(f"test-time fine-tuning of {name} diverged at lr "
                                     f"{INNER_LR}; expected finite query MSEs")
    mean = {name: interval(curve)[0] for name, curve in per_task.items()}
    half = {name: interval(curve)[1] for name, curve in per_task.items()}

    # One held-out task drawn: its support points, the true line, and the fits.
    shown_params = family.sample_params(np.random.default_rng([seed, 3]), 1)
    shown = family.make_batch(np.random.default_rng([seed, 5]), shown_params, N_SUPPORT, 0)
    x = np.linspace(-1.0, 1.0, 101)
    truth = family.target(shown_params, x.reshape(1, -1, 1))
    on_grid = TaskBatch(shown.x_support, shown.y_support, x.reshape(1, -1, 1), truth)
    fits = {"maml_0": adapt.predict(maml_strategy, maml_state, on_grid, 0),
            f"maml_{SHOWN_STEPS}": adapt.predict(maml_strategy, maml_state, on_grid,
                                                 SHOWN_STEPS),
            "multitask_closed_form_0": adapt.predict(multitask["closed_form"], mt_state,
                                                     on_grid, 0),
            f"multitask_zero_{SHOWN_STEPS}": adapt.predict(multitask["zero"], mt_state,
                                                           on_grid, SHOWN_STEPS)}
    fits = {name: np.ravel(f) for name, f in fits.items()}
    fit_mse = {name: float(np.mean((f - truth.ravel()) ** 2)) for name, f in fits.items()}

    fig, axes = style.subplots(1, 3, size=(16.5, 6.4))
    colors = style.COLORS

    ax = axes[0]
    steps = np.arange(1, cfg["train_steps"] + 1)
    w = cfg["smooth"]
    for values, color, ls, label in (
            (mt_losses, colors["multitask"], "-",
             "normal SGD: pooled MSE, own heads, at the current parameters"),
            (maml_losses, colors["maml"], "-",
             f"MAML: query MSE after K = {INNER_STEPS} tentative step from $\\theta_0$"),
            (theta0_losses, colors["maml"], "--",
             r"MAML: query MSE at $\theta_0$ itself (K = 0), not descended")):
        ax.plot(steps, values, color=color, lw=0.6, alpha=0.25)
        ax.plot(steps, running_mean(values, w), ls, color=color, label=label)
    ax.axhline(NOISE_FLOOR, color=colors["random"], ls=":", lw=1.2,
               label=f"noise floor: MSE of the true line ({NOISE_FLOOR:g})")
    ax.set(yscale="log", xlabel="training step (one Adam step, 10 tasks)",
           ylabel="training MSE (log scale)",
           title=f"What each one descends (faint: per step; bold: mean of last {w})")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), fontsize=8.5)

    ax = axes[1]
    test_steps = np.arange(TEST_STEPS + 1)
    lines = [("maml", r"MAML $\theta_0$, SGD on everything", colors["maml"], "-", "o"),
             ("multitask_closed_form", "normal SGD, closed-form head (eq. 22.6)",
              colors["multitask"], "-", "s"),
             ("multitask_zero", "normal SGD, zero head", colors["multitask"], "--", "^"),
             ("multitask_random", "normal SGD, random head", colors["multitask"], ":", "v"),
             ("multitask_zero_all", "normal SGD, zero head, everything from step 1",
              colors["reptile"], "--", "^"),
             ("multitask_random_all", "normal SGD, random head, everything from step 1",
              colors["reptile"], ":", "v")]
    for name, label, color, ls, marker in lines:
        ax.plot(test_steps, mean[name], ls=ls, color=color, marker=marker, ms=4,
                label=f"{label}: {mean[name][0]:.3f} -> {mean[name][-1]:.3f}")
        ax.fill_between(test_steps, mean[name] - half[name], mean[name] + half[name],
                        color=color, alpha=0.15)
    ax.axvspan(0, HEAD_STEPS, color="#999999", alpha=0.12,
               label=f"heads-first curves: the first {HEAD_STEPS} steps train the head alone")
    ax.axhline(NOISE_FLOOR, color=colors["random"], ls=":", lw=1.2, label="noise floor")
    ax.set(yscale="log", xlabel=f"test-time SGD steps on {N_SUPPORT} support points "
                                f"(lr {INNER_LR})",
           ylabel="query MSE (log scale)",
           title=f"Fine-tuning on {cfg['eval_tasks']} held-out tasks (95% intervals)",
           xticks=test_steps[::2])
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), fontsize=8.5)

    ax = axes[2]
    a, c = shown_params[0]
    ax.plot(x, truth.ravel(), color=colors["truth"], lw=2.5, ls="--",
            label=f"true line y = {a:.2f} x + {c:.2f}", zorder=4)
    for name, label, color, ls in (
            ("maml_0", r"MAML $\theta_0$, 0 steps", colors["maml"], ":"),
            (f"maml_{SHOWN_STEPS}", f"MAML, {SHOWN_STEPS} SGD step", colors["maml"], "-"),
            (f"multitask_zero_{SHOWN_STEPS}", f"normal SGD, zero head, {SHOWN_STEPS} step",
             colors["multitask"], "--"),
            ("multitask_closed_form_0", "normal SGD, closed-form head, 0 steps",
             colors["multitask"], "-")):
        ax.plot(x, fits[name], ls, color=color, label=f"{label} (MSE {fit_mse[name]:.3f})")
    ax.plot(shown.x_support[0, :, 0], shown.y_support[0, :, 0], "o", ms=7, mfc="white",
            mec=colors["support"], mew=1.8, label=f"{N_SUPPORT} support points", zorder=5)
    ax.set(xlabel="input x", ylabel="output y",
           title="One held-out task: the fits (MSE against the true line)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), fontsize=8.5)
    fig.suptitle(f"Normal SGD with task heads (section 1.3.1) vs MAML: MLP{SIZES} "
                 f"{ACTIVATION}, linear tasks, {cfg['train_steps']} training steps each")
    files = [style.save(fig, out_dir, "fig22_2_normal_sgd")]
    return {"files": files, "train_steps": cfg["train_steps"],
            "multitask_loss": mt_losses, "maml_meta_loss": maml_losses,
            "maml_loss_at_theta0": theta0_losses, "test_steps": test_steps,
            "curves": mean, "half_width": half, "per_task_curves": per_task,
            "shown_task": shown_params[0], "x": x, "truth": truth.ravel(), "fits": fits,
            "fit_mse": fit_mse, "noise_floor": NOISE_FLOOR}
