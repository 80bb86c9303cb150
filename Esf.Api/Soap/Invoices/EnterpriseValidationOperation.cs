using Esf.Api.Soap.Framework;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Sessions;

namespace Esf.Api.Soap.Invoices;

/// <summary>InvoiceService.enterpriseValidation: checks enterprises' registration data; a non-SUCCESS result is an answer, not a fault.</summary>
public static class EnterpriseValidationOperation
{
    public static SoapServiceDefinition MapEnterpriseValidation(this SoapServiceDefinition service) =>
        service.Map<EnterpriseValidationRequest, EnterpriseValidationResponse>(
            "enterpriseValidationRequest", "enterpriseValidationResponse", ValidateAsync);

    private static async Task<EnterpriseValidationResponse> ValidateAsync(EnterpriseValidationRequest request, SoapCall call)
    {
        await call.Get<SessionService>().RequireAsync(request.SessionId, call.CancellationToken);
        var keys = request.EnterpriseKeyList!;
        if (keys.Count == 0 || keys.Any(k => string.IsNullOrWhiteSpace(k.Tin) || k.CertificateSeries is null || k.CertificateNum is null))
        {
            throw EsfException.Business("enterpriseKey requires certificateSeries, certificateNum and tin", "FIELD_IS_NULL");
        }

        var results = await call.Get<EnterpriseValidator>().ValidateAsync(
            keys.Select(k => new EnterpriseKey(k.CertificateSeries!, k.CertificateNum!, k.Tin!, k.Bik, k.Iik)).ToList(), call.CancellationToken);
        return new EnterpriseValidationResponse
        {
            ResultList = [.. results.Select(r => new EnterpriseValidationResultContract { Tin = r.Tin, ResultType = r.ResultType })],
        };
    }
}
