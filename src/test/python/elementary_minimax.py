#!/usr/bin/env python3
"""Minimax coefficients of relufem's elementary functions (org.relufem.method.net.Elementary).

Each function is approximated on its reduced interval by a rational P(t)/Q(t) (a polynomial when Q
has degree 0) minimising the largest *relative* error, found by Remez' exchange algorithm in
60-digit arithmetic (mpmath), started from a Lawson-weighted linearised least-squares fit:

  tanh     tanh(x) = x P(y) / Q(y), y = x^2, x in [0, 18.72]  (1 - tanh(18.72) < 2^-54), degrees 9/9
  sin      sin(r) = r + r^3 S(y), y = r^2, r in [0, pi/4], S of degree 5 (sin of degree 13)
  cos      cos(r) = 1 + y C(y), C of degree 6 (cos of degree 14)
  log1p    log1p(e) = e + e^2 P(e) / Q(e), e in [0, 1] (softplus's e = exp(-|z|)), degrees 6/6

The coefficients are printed as Java hexadecimal literals, rounded to double, with the minimax
error; ElementaryTest measures the error of the double evaluation against StrictMath.

Run: python3 src/test/python/elementary_minimax.py   (about 12 s)
"""
import mpmath as mp

mp.mp.dps = 60


def horner(c, t):
    s = mp.mpf(0)
    for a in reversed(c):
        s = s * t + a
    return s


def minimax(f, a, b, m, n, grid_points=6000):
    """(p, q, E): P of degree m, Q of degree n with Q(0) = 1, |P/Q / f - 1| <= E on [a, b]."""
    grid = [a + (b - a) * (1 - mp.cos(mp.pi * k / grid_points)) / 2 for k in range(grid_points + 1)]
    fg = [f(t) for t in grid]

    def errors(p, q):
        return [horner(p, t) / horner(q, t) / ft - 1 for t, ft in zip(grid, fg)]

    # start: linearised least squares P - f Q = 0 weighted by 1 / (f Q_old), Lawson's reweighting
    coarse = list(range(0, grid_points + 1, 20))
    w = [mp.mpf(1)] * len(coarse)
    q = [mp.mpf(1)]
    for _ in range(12):
        A = mp.matrix(len(coarse), m + 1 + n)
        rhs = mp.matrix(len(coarse), 1)
        for i, k in enumerate(coarse):
            t, ft = grid[k], fg[k]
            s = w[i] / (ft * abs(horner(q, t)))
            for j in range(m + 1):
                A[i, j] = s * t ** j
            for j in range(1, n + 1):
                A[i, m + j] = -s * ft * t ** j
            rhs[i] = s * ft
        sol = mp.qr_solve(A, rhs)[0]
        p, q = [sol[j] for j in range(m + 1)], [mp.mpf(1)] + [sol[m + j] for j in range(1, n + 1)]
        e = [abs(horner(p, grid[k]) / horner(q, grid[k]) / fg[k] - 1) for k in coarse]
        w = [wi * ei for wi, ei in zip(w, e)]
        total = sum(w)
        w = [wi / total for wi in w]

    N = m + n + 2
    for _ in range(40):
        e = errors(p, q)
        turning = [0] + [i for i in range(1, grid_points) if (e[i] - e[i - 1]) * (e[i + 1] - e[i]) <= 0] + [grid_points]
        ref = []
        for i in turning:  # one extremum per run of equal sign, the largest
            if ref and mp.sign(e[ref[-1]]) == mp.sign(e[i]):
                if abs(e[i]) > abs(e[ref[-1]]):
                    ref[-1] = i
            else:
                ref.append(i)
        while len(ref) > N:
            ref.pop(0 if abs(e[ref[0]]) < abs(e[ref[-1]]) else -1)
        worst = max(abs(v) for v in e)
        if len(ref) < N or worst / min(abs(e[i]) for i in ref) - 1 < mp.mpf('1e-6'):
            return p, q, worst
        qold = q
        for _ in range(4):  # the level equation P - f Q = (-1)^i E f Q, linearised in Q_old
            A = mp.matrix(N, N)
            rhs = mp.matrix(N, 1)
            for i, k in enumerate(ref):
                t, ft = grid[k], fg[k]
                for j in range(m + 1):
                    A[i, j] = t ** j
                for j in range(1, n + 1):
                    A[i, m + j] = -ft * t ** j
                A[i, N - 1] = -(-1) ** i * ft * horner(qold, t)
                rhs[i] = ft
            sol = mp.lu_solve(A, rhs)
            p, qold = [sol[j] for j in range(m + 1)], [mp.mpf(1)] + [sol[m + j] for j in range(1, n + 1)]
        q = qold
    raise RuntimeError('Remez did not converge')


def java(name, coefficients):
    for j, c in enumerate(coefficients):
        print(f'    static final double {name}{j} = {float(c).hex()}; // {mp.nstr(c, 20)}')


def main():
    limit = mp.mpf('18.72')
    p, q, e = minimax(lambda y: mp.tanh(mp.sqrt(y)) / mp.sqrt(y) if y else mp.mpf(1), 0, limit ** 2, 9, 9)
    print(f'// tanh(x) = x P(x^2) / Q(x^2) on [0, {limit}], relative error {mp.nstr(e, 3)}')
    java('TP', p)
    java('TQ', q)
    quarter = (mp.pi / 4) ** 2

    def sin_part(y):
        r = mp.sqrt(y)
        return (mp.sin(r) - r) / (y * r) if y else mp.mpf(-1) / 6

    def cos_part(y):
        return (mp.cos(mp.sqrt(y)) - 1) / y if y else mp.mpf(-1) / 2

    p, _, e = minimax(sin_part, 0, quarter, 5, 0, 2000)
    print(f'// sin(r) = r + r^3 S(r^2) on [0, pi/4], S within {mp.nstr(e, 3)} relative')
    java('S', p)
    p, _, e = minimax(cos_part, 0, quarter, 6, 0, 2000)
    print(f'// cos(r) = 1 + r^2 C(r^2) on [0, pi/4], C within {mp.nstr(e, 3)} relative')
    java('C', p)

    def log1p_part(e):
        return (mp.log1p(e) - e) / e ** 2 if e else mp.mpf(-1) / 2

    p, q, e = minimax(log1p_part, 0, 1, 6, 6, 3000)
    print(f'// log1p(e) = e + e^2 P(e) / Q(e) on [0, 1], P / Q within {mp.nstr(e, 3)} relative of (log1p(e) - e) / e^2')
    java('LP', p)
    java('LQ', q)


if __name__ == '__main__':
    main()
