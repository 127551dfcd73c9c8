"""Chapter 2: the meta-learning strategies of Lecture 22, section 1, one module each.

Read in this order:

* ``maml`` -- second-order MAML (eq. 22.1-22.4, Finn et al. 2017), with
  first-order MAML as a flag: the meta-gradient through K unrolled SGD steps.
* ``adapt`` -- test-time adaptation, the same for every strategy: SGD on each
  new task's support set, theta_0, theta_1, ....
* ``multitask`` and ``baselines`` -- "normal SGD" with a shared body and task
  heads (section 1.3.1, Figure 22.2), and the pretrained / from-scratch
  baselines.
* ``ridge`` and ``closed_form`` -- eq. 22.6, and the semi-frozen body under a
  ridge head (sections 1.3.4 and 1.4.3, Bertinetto et al. 2018); ``anil`` -- a
  head-only inner loop (Raghu et al. 2019).
* ``reptile`` -- step toward theta_T instead of along a meta-gradient
  (section 1.4.2, eq. 22.5, Nichol et al. 2018).
* ``subset`` -- the inner loop on a random subset of each support set
  (section 1.4.1).
* ``exploding`` and ``normalization`` -- why meta-gradients explode as K and
  inner_lr grow, and what batch normalisation inside the unrolled loop
  needs: the same statistics at test time as in meta-training (sections
  1.3.6-1.3.7, wish 1).

``protocol`` states, in prose and as code, the four methods every strategy
offers; ``checks`` holds the input checks, ``guard`` the guard of section 1.3.7;
``training``, ``evaluate`` and ``registry`` run strategies for the command line
(``python -m scratchmeta``); ``legacy`` reads the first edition's checkpoints.

One vocabulary, from the lecture, for every strategy, the command line
(``--inner-lr`` ...), the configurations and the checkpoints:

==========================  ===============  ==========================================
lecture                     name             meaning
==========================  ===============  ==========================================
eta, eq. 22.3               ``meta_lr``      the outer step (Adam's rate; Reptile's
                                             step toward theta_T, eq. 22.5)
eta_inner, eq. 22.4         ``inner_lr``     the inner step, and the test-time step
                                             unless a strategy documents its own
K, eq. 22.4                 ``inner_steps``  inner SGD steps in training (Reptile's T)
tasks per meta-step         ``meta_batch``   the batch of tasks of eq. 22.3
support set, eq. 22.1       ``n_support``    training points of each task
query set, eq. 22.2         ``n_query``      held-out points of each task
lambda, eq. 22.6            ``lam``          the ridge penalty
==========================  ===============  ==========================================

Multi-task SGD has two more of each kind, for its heads: ``head_meta_lr`` (Adam
on the training heads) and ``head_inner_lr`` (the head-only test-time steps
that come before the ``inner_lr`` ones).
"""
