using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Sandbox;

namespace Esf.Api.Rest.Sandbox;

/// <summary>The enterprise whose documents go.</summary>
public sealed record ResetBody(string Tin);

/// <summary>How many invoices and waybills were removed.</summary>
public sealed record ResetView(string Tin, long RemovedInvoices, long RemovedWaybills);

/// <summary>POST /sandbox/reset: start an enterprise's world again, without its documents.</summary>
public static class SandboxResetEndpoints
{
    public static RouteGroupBuilder MapSandboxResetEndpoints(this RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/reset", async (ResetBody body, SandboxReset reset, CancellationToken ct) =>
            {
                RequiredFields.Check(("tin", body.Tin));
                var (invoices, waybills) = await reset.ResetAsync(body.Tin, ct);
                return TypedResults.Ok(new ResetView(body.Tin, invoices, waybills));
            })
            .WithName("ResetSandboxEnterprise")
            .WithSummary("Remove an enterprise's documents")
            .WithDescription("Every invoice and waybill the enterprise uploaded with their errors, history, webhook deliveries, uploads, declined uploads and " +
                "idempotency keys; its clock offset and pending faults. Taxpayers, users and keys stay.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        return sandbox;
    }
}
