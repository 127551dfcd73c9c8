"""Chapter 5: real data for the lecture's strategies.

``omniglot`` reads and checks the Omniglot drawings (Lake et al. 2015);
``omniglot_tasks`` turns them into N-way few-shot episodes (Finn et al. 2017,
section 5.2), a task family in the sense of ``scratchmeta.tasks``.
"""
