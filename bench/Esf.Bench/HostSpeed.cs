using System.Globalization;

namespace Esf.Bench;

/// <summary>
/// The host's speed just before the clock starts and just after the last verdict: RSA-2048 verifies per second on one core
/// (<c>openssl speed</c>, the services idle). A guest cannot see a hypervisor slowing its cores — this one reports no steal time —
/// and this host's speed has moved by a quarter within minutes, so a run whose two probes differ by more than a tenth was measured on
/// a machine that changed under it and is not used for a claim.
/// </summary>
/// <param name="VerifyPerSecondBefore">NaN when openssl is missing; the run is then judged without this probe.</param>
public sealed record HostSpeed(double VerifyPerSecondBefore, double VerifyPerSecondAfter)
{
    /// <summary>A larger move than this (either way) makes the run unusable for a claim.</summary>
    public const double MaxMove = 0.1;

    /// <summary>After ÷ before − 1; NaN when either probe is missing.</summary>
    public double Move => VerifyPerSecondAfter / VerifyPerSecondBefore - 1;

    public bool Moved => Math.Abs(Move) > MaxMove;

    /// <summary>The run's host speed: the mean of its two probes (NaN when openssl is missing).</summary>
    public double VerifyPerSecond => (VerifyPerSecondBefore + VerifyPerSecondAfter) / 2;

    public string Describe() => double.IsNaN(Move)
        ? "not measured (openssl could not be run)"
        : string.Create(CultureInfo.InvariantCulture,
            $"RSA-2048 verify {VerifyPerSecondBefore:#,0}/s per core before it, {VerifyPerSecondAfter:#,0}/s after ({(Move < 0 ? "−" : "+")}{Math.Abs(Move) * 100:0} %)");
}
