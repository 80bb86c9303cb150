namespace Esf.Infrastructure.Signatures;

/// <summary>Who a certificate was issued to: the person (ИИН), for an entity's key the entity (БИН), and the НУЦ РК roles it states.</summary>
public sealed record CertificateSubject(string? Iin, string? Bin, NcaRoles Roles = NcaRoles.None)
{
    /// <summary>True when the key may sign as its entity (see <see cref="NcaRoleOids.MaySignForEntity"/>).</summary>
    public bool MaySignForEntity => NcaRoleOids.MaySignForEntity(Roles);
}
