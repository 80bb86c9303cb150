using System.Net;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Registry;

/// <summary>LIQ-01/LIQ-02: delegations for liquidated branches are checked against the taxpayer registry line by line.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Importing_branch_delegations
{
    [Test]
    public async Task Should_import_a_valid_delegation_and_reject_the_others_with_LIQ01_or_LIQ02_by_line_number()
    {
        var (head, branch, grantee, other, unknown) =
            (TestTenant.UniqueTin(), TestTenant.UniqueTin(), TestTenant.UniqueTin(), TestTenant.UniqueTin(), TestTenant.UniqueTin());
        var taxpayers = "tin,name_ru,head_office_tin,deregistered_on,deregistration_reason\n" +
            $"{head},ТОО Головное,,,\n{other},ТОО Другое,,,\n{branch},Филиал ликвидированный,{head},2026-01-10,Ликвидация\n" +
            $"{grantee},Филиал действующий,{head},,\n";
        var imported = await Importing_registries_from_csv.PostAsync("taxpayers", taxpayers);
        Assert.That(imported.Body.GetProperty("imported").GetInt32(), Is.EqualTo(4), imported.Body.ToString());
        var delegations = "liquidated_tin,delegate_tin,head_office_tin,valid_from,valid_to\n" +
            $"{branch},{grantee},{head},2026-01-11,2026-12-31\n" +
            $"{branch},{grantee},{other},2026-02-01,\n" +
            $"{grantee},{branch},{head},2026-01-11,\n" +
            $"{branch},{unknown},{head},2026-03-01,\n";

        var (status, body) = await Importing_registries_from_csv.PostAsync("delegations", delegations);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("imported").GetInt32(), Is.EqualTo(1));
        var rejected = body.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("reason").GetString()![..6])).ToList();
        Assert.That(rejected, Is.EqualTo(new[] { (3, "LIQ-01"), (4, "LIQ-02"), (5, "LIQ-02") }));
    }
}
