"""Chapter 3, part 2d: six distributions whose inverse CDF has a closed form.

Lecture 22, section 2.1.2, in the lucky case where integrating the density
and inverting the result can both be done with pen and paper. Each function below returns
``ContinuousInverseCDF.from_ppf(ppf, cdf)``. Solving CDF(x) = u for x gives
the ppf; the derivation is one line, written next to each.

The formulas use ``log1p(-u)`` and ``expm1`` rather than ``log(1 - u)`` and
``1 - exp``: for u near 0, 1 - u rounds to 1 and the small tail would be lost.
The u-error of every one of them is at the level of rounding, about 1e-16.
"""

import numpy as np

from scratchmeta.sampling.checks import check_real, fits_float64, is_real
from scratchmeta.sampling.continuous import ContinuousInverseCDF
from scratchmeta.messages import names_itself, out_of_scale, seen


def _real(name, value):
    if not fits_float64(value):             # a long double past float64: said as such
        check_real(name, value)
    if not is_real(value):
        shown = seen(value) + ("" if isinstance(value, type) else f" ({type(value).__name__})")
        raise TypeError(f"{name} must be a real number, got {shown}")
    return float(value)


def _positive(name, value):
    value = _real(name, value)
    if not (np.isfinite(value) and value > 0.0):
        raise ValueError(f"{name} must be a positive finite number, got {seen(value)}")
    if out_of_scale(name, value):
        raise ValueError(out_of_scale(name, value, "parameter"))
    return value


def _finite(name, value):
    value = _real(name, value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {seen(value)}")
    return value


@names_itself
def exponential(rate=1.0):
    """Exponential(rate): CDF 1 - exp(-rate x), x >= 0.

    u = 1 - exp(-rate x)  =>  x = -log(1 - u) / rate.
    """
    rate = _positive("rate", rate)
    return ContinuousInverseCDF.from_ppf(
        lambda u: -np.log1p(-u) / rate,
        lambda x: -np.expm1(-rate * np.maximum(x, 0.0)))


@names_itself
def cauchy(loc=0.0, scale=1.0):
    """Cauchy(loc, scale): CDF 1/2 + arctan(z) / pi, z = (x - loc) / scale.

    u = 1/2 + arctan(z) / pi  =>  z = tan(pi (u - 1/2)) = -1 / tan(pi u).
    The last form keeps full relative precision for small u, where u - 1/2
    would round away the digits of u; for u > 1/2 we use the mirror image
    1 / tan(pi (1 - u)), as 1 - u is exact there. Likewise the CDF is
    computed as atan2(1, -z) / pi, the same angle without the cancellation.
    """
    loc, scale = _finite("loc", loc), _positive("scale", scale)

    def ppf(u):
        lower = u < 0.5
        return loc + scale * np.where(lower, -1.0 / np.tan(np.pi * np.where(lower, u, 0.5)),
                                      1.0 / np.tan(np.pi * np.where(lower, 0.5, 1.0 - u)))

    return ContinuousInverseCDF.from_ppf(
        ppf, lambda x: np.arctan2(1.0, -(x - loc) / scale) / np.pi)


@names_itself
def logistic(loc=0.0, scale=1.0):
    """Logistic(loc, scale): CDF 1 / (1 + exp(-z)), z = (x - loc) / scale.

    u = 1 / (1 + exp(-z))  =>  z = log(u / (1 - u)) = log(u) - log(1 - u).
    """
    loc, scale = _finite("loc", loc), _positive("scale", scale)
    return ContinuousInverseCDF.from_ppf(
        lambda u: loc + scale * (np.log(u) - np.log1p(-u)),
        lambda x: 0.5 * (1.0 + np.tanh((x - loc) / (2.0 * scale))))


@names_itself
def laplace(loc=0.0, scale=1.0):
    """Laplace(loc, scale): CDF exp(z) / 2 for z < 0, 1 - exp(-z) / 2 for z >= 0.

    u < 1/2: z = log(2u);  u >= 1/2: z = -log(2 (1 - u)), with 1 - u exact.
    """
    loc, scale = _finite("loc", loc), _positive("scale", scale)

    def ppf(u):
        lower = u < 0.5
        return loc + scale * np.where(lower, np.log(2.0 * np.where(lower, u, 0.5)),
                                      -np.log(2.0 * np.where(lower, 0.5, 1.0 - u)))

    def cdf(x):
        z = (x - loc) / scale
        half = 0.5 * np.exp(-np.abs(z))
        return np.where(z < 0, half, 1.0 - half)

    return ContinuousInverseCDF.from_ppf(ppf, cdf)


@names_itself
def weibull(shape, scale=1.0):
    """Weibull(shape k, scale): CDF 1 - exp(-(x / scale)**k), x >= 0.

    u = 1 - exp(-(x / scale)**k)  =>  x = scale (-log(1 - u))**(1 / k).
    """
    k, scale = _positive("shape", shape), _positive("scale", scale)
    return ContinuousInverseCDF.from_ppf(
        lambda u: scale * (-np.log1p(-u)) ** (1.0 / k),
        lambda x: -np.expm1(-(np.maximum(x, 0.0) / scale) ** k))


@names_itself
def pareto(alpha, scale=1.0):
    """Pareto(alpha, scale x_m): CDF 1 - (x_m / x)**alpha, x >= x_m.

    u = 1 - (x_m / x)**alpha  =>  x = x_m (1 - u)**(-1 / alpha)
                                    = x_m exp(-log(1 - u) / alpha).
    The tail mass beyond x falls like x**-alpha: polynomially, not
    exponentially, and for alpha <= 1 the mean is infinite.
    """
    alpha, scale = _positive("alpha", alpha), _positive("scale", scale)
    return ContinuousInverseCDF.from_ppf(
        lambda u: scale * np.exp(-np.log1p(-u) / alpha),
        lambda x: -np.expm1(alpha * np.log(scale / np.maximum(x, scale))))
