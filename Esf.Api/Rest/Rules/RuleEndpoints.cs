using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Registration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Rules;

/// <summary>/api/v1/rules (the ФЛК catalogue) and /api/v1/invoices/validate (the whole ФЛК as a dry run).</summary>
public static class RuleEndpoints
{
    public static RouteGroupBuilder MapRuleEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/rules", () => TypedResults.Ok(RuleCatalogueView.Current))
            .WithTags("Rules")
            .WithName("GetRules")
            .WithSummary("The rule catalogue of the format-and-logic control")
            .WithDescription("Every rule with its id, stage, errorCode, messages (ru, en), the fields it reads and its legal basis; " +
                "and the checks of the manual that have no rule, with the reason. docs/rules.md is generated from the same source.");

        api.MapPost("/invoices/validate", ValidateAsync)
            .WithTags("Rules")
            .WithName("ValidateInvoice")
            .WithSummary("Run the whole control on an invoice without storing it")
            .WithDescription("The upload's checks, who may send the invoice (UPL-01, UPL-02), then the registration rules exactly as the " +
                "worker runs them; nothing is stored. Only the session's own invoices (or, with signatureType OPERATOR, those of a " +
                "seller whose power of attorney the user holds today) are judged: any other seller is refused with UPL-01, as at upload. " +
                "With signature and x509Certificate the signature rules (GEN-01, B-02, POA-01) run too. With warehouseLines (as the upload " +
                "names them) and the rest passing, the worker's warehouse checks run too (VS-15, VS-02, VS-07 … VS-13, the balance VS-01, " +
                "VS-14) in a transaction rolled back: nothing moves.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Ok<ValidationView>> ValidateAsync(
        ValidateInvoiceBody body, BearerSession bearer, InvoiceValidator validator, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.InvoiceBody))
        {
            throw EsfException.InvalidInput("invoiceBody is required");
        }

        var result = await validator.ValidateAsync(
            bearer.Context, body.InvoiceBody, body.Signature, body.X509Certificate, body.SignatureType, body.WarehouseLines?.Where(l => l is not null).ToList(), ct);
        return TypedResults.Ok(ValidationView.From(result));
    }
}
