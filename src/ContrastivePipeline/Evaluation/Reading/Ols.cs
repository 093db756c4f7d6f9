namespace ContrastivePipeline.Evaluation.Reading;

/// <summary>R² of an ordinary least-squares fit with an intercept.</summary>
/// <remarks>
/// The columns are centred (that is the intercept) and orthonormalised by modified Gram-Schmidt with one
/// re-orthogonalisation pass; y's residual after projecting on them gives RSS. This is the least-squares solution
/// without forming XᵀX, whose condition number squares that of X, which matters here: interaction columns such as
/// frequency × length are strongly correlated with their main effects. A column that is (numerically) a combination
/// of earlier ones adds nothing and is skipped, as a pseudo-inverse would.
/// </remarks>
internal static class Ols
{
    /// <summary>R² without and with <paramref name="added"/> columns; the second fit reuses the first one's basis.</summary>
    public static (double Base, double Model) Nested(IReadOnlyList<double[]> predictors, IReadOnlyList<double[]> added, double[] y)
    {
        var centredY = Centre(y);
        var total = Dot(centredY, centredY);
        if (total == 0)
            throw new ArgumentException("the response is constant: R² is undefined");
        var basis = new List<double[]>();
        foreach (var column in predictors)
            AddToBasis(basis, column, y.Length);
        var r2Base = 1 - ResidualSumOfSquares(basis, centredY) / total;
        foreach (var column in added)
            AddToBasis(basis, column, y.Length);
        return (r2Base, added.Count == 0 ? r2Base : 1 - ResidualSumOfSquares(basis, centredY) / total);
    }

    static void AddToBasis(List<double[]> basis, double[] column, int rows)
    {
        if (column.Length != rows)
            throw new ArgumentException($"a predictor has {column.Length} rows, the response {rows}");
        var q = Centre(column);
        var norm0 = Math.Sqrt(Dot(q, q));
        for (var pass = 0; pass < 2; pass++)
            foreach (var b in basis)
                Subtract(q, b, Dot(q, b));
        var norm = Math.Sqrt(Dot(q, q));
        if (norm <= 1e-10 * norm0 || norm == 0)
            return;
        for (var i = 0; i < q.Length; i++)
            q[i] /= norm;
        basis.Add(q);
    }

    static double ResidualSumOfSquares(List<double[]> basis, double[] centredY)
    {
        var residual = (double[])centredY.Clone();
        foreach (var b in basis)
            Subtract(residual, b, Dot(residual, b));
        return Dot(residual, residual);
    }

    /// <summary>The main effects followed by every pairwise product a:b (a before b), as in the BabyLM formulas.</summary>
    public static List<double[]> WithPairwiseInteractions(IReadOnlyList<double[]> mains)
    {
        var columns = new List<double[]>(mains);
        for (var a = 0; a < mains.Count; a++)
            for (var b = a + 1; b < mains.Count; b++)
                columns.Add(mains[a].Zip(mains[b], (x, z) => x * z).ToArray());
        return columns;
    }

    static double[] Centre(double[] v)
    {
        var mean = v.Average();
        return v.Select(x => x - mean).ToArray();
    }

    static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    static void Subtract(double[] target, double[] direction, double amount)
    {
        for (var i = 0; i < target.Length; i++)
            target[i] -= amount * direction[i];
    }
}
