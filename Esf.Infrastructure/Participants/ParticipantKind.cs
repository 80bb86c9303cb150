namespace Esf.Infrastructure.Participants;

/// <summary>Who registers (seed 000): a person (ФЛ), an entrepreneur (ИП) or a legal entity (ЮЛ, by its head).</summary>
public enum ParticipantKind
{
    Individual,
    Entrepreneur,
    LegalEntity,
}
