using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Sandbox;

namespace Esf.Api.Rest.Sandbox;

/// <summary>The enterprise whose documents go.</summary>
public sealed record ResetBody(string Tin);

/// <summary>How many invoices were removed.</summary>
public sealed record ResetView(string Tin, long RemovedInvoices);

/// <summary>POST /sandbox/reset: start an enterprise's world again, without its documents.</summary>
public static class SandboxResetEndpoints
{
    public static RouteGroupBuilder MapSandboxResetEndpoints(this RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/reset", async (ResetBody body, SandboxReset reset, CancellationToken ct) =>
            {
                RequiredFields.Check(("tin", body.Tin));
                return TypedResults.Ok(new ResetView(body.Tin, await reset.ResetAsync(body.Tin, ct)));
            })
            .WithName("ResetSandboxEnterprise")
            .WithSummary("Remove an enterprise's documents")
            .WithDescription("Every invoice the enterprise uploaded with its errors, history, webhook deliveries, uploads, declined uploads and " +
                "idempotency keys; its clock offset and pending faults. Taxpayers, users and keys stay.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        return sandbox;
    }
}
