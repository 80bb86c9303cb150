using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Participants;

namespace Esf.Api.Rest.Participants;

/// <summary>The wire names of <see cref="ParticipantKind"/>: INDIVIDUAL (ФЛ), ENTREPRENEUR (ИП), LEGAL_ENTITY (ЮЛ).</summary>
public static class ParticipantKinds
{
    public static ParticipantKind Parse(string? kind) => kind switch
    {
        "INDIVIDUAL" => ParticipantKind.Individual,
        "ENTREPRENEUR" => ParticipantKind.Entrepreneur,
        "LEGAL_ENTITY" => ParticipantKind.LegalEntity,
        _ => throw EsfException.InvalidInput("kind must be INDIVIDUAL, ENTREPRENEUR or LEGAL_ENTITY."),
    };
}
