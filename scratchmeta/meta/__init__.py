"""Chapter 2: the meta-learning strategies of Lecture 22, section 1, one module each.

Read in this order:

* ``maml`` -- second-order MAML (eq. 22.1-22.4, Finn et al. 2017), with
  first-order MAML as a flag: the meta-gradient through K unrolled SGD steps.
* ``multitask`` and ``baselines`` -- "normal SGD" with a shared body and task
  heads (section 1.3.1, Figure 22.2), and the pretrained / from-scratch
  baselines.
* ``closed_form`` -- the semi-frozen body with a ridge head (sections 1.3.4
  and 1.4.3, eq. 22.6, Bertinetto et al. 2018); ``anil`` -- a head-only inner
  loop (Raghu et al. 2019).
* ``reptile`` -- step toward theta_T instead of along a meta-gradient
  (section 1.4.2, eq. 22.5, Nichol et al. 2018).
* ``subset`` -- the inner loop on a random subset of each support set
  (section 1.4.1).
* ``exploding`` -- why meta-gradients explode as K and inner_lr grow
  (sections 1.3.6-1.3.7).

``common`` holds the protocol every strategy follows and the guard that stops
training on an exploding meta-gradient; ``training``, ``evaluate`` and
``registry`` run strategies for the command line (``python -m scratchmeta``).
"""
