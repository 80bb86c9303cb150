using Esf.Domain.Calendar;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Esf.Api.Rest.OpenApi;

/// <summary>
/// Date query parameters are bound as text (ADR 0006), so the document would call them plain strings: this says which two
/// forms they take.
/// </summary>
public sealed class DateParameterOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && (name.EndsWith("DateFrom", StringComparison.OrdinalIgnoreCase) || name.EndsWith("DateTo", StringComparison.OrdinalIgnoreCase)))
            {
                parameter.Description = name.StartsWith("LastUpdate", StringComparison.OrdinalIgnoreCase)
                    ? $"A day, {DayFormats.Esf} or {DayFormats.Iso} (its start in Kazakhstan time), or an ISO 8601 date-time with its offset."
                    : $"A day, {DayFormats.Esf} (ESF, day first) or {DayFormats.Iso} (ISO); no other form is read.";
            }
        }
    }
}
