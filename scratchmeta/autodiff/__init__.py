"""Chapter 1: a tiny reverse-mode autodiff engine with gradients of gradients.

Lecture 22, section 1.2.2 step 4 and section 1.3.6 (Figure 22.5, eq. 22.4):
MAML's meta-gradient is a gradient of gradients, and this package computes
it. Use it as ``from scratchmeta import autodiff as ad``; every name below is
``ad.<name>``.

Reading path:

1. ``core.py``: the whole engine behind Chapters 1-2 (tensors and nested
   traces, primitives with their VJPs, the tape walk, ``grad``,
   ``value_and_grad`` and ``trace``) and the ops an MLP and MAML need.
   Sections 1.2 and 1.3.6 (the modules the README lists for them and every
   module of the package those import) use core.py and two appendices besides,
   ``pytrees.py``: ``gradcheck`` flattens arguments with ``tree_flatten`` and
   ``tree_map``, and Adam's outer step (``optim.adam_update``) maps over the
   parameters with ``tree_map``; ``gradcheck`` takes its argument checks from
   ``checks.py``. Section 1.3.4's closed-form head adds
   ``solve`` from ``linalg.py`` and ``concatenate`` from ``more_ops.py``.
2. Appendices, each one idea, read when needed:

   * ``linalg.py``: ``solve`` for the closed-form heads of sections 1.3.4 and
     1.4.3 (eq. 22.6), ``einsum`` and ``norm``;
   * ``more_ops.py``: more of NumPy for porting code (sin, max, prod, var,
     clip, concatenate, stack, ...);
   * ``derivatives.py``: ``vjp``, ``jacobian``, ``hessian`` and ``jvp``;
   * ``pytrees.py``: nested parameters (``tree_flatten``, ``tree_map``), the
     first appendix that sections 1.2 and 1.3.6 use too;
   * ``numpy_interop.py``: what a Tensor does where NumPy code expects an array;
   * ``checks.py``: input checks and error messages (``gradcheck`` uses them too);
   * ``impls.py``: the forward rules of the shape ops, written for speed.

Checking the engine is a chapter of its own: ``scratchmeta.gradcheck``
(``check_grads``, ``hvp``) imports this package, never the reverse, and the
package imports nothing else from scratchmeta.

**Outside a trace.** An op called where no ``grad`` is watching is NumPy's own
call and returns a plain NumPy array or number, never a Tensor: a function
written with the engine's ops (``ad.exp(-x * x)``) is ordinary NumPy code to
anything else that calls it, a sampler's pdf for one.

**dtypes.** float64 is the default; float32 in gives float32 out, including
every gradient at every order; other floats (float16, longdouble) are computed
in float64; integer, boolean, complex and other arrays are refused with a
TypeError.
Gradient checks always run in float64.
"""

from .core import (Primitive, Tensor, Trace, add, broadcast_to, div, exp, getitem, grad, log,
                   logsumexp, matmul, matrix_transpose, mean, mul, neg, power, relu, reshape, shape,
                   sigmoid, sqrt, stop_gradient, sub, sum, sum_to, tanh, trace, transpose,
                   value_and_grad, where)
from .derivatives import hessian, jacobian, jvp, vjp
from .linalg import einsum, norm, solve
from .more_ops import (abs, clip, concatenate, cos, cosh, expand_dims, expm1, log1p, max, maximum,
                       min, minimum, prod, sin, sinh, squeeze, stack, std, tan, var)
from .pytrees import tree_flatten, tree_map

__all__ = [
    "Tensor", "Primitive", "grad", "value_and_grad", "vjp", "jvp", "jacobian", "hessian",
    "trace", "stop_gradient",
    "shape", "matrix_transpose", "tree_flatten", "tree_map",
    "add", "sub", "mul", "div", "power", "neg", "matmul", "getitem",
    "exp", "log", "sqrt", "tanh", "sin", "cos", "sigmoid", "relu", "abs", "maximum", "minimum",
    "where",
    "tan", "sinh", "cosh", "log1p", "expm1", "clip",
    "sum", "mean", "logsumexp", "max", "min", "prod", "var", "std",
    "reshape", "transpose", "broadcast_to", "concatenate", "stack", "sum_to", "squeeze",
    "expand_dims", "solve", "einsum", "norm",
]
