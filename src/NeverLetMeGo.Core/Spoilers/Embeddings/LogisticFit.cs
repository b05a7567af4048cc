namespace NeverLetMeGo.Core.Spoilers.Embeddings;

/// <summary>
/// L2-regularised logistic regression over dense features, fitted by L-BFGS to convergence: classes weighted to balance,
/// a bias that is not shrunk, single-threaded with a fixed summation order, so the same rows always give the same
/// weights bit for bit.
/// </summary>
internal static class LogisticFit
{
    private const int Memory = 10;
    private const int MaxIterations = 300;
    private const double Tolerance = 1e-6;

    /// <summary>Weights for <paramref name="rows"/>' features, then the bias as the last element.</summary>
    public static double[] Fit(IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels, double l2)
    {
        var n = rows.Count;
        var d = rows[0].Length;
        var positives = labels.Count(y => y);
        if (positives == 0 || positives == n)
            throw new ArgumentException("both classes are needed", nameof(labels));
        var weightPositive = n / (2.0 * positives);
        var weightNegative = n / (2.0 * (n - positives));

        double Loss(double[] w, double[] gradient)
        {
            Array.Clear(gradient);
            var loss = 0.0;
            for (var i = 0; i < n; i++)
            {
                var x = rows[i];
                var z = w[d];
                for (var j = 0; j < d; j++)
                    z += w[j] * x[j];
                var y = labels[i];
                var c = y ? weightPositive : weightNegative;
                // log(1 + e^-m) without overflow, m the signed margin.
                var m = y ? z : -z;
                loss += c * (m > 0 ? Math.Log(1 + Math.Exp(-m)) : -m + Math.Log(1 + Math.Exp(m)));
                var g = c * (Sigmoid(z) - (y ? 1 : 0));
                for (var j = 0; j < d; j++)
                    gradient[j] += g * x[j];
                gradient[d] += g;
            }

            for (var j = 0; j < d; j++)
            {
                loss += 0.5 * l2 * w[j] * w[j];
                gradient[j] += l2 * w[j];
            }

            return loss;
        }

        return Minimise(Loss, d + 1);
    }

    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    private static double[] Minimise(Func<double[], double[], double> f, int size)
    {
        var w = new double[size];
        var g = new double[size];
        var fx = f(w, g);
        var s = new List<double[]>();
        var y = new List<double[]>();
        var next = new double[size];
        var nextGradient = new double[size];
        for (var iteration = 0; iteration < MaxIterations && Norm(g) > Tolerance * Math.Max(1, Norm(w)); iteration++)
        {
            var direction = Direction(g, s, y);
            var slope = Dot(direction, g);
            if (slope >= 0)
            {
                // Not a descent direction (curvature lost to rounding): restart from steepest descent.
                s.Clear();
                y.Clear();
                direction = g.Select(v => -v).ToArray();
                slope = Dot(direction, g);
            }

            var step = iteration == 0 ? 1.0 / Math.Max(1, Norm(g)) : 1.0;
            double fNext;
            while (true)
            {
                for (var j = 0; j < size; j++)
                    next[j] = w[j] + step * direction[j];
                fNext = f(next, nextGradient);
                if (fNext <= fx + 1e-4 * step * slope || step < 1e-12)
                    break;
                step *= 0.5;
            }

            var sk = new double[size];
            var yk = new double[size];
            for (var j = 0; j < size; j++)
            {
                sk[j] = next[j] - w[j];
                yk[j] = nextGradient[j] - g[j];
            }

            if (Dot(sk, yk) > 1e-12)
            {
                s.Add(sk);
                y.Add(yk);
                if (s.Count > Memory)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                }
            }

            (w, next) = (next, w);
            (g, nextGradient) = (nextGradient, g);
            if (Math.Abs(fx - fNext) <= 1e-12 * Math.Max(1, Math.Abs(fx)))
            {
                fx = fNext;
                break;
            }

            fx = fNext;
        }

        return w;
    }

    // The two-loop recursion: the inverse Hessian's product with the gradient from the last steps, negated.
    private static double[] Direction(double[] g, List<double[]> s, List<double[]> y)
    {
        var q = (double[])g.Clone();
        var alpha = new double[s.Count];
        for (var k = s.Count - 1; k >= 0; k--)
        {
            alpha[k] = Dot(s[k], q) / Dot(y[k], s[k]);
            for (var j = 0; j < q.Length; j++)
                q[j] -= alpha[k] * y[k][j];
        }

        if (s.Count > 0)
        {
            var gamma = Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]);
            for (var j = 0; j < q.Length; j++)
                q[j] *= gamma;
        }

        for (var k = 0; k < s.Count; k++)
        {
            var beta = Dot(y[k], q) / Dot(y[k], s[k]);
            for (var j = 0; j < q.Length; j++)
                q[j] += (alpha[k] - beta) * s[k][j];
        }

        for (var j = 0; j < q.Length; j++)
            q[j] = -q[j];
        return q;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
            sum += a[j] * b[j];
        return sum;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));
}
