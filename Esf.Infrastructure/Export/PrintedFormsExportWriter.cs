using System.IO.Compression;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Printing;
using Esf.Infrastructure.Search;

namespace Esf.Infrastructure.Export;

/// <summary>
/// A ZIP of printed forms, one PDF per invoice (named by registration number, else esf-&lt;id&gt;), written entry by entry to
/// the response: the archive goes out as it is made (data descriptors, no seeking), so memory holds one form at a time.
/// </summary>
internal sealed class PrintedFormsExportWriter(Stream output, Uri? publicBase) : IExportWriter
{
    private ZipArchive? archive;

    public async Task StartAsync() =>
        archive = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null);

    public async Task WriteAsync(InvoiceRecord invoice, SearchCursor cursor)
    {
        var printed = InvoicePrinter.Print(invoice, PrintFormat.Pdf, publicBase);
        // The PDF's streams are already deflated: storing them again compressed would only cost CPU.
        var entry = archive!.CreateEntry(printed.FileName, CompressionLevel.NoCompression);
        await using var stream = await entry.OpenAsync();
        await stream.WriteAsync(printed.Content);
    }

    public Task FlushAsync() => output.FlushAsync();

    public async Task EndAsync()
    {
        await archive!.DisposeAsync();
        archive = null;
        await output.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (archive is not null)
        {
            await archive.DisposeAsync();
        }
    }
}
