using Esf.Domain.Warehouse;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// One document of an upload (invoiceUploadInfo): the body exactly as sent, as its UTF-8 bytes (<see cref="Utf8Body"/>), its
/// version, signature and signature type.
/// </summary>
/// <param name="WarehouseLines">The lines sold through the virtual warehouse (REST only: the body has no field for them).</param>
public sealed record UploadItem(Utf8Body Body, string Version, string Signature, string SignatureType, IReadOnlyList<WarehouseLineRef>? WarehouseLines = null);
