namespace Esf.Domain.Rules.Document;

/// <summary>The XML values of the seller (B 10) and customer (C 20) categories, with the letters of the manual.</summary>
public static class Categories
{
    public const string Committent = "COMMITTENT";
    public const string Broker = "BROKER";                          // B 10 «B», C 20 «B»
    public const string Forwarder = "FORWARDER";                    // B 10 «C»
    public const string Lessor = "LESSOR";                          // B 10 «D»
    public const string Lessee = "LESSEE";                          // C 20 «C»
    public const string SharingAgreement = "SHARING_AGREEMENT_PARTICIPANT"; // B 10 «E», C 20 «G»
    public const string JointActivity = "JOINT_ACTIVITY_PARTICIPANT"; // B 10 «F», C 20 «D»
    public const string Exporter = "EXPORTER";                      // B 10 «G»
    public const string Transporter = "TRANSPORTER";                // B 10 «H»
    public const string Principal = "PRINCIPAL";                    // B 10 «I», C 20 «H»
    public const string PublicOfficeCustomer = "PUBLIC_OFFICE";             // C 20 «E»
    public const string NonResident = "NONRESIDENT";                // C 20 «F»
    public const string Retail = "RETAIL";                          // C 20 «I»
    public const string Individual = "INDIVIDUAL";                  // C 20 «J»
    public const string Lawyer = "LAWYER";
    public const string Bailiff = "BAILIFF";
    public const string Mediator = "MEDIATOR";
    public const string Notary = "NOTARY";
}
