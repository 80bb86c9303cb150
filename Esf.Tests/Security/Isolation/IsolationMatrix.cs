using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

/// <summary>
/// The one check of the isolation matrices (invoices, waybills): the stranger's answer for the owner's document equals its answer
/// for a missing one (no existence oracle), the owner's own answer differs (the comparison is not vacuous), and the stranger's
/// calls change neither the status nor the history. The attack is recorded for docs/security-tests.md.
/// </summary>
public static class IsolationMatrix
{
    /// <param name="document">"invoice" or "waybill", for the messages.</param>
    /// <param name="readOwnState">The owner's view of its document: status and number of history rows.</param>
    public static async Task AssertLikeMissingAsync(
        TenantOperation operation, Caller owner, Caller stranger, InvoiceTarget target, string document,
        Func<InvoiceTarget, Task<(string Status, int HistoryRows)>> readOwnState)
    {
        var missing = target.Missing();
        var before = await readOwnState(target);

        var strangerAnswer = target.Normalize(await operation.Invoke(stranger, target));
        var missingAnswer = missing.Normalize(await operation.Invoke(stranger, missing));
        var after = await readOwnState(target);
        var ownerAnswer = target.Normalize(await operation.Invoke(owner, target));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(strangerAnswer, Is.EqualTo(missingAnswer), $"another enterprise's {document} must answer like a missing one");
            Assert.That(ownerAnswer, Is.Not.EqualTo(missingAnswer), $"the owner must reach the {document} (else the comparison proves nothing)");
            Assert.That(after, Is.EqualTo(before), "the stranger's calls must change neither the status nor the history");
        }

        AttackLog.Record("Tenant isolation", $"Enterprise Y calls {operation.Name} with enterprise X's {document}",
            $"Same answer as for a nonexistent {document} ({strangerAnswer.Split(' ')[0]}); X's {document} unchanged ({before.Status}, {before.HistoryRows} history rows)");
    }
}
